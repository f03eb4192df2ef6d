"""Markdown rendering: the same brief for wikis, tickets and e-mail.

Charts and the map are written as SVG files beside the Markdown file (`<name>_files/`)
and linked, since Markdown cannot hold them inline.
"""

from __future__ import annotations

from pathlib import Path

from .model import Report

_SPECIAL = str.maketrans({"|": r"\|", "*": r"\*", "_": r"\_", "`": r"\`", "[": r"\[", "]": r"\]",
                          "<": "&lt;", ">": "&gt;", "#": r"\#"})


def md(text: object) -> str:
    """Text safe inside Markdown (and a table cell): no markup, no line breaks."""
    return " ".join(str(text or "").split()).translate(_SPECIAL)


def _bottom_line(r: Report) -> list[str]:
    trend = " → ".join(str(t["level"]) for t in r.trend)
    c = r.counts()
    return ["## Bottom line", "",
            f"**Level {r.level if r.level is not None else '?'}/5 ({md(r.level_label)})**, trend {md(r.trend_word)}"
            + (f" ({trend})" if trend else "") + ".", "", md(r.bottom_line) or "_The assessment gave no explanation._", "",
            f"Indicators: {c['met']} met, {c['contradicted']} contradicted, {c['not met']} not met, {c['unknown']} unknown.", ""]


def _cite(e: dict) -> str:
    refs = " ".join(f"[\\[{r['n']}\\]](#{r['anchor']})" for r in e["refs"])
    return f"“{md(e['sentence'][:180])}” — {md(e['source'])}, {md(e['date'])} {refs}"


def _board(r: Report) -> list[str]:
    lines = ["## Indicator board", "", "| Indicator | Status | Evidence |", "|---|---|---|"]
    for ind in r.indicators:
        evidence = "<br>".join(_cite(e) for e in ind["evidence"][:3]) or "_no claims_"
        lines.append(f"| {md(ind['name'])} | **{md(ind['status'])}** | {evidence} |")
    return lines + [""]


def _figures(r: Report, files: dict[str, str]) -> list[str]:
    lines = ["## Force estimates over time", ""]
    lines += [f"![Force estimates]({files['timeline']})", "", f"_{md(r.timeline_note)}_", ""] if "timeline" in files \
        else ["_No claim gives a number of forces._", ""]
    return lines + ["## Map of claims and military sites", "", f"![Map]({files['map']})", "", f"_{md(r.map_note)}_", ""]


def _contradictions(r: Report) -> list[str]:
    lines = ["## Contradictions", ""]
    for x in r.contradictions:
        lines.append(f"- **{md(x['kind'] or 'contradiction')}**: {md(x['reason'])}")
        lines += [f"  - {_cite(e)}" for side in x["sides"] for e in side]
    return lines + ([] if r.contradictions else ["_No contradictions found among these claims._"]) + [""]


def _sources(r: Report) -> list[str]:
    lines = ["## Sources", "", "| Source | Reliability | Claims | Corroborated | Contradicted |", "|---|---|---|---|---|"]
    for s in r.sources:
        dash = "–"
        lines.append(f"| {md(s['name'])} | {md(s['grade'])} | {s['claims']} | "
                     f"{dash if s['corroborated'] is None else s['corroborated']} | {dash if s['contradicted'] is None else s['contradicted']} |")
    return lines + [""]


def _appendix(r: Report) -> list[str]:
    lines = ["## Appendix: claims and their evidence", "", "| # | Date | Claim | Evidence | Document |", "|---|---|---|---|---|"]
    for c in r.claims:
        what = " · ".join(md(v) for v in (c["event"] + (" (negated)" if c["negated"] else ""), c["item"], c["quantity"], c["place"]) if v)
        doc = md(c["doc_title"] or c["doc"])
        doc = f"[{doc}]({c['url']})" if c["url"] else doc
        lines.append(f"| <a id=\"{c['anchor']}\"></a>{c['n']} | {md(c['date'])} | {what}<br>{md(c['source'])} | {md(c['sentence'])} | {doc} |")
    return lines + [""]


def render_markdown(report: Report, files: dict[str, str] | None = None) -> str:
    """The brief as Markdown; `files` maps "timeline"/"map" to the SVG paths to link."""
    files = files or {}
    head = [f"# {md(report.title)}", "", f"As of **{md(report.as_of)}** · problem `{report.problem}` · generated {report.generated}", ""]
    body = _bottom_line(report) + _board(report) + _figures(report, files) + _contradictions(report)
    return "\n".join(head + body + _sources(report) + _appendix(report))


def write_markdown(report: Report, path: Path) -> None:
    """Write the Markdown file and its SVG figures beside it."""
    folder = path.with_name(path.stem + "_files")
    folder.mkdir(exist_ok=True)
    files = {}
    for name, svg in (("timeline", report.timeline_svg), ("map", report.map_svg)):
        if svg:
            (folder / f"{name}.svg").write_text(svg, encoding="utf-8")
            files[name] = f"{folder.name}/{name}.svg"
    path.write_text(render_markdown(report, files), encoding="utf-8")
