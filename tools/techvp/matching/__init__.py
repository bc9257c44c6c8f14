"""Matching: the quota split, affinity, the exact assignment and the result staff review."""
