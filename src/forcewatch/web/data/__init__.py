"""Read models for the web layer: rows from the store shaped as the API returns them.

Each module turns one kind of record into plain dicts; routes and pages share them, so the
JSON and the HTML always show the same thing.
"""
