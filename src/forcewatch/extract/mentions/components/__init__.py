"""Registered pipeline components; importing this package registers their factories.

    forcewatch_kb_ruler_v1     knowledge-base entities (equipment, units, places, sources)
    forcewatch_class_ruler_v1  platforms and weapons by class noun ("tanks", "mortar")
    forcewatch_lexicon_ruler_v1  platforms and weapons by class nouns learned from re3d-train
    forcewatch_quantity_v1     number expressions ("up to 200", "10,000 to 15,000")
    forcewatch_temporal_v1     date and time expressions ("Monday (10/17/2022)", "last week")
    forcewatch_merger_v1       one deterministic set of mentions from all candidates
"""

from . import class_ruler, kb_ruler, lexicon_ruler, merger, rules  # noqa: F401  (registration side effects)
from .spans import CANDIDATE_PREFIX, candidate_group, set_span_extensions

__all__ = ["CANDIDATE_PREFIX", "candidate_group", "set_span_extensions"]
