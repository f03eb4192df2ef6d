"""The `forcewatch` command line: thin wrappers over library calls.

Each module here that defines `register(app)` adds its commands; `main.py` finds them,
so a new command is one new file.
"""
