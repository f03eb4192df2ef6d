"""forcewatch's one error hierarchy.

Every message says what failed, on which input, and what to do next.

    ForcewatchError
    ├── ConfigError            bad setting, unknown model name, bad database URL
    ├── StoreError             the database cannot be opened, migrated or written
    ├── InputError             one input could not be read; batch work records it and goes on
    │   ├── MissingInput       path, glob or URL that names nothing
    │   ├── UnreadableInput    binary, undecodable, too large, or a feed that fails
    │   ├── EmptyInput         no text after cleaning
    │   └── MalformedInput     invalid JSON/CSV/feed (with the line number when known)
    ├── KnowledgeError         a knowledge-base file does not validate (file:line: message)
    ├── ExtractionError        the NLP pipeline cannot be built or run
    └── NotFound               an id (document, run, problem) that is not in the store
"""

from __future__ import annotations


class ForcewatchError(Exception):
    """Base class. `str(err)` is a full sentence a user can act on."""

    exit_code = 1


class ConfigError(ForcewatchError):
    """A setting is wrong; the message names the setting and how to fix it."""

    exit_code = 2


class StoreError(ForcewatchError):
    """The store cannot be opened, migrated or written."""


class InputError(ForcewatchError):
    """One input could not be turned into documents.

    `input` is the path or URL as the user gave it; `reason` is the short, specific cause
    recorded in the rejects table; `line` is set when the fault is at a known line.
    """

    def __init__(self, input: str, reason: str, hint: str = "", line: int | None = None):
        self.input = input
        self.reason = reason
        self.hint = hint
        self.line = line
        where = f"{input}:{line}" if line else input
        super().__init__(f"{where}: {reason}" + (f" ({hint})" if hint else ""))


class MissingInput(InputError):
    """A path, glob or URL that names nothing."""


class UnreadableInput(InputError):
    """Binary, undecodable, over the size limit, or a feed/page that cannot be fetched."""


class EmptyInput(InputError):
    """Nothing left to read after cleaning."""


class MalformedInput(InputError):
    """Invalid JSON, CSV or feed; `line` says where when known."""


class KnowledgeError(ForcewatchError):
    """A knowledge-base file does not validate; the message is `file:line: message`."""


class ExtractionError(ForcewatchError):
    """The extraction pipeline cannot be built or run."""


class NotFound(ForcewatchError):
    """An id that is not in the store."""
