"""Indicators and warnings: assess a warning problem on claims known by a date.

    from forcewatch.assess import assess
    result = assess("belarus-ukraine", claims, "2022-12-31")
    result.level, result.trend, result.to_dict()

Problems are YAML data (`assess/problems/`, or a user's `problems/` folder); indicator
rules are registered in `assess.rules.RULES`; vocabularies are YAML in `assess/vocab/`.
"""

from __future__ import annotations

from .engine import LEVEL_NAMES, Assessment, IndicatorResult, assess
from .problem import Indicator, Problem, available_problems, load_problem
from .rules import RULES, Finding, rule

__all__ = ["assess", "Assessment", "IndicatorResult", "LEVEL_NAMES", "Problem", "Indicator", "load_problem",
           "available_problems", "RULES", "rule", "Finding"]
