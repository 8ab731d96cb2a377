"""The shipped Python snippets (jupyterlab_swot/snippets/*.py), filled by the core's
fillSnippet as the lab inserts them -- with no selection (the sample defaults) and with a
realistic selection: every subject is there, no placeholder is left. The PBS variant
(front matter `runs: hpc`) needs the CNES HPC: it is compiled, and apart from its cluster
it must be the LocalCluster snippet, line for line. The others are run in their kernel,
on the sample data, by tests/test_snippets_in_kernels.py (with this file's fill, SELECTION
and EXPECT)."""
import json
import subprocess

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

# What each Python snippet must print or show (checked in the kernel by test_snippets_in_kernels.py).
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


def fill(*patterns):
    """The snippets of LIBRARY matching patterns (default *.py), parsed and filled by the core's
    fillSnippet as the lab inserts them: {id: {...Snippet, "sample": no selection, "selection": SELECTION}}."""
    files = sorted(str(p) for pattern in patterns or ("*.py",) for p in LIBRARY.glob(pattern))
    job = {"files": files, "selection": SELECTION, "sample": str(SAMPLE)}
    done = subprocess.run(["node", "-e", FILL], input=json.dumps(job), capture_output=True, text=True, cwd=ROOT, check=True)
    return {s["id"]: s for s in json.loads(done.stdout)}


@pytest.fixture(scope="module")
def snippets():
    if not SAMPLE.exists():
        pytest.fail(f"{SAMPLE} is missing: run tools/generate_sample_data.py (scripts/setup.sh does)")
    return fill()


def test_the_library_has_every_subject(snippets):
    assert sorted(snippets) == sorted([*EXPECT, "parallel-pbs"])
    for s in snippets.values():
        assert s["language"] == "python" and len(s["description"]) > 40
        for how in ("sample", "selection"):
            assert "{{" not in s[how] and "}}" not in s[how], (s["id"], how)


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
