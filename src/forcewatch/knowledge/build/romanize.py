"""Latin spellings of Cyrillic place names, as reporting writes them (build time only).

One Cyrillic name reaches English-language reporting in several spellings: the Ukrainian
national transliteration ("Новомихайлівка" -> "Novomykhailivka", Cabinet of Ministers of
Ukraine resolution No. 55 of 27 January 2010, wp:Romanization of Ukrainian), the older
Ukrainian scheme with y for й/ю/я ("Novomykhaylivka"), and Russian-style forms of the
same village ("Novomikhaylovka"). The gazetteer builders add all of them as keys, so a
feed's spelling finds the place whichever convention its author followed.
"""

from __future__ import annotations

import re

from ..text import transliterate

# Ukrainian national transliteration (KMU 2010): the letters whose Latin form depends on
# the position (word-initial / elsewhere); the rest follow `text.transliterate(.., "uk")`.
_KMU_POSITIONAL = {"є": ("ye", "ie"), "ї": ("yi", "i"), "й": ("y", "i"), "ю": ("yu", "iu"), "я": ("ya", "ia")}
_UKRAINIAN_LETTERS = re.compile(r"[ґєіїҐЄІЇ]")
_APOSTROPHES = "'’ʼ`"
# Ukrainian endings and their usual Russian-style rendering in reporting on the war
# ("Sulyhivka" / "Sulygovka", "Donets'ke" / "Donetskoye").
_RUSSIAN_ENDINGS = (
    ("івка", "овка"),
    ("ське", "ское"),
    ("цьке", "цкое"),
    ("ине", "ино"),
    ("ове", "ово"),
    ("еве", "ево"),
)


def kmu2010(name: str) -> str:
    """The Ukrainian national transliteration of a Cyrillic name (apostrophes and ь dropped)."""
    out = []
    for i, ch in enumerate(name):
        low = ch.lower()
        if low in _APOSTROPHES or low == "ь":
            continue
        if low in _KMU_POSITIONAL:
            initial = i == 0 or not (name[i - 1].isalpha() or name[i - 1] in _APOSTROPHES)
            latin = _KMU_POSITIONAL[low][0 if initial else 1]
        elif low == "г" and i > 0 and name[i - 1].lower() == "з":
            latin = "gh"  # зг -> zgh, to tell it from ж (zh)
        else:
            latin = transliterate(low, "uk")
        out.append(latin.capitalize() if ch != low else latin)
    return "".join(out)


def soft_y(name: str, scheme: str) -> str:
    """A soft sign or apostrophe before a vowel written as y ("Марьина" -> "Maryina")."""
    marked = re.sub(r"[ь'’ʼ](?=[иіеяюё])", "y", name)
    marked = re.sub(r"(?<=y)[иі]", "i", marked)
    return transliterate(marked, scheme)


def russian_style(name: str) -> str | None:
    """A Russian-style Latin form of a Ukrainian name by its ending, or None."""
    words = name.split()
    last = words[-1] if words else ""
    for uk, ru in _RUSSIAN_ENDINGS:
        if last.lower().endswith(uk):
            stem = " ".join([*words[:-1], last[: -len(uk)] + ru])
            return transliterate(stem.replace("і", "и").replace("І", "И"), "ru")
    return None


def latin_forms(name: str, country: str) -> list[str]:
    """Every Latin spelling of a Cyrillic `name` worth a key, for a place in `country` (ISO)."""
    schemes = {"UA": ("ru", "uk"), "BY": ("ru", "be")}.get(country, ("ru",))
    forms = [transliterate(name, s) for s in schemes] + [soft_y(name, s) for s in schemes]
    if country == "UA" or _UKRAINIAN_LETTERS.search(name):
        forms.append(kmu2010(name))
        forms.append(russian_style(name) or "")
    return [f for f in dict.fromkeys(forms) if f]
