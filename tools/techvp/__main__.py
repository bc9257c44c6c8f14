from techvp.cli import entry

entry()
