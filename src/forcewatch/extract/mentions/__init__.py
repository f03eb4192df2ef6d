"""Mentions: typed spans (re3d types plus Unit, Equipment, Source with kb ids) in cleaned text.

    from forcewatch.extract.mentions import load_pipeline, extract_mentions
    nlp = load_pipeline()                       # spaCy Language from config.cfg, cached per process
    doc = nlp("Russia moved T-72B3 tanks to Brest.")
    doc.spans["mentions"]                      # the merged mentions; doc.ents holds re3d types
    extract_mentions("...")                    # list[Mention(start, end, text, type, kb_id, component, re3d_type)]

The pipeline: en_core_web_sm's tagger and parser, the re3d NER trained by
`forcewatch train ner` (shipped in `model/`), the knowledge-base ruler, the class-noun
ruler learned by `forcewatch train lexicon` (`data/re3d_lexicon.yaml`), the quantity and
date recognisers, and the merger. See docs/mentions.md.
"""

from .pipeline import MODEL_DIR, build_pipeline, extract_mentions, load_pipeline, mentions_of
from .types import Mention

__all__ = ["Mention", "MODEL_DIR", "build_pipeline", "extract_mentions", "load_pipeline", "mentions_of"]
