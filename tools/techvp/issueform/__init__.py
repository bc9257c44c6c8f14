"""GitHub issue forms: `techvp forms` writes them from the models and a batch, `techvp from-issue`
turns a submitted form back into a record (see spec.py for the one declaration both use)."""
