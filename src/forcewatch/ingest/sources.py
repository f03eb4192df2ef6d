"""Input expansion: paths, folders, globs, archives and URLs become `Source`s.

`expand()` yields a `Source` (bytes plus where they came from) or an `InputError` for
each thing that cannot be read, so the runner records it and goes on. Labels name the
input precisely enough to find it again: `a.zip!inner/002.txt`, `feed.xml.gz`, a URL.

Beside a Telegram export's `result.json` lie its media folders (`photos/`, `files/`...):
attachments, never reports (and, in an "HTML and JSON" export, `messages.html` pages that
repeat result.json). Folder and archive walks skip them without a reject and count the
files skipped per folder (or page) in `Expander.skipped`.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePath, PurePosixPath

from ..errors import InputError, MalformedInput, MissingInput, UnreadableInput
from .fetch import RAISE_LIMIT_HINT, fetch, too_large_reason

META_FILE = "meta.json"
# Files that describe a folder rather than report anything; skipped when walking folders.
FOLDER_SKIP_STEMS = {"readme", "license", "licence", "attribution", "changelog", "notice"}
ARCHIVES = (".gz", ".zip")
SNIFF_BYTES = 4096


@dataclass
class Source:
    """Bytes to read, with the label the user will see and the name that picks a reader."""

    label: str
    name: str
    data: bytes
    fetched_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    url: str | None = None
    content_type: str = ""
    sidecar: dict = field(default_factory=dict)  # this file's entry in a meta.json beside it

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.name).suffix.lower()

    @property
    def stem(self) -> str:
        return PurePosixPath(self.name).stem


@dataclass
class Expander:
    """Turns the user's inputs into sources; `extensions` are those some reader accepts."""

    max_bytes: int
    extensions: frozenset[str]
    skipped: dict[str, int] = field(default_factory=dict)  # media folder of an export -> files skipped
    _sidecars: dict = field(default_factory=dict)

    def expand(self, inputs: list[str]) -> Iterator[Source | InputError]:
        for raw in inputs:
            yield from self._one(raw)

    def _one(self, raw: str) -> Iterator[Source | InputError]:
        if raw.startswith(("http://", "https://")):
            yield from self._url(raw)
            return
        path = Path(raw).expanduser()
        if path.is_dir():
            yield from self._folder(path)
        elif path.is_file():
            yield from self._file(path, str(path))
        elif any(ch in raw for ch in "*?["):
            yield from self._glob(raw)
        else:
            yield MissingInput(raw, "no such file or folder", "check the path")

    def _url(self, url: str) -> Iterator[Source | InputError]:
        try:
            got = fetch(url, self.max_bytes)
        except InputError as exc:
            yield exc
            return
        name = PurePosixPath(got.url.split("?")[0]).name or "index.html"
        yield Source(url, name, got.data, url=got.url, content_type=got.content_type)

    def _glob(self, pattern: str) -> Iterator[Source | InputError]:
        matches = sorted(glob.glob(pattern, recursive=True))
        if not matches:
            yield MissingInput(pattern, "the pattern matches no files", "check the pattern and quote it in the shell")
        for match in matches:
            path = Path(match)
            if path.is_dir():
                yield from self._folder(path)
            elif self._wanted(path.name):
                yield from self._file(path, match)

    def _folder(self, folder: Path) -> Iterator[Source | InputError]:
        paths = sorted(p for p in folder.rglob("*") if p.is_file())
        roots = [p.parent for p in paths if _is_export_file(p.name, lambda p=p: _head_of(p))]
        for path in paths:
            rel = path.relative_to(folder).parts
            if any(part.startswith(".") for part in rel):
                continue
            media = _export_media(path, roots)
            if media is not None:
                self._skip(str(media))
            elif self._wanted(path.name):
                yield from self._file(path, str(path))

    def _skip(self, label: str) -> None:
        self.skipped[label] = self.skipped.get(label, 0) + 1

    def _wanted(self, name: str) -> bool:
        """Folder walks take files some reader knows, minus folder notes and meta.json."""
        pure = PurePosixPath(name.lower())
        if pure.name == META_FILE or pure.stem.split(".")[0] in FOLDER_SKIP_STEMS:
            return False
        if pure.suffix in ARCHIVES:
            return True
        return pure.suffix in self.extensions

    def _file(self, path: Path, label: str) -> Iterator[Source | InputError]:
        size = path.stat().st_size
        if size > self.max_bytes:
            yield UnreadableInput(label, too_large_reason(size, self.max_bytes), RAISE_LIMIT_HINT)
            return
        data = path.read_bytes()
        sidecar, error = self._sidecar_for(path)
        if error is not None:
            yield error
        yield from self._from_bytes(label, path.name, data, sidecar)

    def _from_bytes(self, label: str, name: str, data: bytes, sidecar: dict) -> Iterator[Source | InputError]:
        suffix = PurePosixPath(name).suffix.lower()
        if suffix == ".gz":
            yield from self._gunzip(label, name, data, sidecar)
        elif suffix == ".zip":
            yield from self._unzip(label, data)
        else:
            entry = sidecar.get(PurePosixPath(name).stem, {}) if sidecar else {}
            yield Source(label, name, data, sidecar=entry if isinstance(entry, dict) else {})

    def _gunzip(self, label: str, name: str, data: bytes, sidecar: dict) -> Iterator[Source | InputError]:
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
                inner = fh.read(self.max_bytes + 1)
        except (OSError, EOFError) as exc:
            yield UnreadableInput(label, f"not a readable gzip file: {exc}", "check that the file is complete")
            return
        if len(inner) > self.max_bytes:
            yield UnreadableInput(label, too_large_reason(len(inner), self.max_bytes, at_least=True), RAISE_LIMIT_HINT)
            return
        yield from self._from_bytes(label, name[: -len(".gz")], inner, sidecar)

    def _unzip(self, label: str, data: bytes) -> Iterator[Source | InputError]:
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile as exc:
            yield UnreadableInput(label, f"not a readable zip file: {exc}", "check that the file is complete")
            return
        with archive:
            sidecars = _zip_sidecars(archive, label)
            roots = [PurePosixPath(name).parent for name in archive.namelist()
                     if _is_export_file(PurePosixPath(name).name, lambda name=name: _member_head(archive, name))]
            for info in sorted(archive.infolist(), key=lambda i: i.filename):
                yield from self._member(archive, info, label, sidecars, roots)

    def _member(self, archive, info, label, sidecars, roots) -> Iterator[Source | InputError]:
        member = PurePosixPath(info.filename)
        inner_label = f"{label}!{info.filename}"
        if info.is_dir() or member.parts[0] in ("__MACOSX",):
            return
        media = _export_media(member, roots)
        if media is not None:
            self._skip(f"{label}!{media}")
            return
        if not self._wanted(member.name):
            return
        if info.file_size > self.max_bytes:
            yield UnreadableInput(inner_label, too_large_reason(info.file_size, self.max_bytes), RAISE_LIMIT_HINT)
            return
        sidecar = sidecars.get(str(member.parent), {})
        if isinstance(sidecar, InputError):
            yield sidecar
            sidecars[str(member.parent)] = sidecar = {}
        yield from self._from_bytes(inner_label, member.name, archive.read(info), sidecar)

    def _sidecar_for(self, path: Path) -> tuple[dict, InputError | None]:
        """The meta.json beside `path`, read once per folder; an error is reported once."""
        folder = path.parent
        if folder not in self._sidecars:
            meta = folder / META_FILE
            self._sidecars[folder] = load_sidecar(meta.read_bytes(), str(meta)) if meta.is_file() else {}
            if isinstance(self._sidecars[folder], InputError):
                error, self._sidecars[folder] = self._sidecars[folder], {}
                return {}, error
        return self._sidecars[folder], None


