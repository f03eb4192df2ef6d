"""Cleaning web-scraped text with the data-driven rules of `data/boilerplate.yaml`.

The raw text is kept in the store; the cleaned text is what later stages read and what
every offset points into. Cleaning works line by line, so the sentences it keeps are
left exactly as they were.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from ..errors import ConfigError

ACTIONS = ("drop_line", "drop_rest", "strip")
DEFAULT_MAX_LEN = 300
TAIL_FROM = 0.5  # "tail" rules act in the last half of the text


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern
    action: str
    tail_only: bool
    max_len: int
    why: str


def _compile(raw: dict, origin: str) -> Rule:
    action = raw.get("action", "drop_line")
    if action not in ACTIONS:
        raise ConfigError(f"{origin}: rule {raw.get('pattern')!r} has action {action!r}; use one of {ACTIONS}")
    try:
        pattern = re.compile(raw["pattern"], re.IGNORECASE)
    except (KeyError, re.error) as exc:
        raise ConfigError(f"{origin}: bad rule {raw!r}: {exc}; fix the regular expression") from exc
    tail = raw.get("where", "anywhere") == "tail" or action == "drop_rest"
    return Rule(pattern, action, tail, int(raw.get("max_len", DEFAULT_MAX_LEN)), raw.get("why", ""))


@cache
def rules() -> tuple[Rule, ...]:
    """The shipped rules plus those in the file named by FORCEWATCH_BOILERPLATE, if any."""
    shipped = resources.files("forcewatch.ingest").joinpath("data/boilerplate.yaml").read_text("utf-8")
    loaded = [_compile(r, "boilerplate.yaml") for r in yaml.safe_load(shipped)["rules"]]
    extra = os.environ.get("FORCEWATCH_BOILERPLATE")
    if extra:
        user = yaml.safe_load(Path(extra).read_text("utf-8")) or {}
        loaded += [_compile(r, extra) for r in user.get("rules", [])]
    return tuple(loaded)


def clean(text: str, rule_set: tuple[Rule, ...] | None = None) -> str:
    """Remove boilerplate lines and tails; normalise line ends and blank lines."""
    rule_set = rules() if rule_set is None else rule_set
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    total = max(len(text), 1)
    kept, position = [], 0
    for line in lines:
        in_tail = position / total >= TAIL_FROM
        position += len(line) + 1
        verdict = _apply(line.strip(), rule_set, in_tail)
        if verdict is _REST:
            break
        if verdict is not None:
            kept.append(verdict)
    return _tidy(kept)


_REST = object()


def _apply(line: str, rule_set: tuple[Rule, ...], in_tail: bool):
    """The line after the rules: itself, a shortened line, None (dropped) or _REST."""
    for rule in rule_set:
        if not line or len(line) > rule.max_len or (rule.tail_only and not in_tail):
            continue
        if not rule.pattern.search(line):
            continue
        if rule.action == "strip":
            line = rule.pattern.sub("", line).strip()
            continue
        return _REST if rule.action == "drop_rest" else None
    return line


def _tidy(lines: list[str]) -> str:
    """Join lines; at most one blank line between paragraphs; no blank lines at the ends."""
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
