"""Templates for the personal-data and secrets guard and for limits (techvp.guard)."""

MESSAGES: dict[str, str] = {}
