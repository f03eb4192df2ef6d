"""A tokenizer that keeps military designations whole ("Iskander-M", "Tor-M2", "T-72B3M").

English spaCy already keeps "T-80BV", "S-400", "Su-35", "BM-21", "2S19M2" and "9K720"
whole, but splits a hyphen that precedes a letter ("Tor-M2" -> "Tor - M2") and leaves a
sentence-final period on a designation ("T-72B3M."). A `token_match` for designations
(a capitalised stem, then hyphenated codes of capitals and digits) fixes both while
"ISIL-held", "Kyiv-Kharkiv" and "Al-Qaeda" still split as before. Registered by name so
`config.cfg` builds it: `@tokenizers = "forcewatch.DesignationTokenizer.v1"`.
"""

from __future__ import annotations

import re

from spacy.lang.tokenizer_exceptions import URL_MATCH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

# stem "T", "Su", "Iskander", "KC"; each tail a code such as "72B3M", "M2", "1A", "3s"
DESIGNATION = re.compile(r"^[A-Z][A-Za-z]{0,11}(?:-[A-Z0-9]*[0-9A-Z][A-Z0-9]*[a-z]?)+$")
# a period after a designation ends the sentence ("... T-72B3M.")
DESIGNATION_END = r"(?<=[0-9][A-Z])\."


@registry.tokenizers("forcewatch.DesignationTokenizer.v1")
def create_designation_tokenizer():
    """The English tokenizer with designations kept whole."""

    def make(nlp) -> Tokenizer:
        defaults = nlp.Defaults
        return Tokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=compile_prefix_regex(defaults.prefixes).search,
            suffix_search=compile_suffix_regex([*defaults.suffixes, DESIGNATION_END]).search,
            infix_finditer=compile_infix_regex(defaults.infixes).finditer,
            token_match=DESIGNATION.match,
            url_match=defaults.url_match or URL_MATCH,
        )

    return make
