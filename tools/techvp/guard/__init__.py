"""The personal-data and secrets guard: ID numbers, bank cards and credentials never get in.

`scan.scan_text` checks one file's text (values and comments alike) and `scan.scan_name` its
path; `scan.scan_tree` walks `submissions/`; `diff.scan_diff` checks what a pull request adds.
Every hit is an error that names the place but never echoes the secret.
"""
