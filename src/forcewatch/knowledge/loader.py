"""Reading and validating knowledge-base files, shipped and the user's own.

A data file is YAML::

    # what this file holds and where its facts come from
    version: "2024.1"
    kind: equipment            # equipment | units | places | sources | echelons
    source: wp:T-72            # optional default for entries without their own
    defaults: {item: tank}     # optional field values every entry starts from
    entries:
      - {name: T-72B3, aliases: [Т-72Б3], source: wp:T-72}

Errors are `file:line: message`; batch loading collects them all instead of stopping.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from ..errors import KnowledgeError
from .model import KINDS, Entry
from .text import key

DATA_DIR = Path(__file__).parent / "data"
LINE = "__line__"
# Kinds read by their own modules (grammar words, lexicons), not as entry lists.
OTHER_KINDS = {"unit_grammar", "lexicon", "place_phrases"}


_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml parses ~20x faster


class _LineLoader(_BASE_LOADER):
    """Safe loader that records the 1-based line of every mapping under `__line__`."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE] = node.start_mark.line + 1
        return mapping


@dataclass
class LoadedFile:
    """One data file after validation: its entries and the errors found in it."""

    path: Path
    kind: str = ""
    version: str = ""
    entries: list[Entry] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    raw: dict = field(default_factory=dict)


def read_yaml(path: Path) -> dict:
    """Parse one YAML file; raise KnowledgeError with file:line on bad YAML."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"{path}:1: cannot read the file ({exc}); check the path and that it is UTF-8.") from exc
    try:
        doc = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        line = exc.problem_mark.line + 1 if getattr(exc, "problem_mark", None) else 1
        raise KnowledgeError(f"{path}:{line}: invalid YAML: {getattr(exc, 'problem', exc)}; fix the syntax.") from exc
    if not isinstance(doc, dict):
        raise KnowledgeError(f"{path}:1: expected a mapping with 'version', 'kind' and 'entries'.")
    return doc


def _header_errors(path: Path, doc: dict) -> list[str]:
    errors = []
    if "version" not in doc:
        errors.append(f"{path}:1: missing 'version'; add e.g. version: \"1\".")
    kind = doc.get("kind")
    if kind not in KINDS and kind not in OTHER_KINDS:
        known = ", ".join(sorted([*KINDS, *OTHER_KINDS]))
        errors.append(f"{path}:{doc.get(LINE, 1)}: unknown kind {kind!r}; use one of {known}.")
    return errors


def _entry(path: Path, kind: str, raw: dict, defaults: dict, file_source: str | None) -> Entry:
    data = {**defaults, **{k: v for k, v in raw.items() if k != LINE}}
    if file_source and "source" not in data:
        data["source"] = file_source
    data["origin_file"] = str(path)
    data["line"] = raw.get(LINE, 0)
    return KINDS[kind].model_validate(data)


def _describe(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"]) or "entry"
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)


def load_file(path: Path) -> LoadedFile:
    """Validate one data file; every problem becomes a `file:line: message` in `.errors`."""
    path = Path(path)
    out = LoadedFile(path)
    try:
        doc = read_yaml(path)
    except KnowledgeError as exc:
        out.errors.append(str(exc))
        return out
    out.raw, out.kind, out.version = doc, str(doc.get("kind", "")), str(doc.get("version", ""))
    out.errors += _header_errors(path, doc)
    if out.errors or out.kind in OTHER_KINDS:
        return out
    entries = doc.get("entries")
    if not isinstance(entries, list):
        out.errors.append(f"{path}:{doc.get(LINE, 1)}: 'entries' must be a list of mappings.")
        return out
    defaults = {k: v for k, v in (doc.get("defaults") or {}).items() if k != LINE}
    for raw in entries:
        _load_entry(out, raw, defaults, doc.get("source"))
    out.errors += duplicate_alias_errors(out.entries)
    return out


def _load_entry(out: LoadedFile, raw, defaults: dict, file_source: str | None) -> None:
    if not isinstance(raw, dict):
        out.errors.append(f"{out.path}:?: each entry must be a mapping, got {raw!r}.")
        return
    try:
        out.entries.append(_entry(out.path, out.kind, raw, defaults, file_source))
    except ValidationError as exc:
        name = raw.get("name", "?")
        out.errors.append(f"{out.path}:{raw.get(LINE, '?')}: entry {name!r}: {_describe(exc)}.")


def duplicate_alias_errors(entries: Iterable[Entry]) -> list[str]:
    """An alias (by key) that names two different entries, or one id used twice."""
    errors = []
    owner: dict[str, Entry] = {}
    ids: dict[str, Entry] = {}
    for entry in entries:
        if entry.id in ids and ids[entry.id] is not entry:
            first = ids[entry.id]
            errors.append(f"{entry.origin_file}:{entry.line}: id {entry.id!r} already used at {first.origin_file}:{first.line}.")
        ids[entry.id] = entry
        for name in {key(n) for n in entry.names()}:
            other = owner.get(name)
            if other is not None and other.id != entry.id:
                errors.append(
                    f"{entry.origin_file}:{entry.line}: alias {name!r} of {entry.name!r} already names "
                    f"{other.name!r} ({other.origin_file}:{other.line}); keep it on one entry."
                )
            owner.setdefault(name, entry)
    return errors


def data_files(dirs: Iterable[Path]) -> list[Path]:
    """Every *.yaml / *.yml under the given directories, in a stable order."""
    out: list[Path] = []
    for d in dirs:
        d = Path(d)
        if not d.exists():
            raise KnowledgeError(f"{d}: knowledge directory does not exist; fix FORCEWATCH_KB_DIRS.")
        files = [d] if d.is_file() else sorted([*d.rglob("*.yaml"), *d.rglob("*.yml")])
        # `lexicons/` folders belong to the extraction lexicons (knowledge.lexicons), not here.
        out += [f for f in files if f == d or "lexicons" not in f.relative_to(d).parts]
    return out


def merge(shipped: list[Entry], user: list[Entry]) -> list[Entry]:
    """User entries replace shipped ones with the same id and add the rest."""
    by_id = {e.id: e for e in shipped}
    for entry in user:
        by_id[entry.id] = entry
    return list(by_id.values())
