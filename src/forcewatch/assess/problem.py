"""Warning problems as data: YAML files validated into typed models.

A problem names the actors, the staging area, the border the threat would cross, its
indicators (each a rule of a registered kind, a weight, a stage and a note on why it
matters) and the level ladder. Shipped problems live in `assess/problems/`; a user adds
or overrides them with `*.yaml` files in a `problems/` folder of any `FORCEWATCH_KB_DIRS`
directory, or passes a path.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..config import get_settings
from ..errors import KnowledgeError, NotFound

SHIPPED = Path(__file__).parent / "problems"
Stage = Literal["early", "middle", "late"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Match(Strict):
    """Which claims a `claims` rule looks at. Lists are alternatives; fields combine with AND,
    except `items`, `categories` and `vocabulary`, which are alternatives to each other."""

    events: list[str] = Field(default_factory=list)
    items: list[str] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list)  # KB equipment categories of named models
    vocabulary: list[str] = Field(default_factory=list)  # ids of word lists in assess/vocab/
    negated: bool | None = False  # None: either
    modalities: list[str] = Field(default_factory=list)  # empty: any but "denied"
    within_km_of_border: float | None = None
    anywhere: bool = False  # denials and assessments are often not placed
    min_grade: str | None = None  # worst Admiralty source grade accepted, e.g. "C"


class Indicator(Strict):
    id: str
    title: str
    rule: str
    weight: float = Field(gt=0)
    stage: Stage = "middle"
    role: Literal["indicator", "counter"] = "indicator"
    capability: bool = False  # says the force is big enough for the objective
    why: str
    source: str | None = None  # where a threshold or the indicator itself comes from
    match: Match = Field(default_factory=Match)
    min_facts: int = 1
    min_places: int = 1
    min_origins: int = 1
    window_days: int | None = None
    thresholds: dict[str, int] = Field(default_factory=dict)  # force_size: item -> count
    params: dict[str, Any] = Field(default_factory=dict)


class LevelRule(Strict):
    level: int = Field(ge=2, le=5)
    name: str
    capability: bool = False
    any_of: list[dict[Stage, int]] = Field(default_factory=list)  # stage -> met indicators needed
    meaning: str = ""


class Scoring(Strict):
    levels: list[LevelRule]
    counter_step: float = 3.0
    max_counter_steps: int = 2
    grade_weights: dict[str, float]
    credibility_weights: dict[int, float]
    note: str = ""


class Border(Strict):
    from_: str = Field(alias="from")
    to: str


class Area(Strict):
    countries: list[str]


class Problem(Strict):
    version: int = 1
    id: str
    title: str
    question: str
    actors: list[str]
    area: Area
    border: Border
    window_days: int = 30
    indicators: list[Indicator]
    scoring: Scoring
    path: str | None = None


def problem_dirs() -> list[Path]:
    """Shipped problems first, then the user's: a user's file with the same id wins."""
    return [SHIPPED] + [d / "problems" for d in get_settings().kb_dirs]


def read_yaml(path: Path, what: str) -> Any:
    """Parse one YAML data file (`what` names its kind for the message)."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"{path}: cannot read the {what} file: {exc}; fix its YAML or remove it.") from exc


def _raw(path: Path) -> dict:
    data = read_yaml(path, "problem")
    if not isinstance(data, dict):
        raise KnowledgeError(f"{path}:1: a problem file is a YAML mapping with id, title, indicators ...")
    return data


def _with_base(data: dict, path: Path, seen: tuple = ()) -> dict:
    """Apply `extends: <problem id>`: the base's fields, overridden by this file's.

    Indicators merge by id (a listed field replaces the base's); new ids are appended;
    `drop: [ids]` removes base indicators that do not apply.
    """
    base_id = data.get("extends")
    if not base_id:
        return data
    if base_id in seen or base_id not in _index():
        raise KnowledgeError(f"{path}: extends {base_id!r}, which is not a known problem (or extends itself)")
    base_path = _index()[base_id]
    base = _with_base(_raw(base_path), base_path, seen + (base_id,))
    merged = {**{k: v for k, v in base.items() if k != "indicators"}, **data}
    merged["indicators"] = _merge_indicators(base.get("indicators", []), data.get("indicators", []), data.get("drop", []))
    merged.pop("extends", None)
    merged.pop("drop", None)
    return merged


def _merge_indicators(base: list[dict], overrides: list[dict], drop: list[str]) -> list[dict]:
    by_id = {ind["id"]: dict(ind) for ind in base if ind["id"] not in drop}
    for ind in overrides:
        by_id[ind["id"]] = {**by_id.get(ind["id"], {}), **ind}
    return list(by_id.values())


def read_problem(path: Path) -> Problem:
    """Load and validate one problem file; errors name the file and the field."""
    data = _with_base(_raw(path), path)
    data.pop("template", None)
    try:
        problem = Problem.model_validate({**data, "path": str(path)})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise KnowledgeError(f"{path}: {where}: {first['msg']} ({len(exc.errors())} error(s); see docs/assessment.md)") from exc
    _check_rules(problem, path)
    return problem


def _check_rules(problem: Problem, path: Path) -> None:
    from .rules import RULES
    from .vocab import vocabularies

    for ind in problem.indicators:
        if ind.rule not in RULES:
            raise KnowledgeError(f"{path}: indicator {ind.id!r} uses unknown rule {ind.rule!r}; known: {', '.join(sorted(RULES))}")
        missing = [v for v in ind.match.vocabulary if v not in vocabularies()]
        if missing:
            raise KnowledgeError(f"{path}: indicator {ind.id!r} names unknown vocabulary {missing}; "
                                 f"known: {', '.join(sorted(vocabularies()))}")


@lru_cache(maxsize=1)
def _index() -> dict[str, Path]:
    """Problem id -> file, over every problem folder; a later folder's file wins."""
    found: dict[str, Path] = {}
    for folder in problem_dirs():
        for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
            data = read_yaml(path, "problem")
            if isinstance(data, dict) and data.get("id"):
                found[str(data["id"])] = path
    return found


def available_problems() -> list[str]:
    """The ids `load_problem` accepts, shipped and the user's."""
    return sorted(_index())


def load_problem(problem: str | Path | Problem) -> Problem:
    """A problem by id (shipped or the user's), by path to a YAML file, or as given."""
    if isinstance(problem, Problem):
        return problem
    path = Path(problem)
    if path.suffix in (".yaml", ".yml") and path.is_file():
        return read_problem(path)
    if str(problem) not in _index():
        raise NotFound(f"no warning problem {str(problem)!r}; known: {', '.join(available_problems())}. "
                       "Pass a problem id or the path to a problem YAML file.")
    return read_problem(_index()[str(problem)])
