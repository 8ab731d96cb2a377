"""Every shipped Python snippet (jupyterlab_swot/snippets/*.py), filled by the core's
fillSnippet as the lab inserts it -- with no selection (the sample defaults) and with a
realistic selection -- runs with xarray/dask/matplotlib on the sample data and prints
numbers. The PBS variant (front matter `runs: hpc`) needs the CNES HPC: it is compiled,
and apart from its cluster it must be the LocalCluster snippet, line for line."""
import json
import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT

SAMPLE = ROOT / "data" / "sample"
LIBRARY = ROOT / "jupyterlab_swot" / "snippets"

# The Gulf Stream on pass 242 of cycles 24-25 of the Zarr store, with a period.
SELECTION = {
    "product": "L3_LR_SSH",
    "format": "zarr",
    "root": str(SAMPLE / "zarr" / "L3_LR_SSH_Expert.zarr"),
    "cycles": {"from": 24, "to": 25},
    "passes": [242],
    "bbox": [-75, 30, -60, 42],
    "start": "2024-11-01",
    "end": "2024-12-31",
    "variables": ["ssha_filtered"],
}

# What each snippet must print or show.
EXPECT = {
    "open": r"[\d,]+ lines of 69 pixels",
    "extract": r"ssha_filtered: [\d,]+ good values of [\d,]+ on [\d,]+ lines \(quality_flag\)",
    "stats": r"mean\s+-?\d+\.\d+[\s\S]*rms",
    "diagnostics": r"rms vorticity/f[\s\S]*\d\.\d",
    "spectrum": r"\d+ segments; slope between 70 and 250 km: -\d+\.\d\d",
    "show": r"\d+ passes drawn, colour limits ±0\.\d{3} m",
    "parallel-dask": r"[\d,]+ values of ssha_filtered reduced on 2 workers",
}

# Fill every snippet with the core's own code (src/core has no Node build: bundled by esbuild).
FILL = r"""
const { buildSync } = require('esbuild');
const fs = require('fs'), os = require('os'), path = require('path');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'swot-fill-'));
try {
  const outfile = path.join(tmp, 'snippets.cjs');
  buildSync({ entryPoints: ['src/core/snippets/index.ts'], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning' });
  const { parseSnippet, fillSnippet } = require(outfile);
  const { files, selection, sample } = JSON.parse(fs.readFileSync(0, 'utf8'));
  const out = files.map(f => {
    const s = parseSnippet(fs.readFileSync(f, 'utf8'), path.basename(f));
    return { ...s, sample: fillSnippet(s.template, s.language, undefined, { sample }), selection: fillSnippet(s.template, s.language, selection, { sample }) };
  });
  process.stdout.write(JSON.stringify(out));
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
"""

# Runs each cell as a notebook would: its last expression is shown (printed here).
RUN = r"""
import ast, contextlib, io, json, sys, time, traceback
out = []
for job in json.load(sys.stdin):
    buffer, namespace, t0 = io.StringIO(), {"__name__": "__main__"}, time.perf_counter()
    try:
        with contextlib.redirect_stdout(buffer):
            tree = ast.parse(job["code"])
            last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
            exec(compile(tree, job["key"], "exec"), namespace)
            if last is not None:
                value = eval(compile(ast.Expression(last.value), job["key"], "eval"), namespace)
                if value is not None:
                    print(repr(value))
        out.append({"key": job["key"], "output": buffer.getvalue()[-6000:], "seconds": time.perf_counter() - t0})
    except BaseException:
        out.append({"key": job["key"], "output": buffer.getvalue()[-3000:], "error": traceback.format_exc()})
json.dump(out, sys.stdout)
"""


def fill():
    files = sorted(str(p) for p in LIBRARY.glob("*.py"))
    job = {"files": files, "selection": SELECTION, "sample": str(SAMPLE)}
    done = subprocess.run(["node", "-e", FILL], input=json.dumps(job), capture_output=True, text=True, cwd=ROOT, check=True)
    return {s["id"]: s for s in json.loads(done.stdout)}


@pytest.fixture(scope="module")
def snippets():
    if not SAMPLE.exists():
        pytest.fail(f"{SAMPLE} is missing: run tools/generate_sample_data.py (scripts/setup.sh does)")
    return fill()


@pytest.fixture(scope="module")
def results(snippets):
    jobs = [{"key": f"{i}/{how}", "code": s[how]} for i, s in snippets.items() if s.get("runs") != "hpc" for how in ("sample", "selection")]
    env = {**os.environ, "MPLBACKEND": "Agg"}
    done = subprocess.run([sys.executable, "-c", RUN], input=json.dumps(jobs), capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    out = {r["key"]: r for r in json.loads(done.stdout)}
    print("\n".join(f"{k}: {r.get('seconds', 0):.1f} s" for k, r in out.items()))
    return out


def test_the_library_has_every_subject(snippets):
    assert sorted(snippets) == sorted([*EXPECT, "parallel-pbs"])
    for s in snippets.values():
        assert s["language"] == "python" and len(s["description"]) > 40
        for how in ("sample", "selection"):
            assert "{{" not in s[how] and "}}" not in s[how], (s["id"], how)


@pytest.mark.parametrize("how", ["sample", "selection"])
@pytest.mark.parametrize("snippet", sorted(EXPECT))
def test_snippet_runs_on_the_sample_data(results, snippet, how):
    r = results[f"{snippet}/{how}"]
    assert "error" not in r, r.get("error")
    assert re.search(EXPECT[snippet], r["output"]), r["output"]


def test_the_selection_narrows_what_is_read(results):
    # Pass 242 of cycles 24-25 in the box: 1,390 lines (as the TypeScript library counts them).
    assert re.search(r"on 1,390 lines", results["extract/selection"]["output"])
    assert re.search(r"\(24, 242\)|24\s+242", results["stats/selection"]["output"])
    assert "377" not in results["stats/selection"]["output"]


def strip_cluster(text):
    head, rest = text.split("# -- cluster: the only part that differs from the PBS variant --\n")
    _, tail = rest.split("# -- end of cluster --\n")
    return head, tail


def test_the_pbs_variant_compiles_and_is_the_local_one_but_for_its_cluster(snippets):
    pbs, local = snippets["parallel-pbs"], snippets["parallel-dask"]
    assert pbs.get("runs") == "hpc" and "runs" not in local
    assert "HPC" in pbs["description"] and "compile" in pbs["description"]
    for how in ("sample", "selection"):
        compile(pbs[how], "parallel-pbs.py", "exec")
        assert strip_cluster(pbs[how]) == strip_cluster(local[how])
    assert "PBSCluster(" in pbs["template"] and "LocalCluster(" in local["template"]