def _is_export_file(name: str, head) -> bool:
    """Whether a file named `name` is a Telegram export's result.json (`head()` gives its first bytes)."""
    from .readers.telegram import EXPORT_FILE, is_export  # imported here: the readers import this module

    return name == EXPORT_FILE and is_export(name, head().lstrip(b"\xef\xbb\xbf \t\r\n"))


def _head_of(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(SNIFF_BYTES)


def _member_head(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as fh:
        return fh.read(SNIFF_BYTES)


def _export_media(path: PurePath, roots: list[PurePath]) -> PurePath | None:
    """The media folder of a Telegram export that `path` lies in (root/photos, root/files...),
    or `path` itself when it is a page of the export's HTML rendering; None for anything else."""
    from .readers.telegram import EXPORT_PAGES, MEDIA_DIRS

    for root in roots:
        if path.is_relative_to(root):
            parts = path.relative_to(root).parts
            if len(parts) > 1 and parts[0] in MEDIA_DIRS:
                return root / parts[0]
            if len(parts) == 1 and EXPORT_PAGES.fullmatch(parts[0]):
                return path
    return None


def _zip_sidecars(archive: zipfile.ZipFile, label: str) -> dict:
    found = {}
    for name in archive.namelist():
        member = PurePosixPath(name)
        if member.name == META_FILE:
            found[str(member.parent)] = load_sidecar(archive.read(name), f"{label}!{name}")
    return found


def load_sidecar(data: bytes, label: str) -> dict | InputError:
    """Parse a meta.json: an object mapping document stems to outlet/published/url/title."""
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        return MalformedInput(label, f"invalid meta.json: {exc}", "fix the JSON; files were read without it", line)
    if not isinstance(parsed, dict):
        return MalformedInput(label, "meta.json must be an object mapping file stems to metadata", "see claim-schema.md")
    return parsed
