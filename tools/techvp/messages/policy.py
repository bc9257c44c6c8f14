"""Templates for eligibility policies (techvp.policies); each message ends with its clause."""

MESSAGES: dict[str, str] = {}
