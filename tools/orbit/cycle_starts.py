"""Write src/core/orbit/cycle-starts.json: the real start of each SWOT cycle.

Source: the ORF (orbit reference) tables shipped in CNES altimetry-search
(https://pypi.org/project/altimetry-search/, BSD 3-Clause licence, (c) 2020 CNES):
``altimetry/search/resources/SWOT_{science,calval}_ORF.json``, ``{cycle: ISO time}``, where a
cycle's start is the first line time of its L3 pass 1 (the package's
scripts/generate_SWOT_ORF.py). Only these facts (cycle numbers and times) are copied, not code.

    pip download altimetry-search==2.1.0 --no-deps -d /tmp/as
    .venv/bin/python tools/orbit/cycle_starts.py /tmp/as/altimetry_search-2.1.0-py3-none-any.whl

Entries that are not measurements are left out (the core interpolates or extrapolates them):
the generator script says the first cycle of each phase lacks pass 1 and was "added by hand";
cal/val cycle 474 is exactly 24 h before 475 while a cal/val cycle lasts 85837.8 s, so it is a
placeholder (565 s off). Science cycle 1 (2023-07-21T05:33:45.768, also added by hand) is
kept: it lies 1.3 s from the line through cycles 2-52.
"""
from __future__ import annotations

import argparse
import datetime
import json
import pathlib
import re
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "core" / "orbit" / "cycle-starts.json"
RESOURCE = "altimetry/search/resources/SWOT_{phase}_ORF.json"
PHASES = ("science", "calval")
# Not measurements (see the module docstring): cycle -> why.
EXCLUDED = {
    "calval": {
        474: "added by hand in the ORF, exactly 24 h before cycle 475 (a cal/val cycle lasts 85837.8 s): "
        "extrapolated from cycle 475 instead",
    }
}
# Largest departure from a straight line through the neighbouring entries accepted as a measurement (s).
TOLERANCE = 30.0


def read_tables(source: pathlib.Path) -> tuple[str, dict[str, dict[str, str]]]:
    """The two ORF tables from the wheel (or from a folder holding the two JSON files)."""
    if source.is_dir():
        tables = {p: json.loads((source / f"SWOT_{p}_ORF.json").read_text()) for p in PHASES}
        return source.name, tables
    with zipfile.ZipFile(source) as wheel:
        tables = {p: json.loads(wheel.read(RESOURCE.format(phase=p))) for p in PHASES}
    match = re.match(r"altimetry_search-([^-]+)-", source.name)
    return f"altimetry-search {match.group(1)}" if match else source.name, tables


def parse(iso: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(iso).replace(tzinfo=datetime.timezone.utc)


def check_regular(phase: str, rows: list[tuple[int, datetime.datetime]]) -> None:
    """Every kept entry within TOLERANCE of the line through its neighbours: a typo would show."""
    for (c0, t0), (c1, t1), (c2, t2) in zip(rows, rows[1:], rows[2:]):
        expected = t0 + (t2 - t0) * ((c1 - c0) / (c2 - c0))
        if abs((t1 - expected).total_seconds()) > TOLERANCE:
            raise SystemExit(f"{phase} cycle {c1}: {t1.isoformat()} is {(t1 - expected).total_seconds():.0f} s off its neighbours")


def build(source: pathlib.Path) -> dict:
    name, tables = read_tables(source)
    out: dict = {
        "header": {
            "what": "UTC start of each SWOT cycle: the first line time of L3 pass 1 of that cycle. "
            "Cycles missing here are interpolated between their neighbours, or extrapolated with the fitted period.",
            "source": f"{name} (CNES, https://pypi.org/project/altimetry-search/), "
            "altimetry/search/resources/SWOT_science_ORF.json and SWOT_calval_ORF.json",
            "licence": "BSD 3-Clause, Copyright (c) 2020, CNES (the source package's licence; facts copied, not code)",
            "generator": "tools/orbit/cycle_starts.py",
            "excluded": {p: {str(c): why for c, why in EXCLUDED.get(p, {}).items()} for p in PHASES},
        }
    }
    for phase in PHASES:
        skip = EXCLUDED.get(phase, {})
        rows = sorted((int(c), parse(t)) for c, t in tables[phase].items() if int(c) not in skip)
        check_regular(phase, rows)
        out[phase] = [[c, t.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"] for c, t in rows]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", type=pathlib.Path, help="the altimetry-search wheel, or a folder with the two ORF JSON files")
    parser.add_argument("--out", type=pathlib.Path, default=OUT)
    args = parser.parse_args()
    table = build(args.source)
    # One cycle per line: the diff of a new table is readable.
    lines = [f'  "header": {json.dumps(table["header"], indent=2)}'.replace("\n", "\n  ")]
    for phase in PHASES:
        rows = ",\n".join(f"    {json.dumps(row)}" for row in table[phase])
        lines.append(f'  "{phase}": [\n{rows}\n  ]')
    args.out.write_text("{\n" + ",\n".join(lines) + "\n}\n")
    print(f"{args.out}: {len(table['science'])} science and {len(table['calval'])} cal/val cycles")


if __name__ == "__main__":
    main()
