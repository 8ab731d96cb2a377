"""Every shipped snippet, filled as the lab inserts it (the core's fillSnippet, through
test_snippets.fill) with no selection and with test_snippets.SELECTION, runs as ONE cell
in its kernel on the sample data, with no error and the expected output:

- Python snippets in ipykernel (the kernelspec `python3` of this environment);
- TypeScript snippets in tslab (the kernelspec `tslab` installed in this environment,
  so the installed package's runtime and declarations: the compiler type-checks each
  cell, top-level await, the last expression is displayed).

One kernel per language runs all its cells in turn (a user inserting one snippet after
another); both kernels start in an empty temporary folder outside the repository, with
SWOT_SAMPLE_DATA set, and run at the same time. The PBS variant (`runs: hpc`) needs the
CNES HPC: test_snippets.py compiles it and compares it with the local one.

This is the run that counts for Python (the former direct run with .venv/bin/python is
gone: the kernel checks all it did, and also that the figure is displayed). For
TypeScript, src/core/snippets/__tests__/run-typescript.test.ts still type-checks the
snippets against src/kernel with tsc and runs them in Node from dist/: it needs no pip
install, but it is not the kernel."""
import os
import re
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from conftest import ROOT
from kernels import run_cells
from test_snippets import EXPECT, SAMPLE, fill

# The environment under test: the one running pytest (.venv, or $SWOT_VENV in scripts/test.sh).
PYTHON, VENV = sys.executable, sys.prefix

# What each TypeScript snippet's cell must print or show: Jest's table (run-typescript.test.ts),
# but tslab shows a value as Node's util.inspect does (`num_lines: 9860`), not as JSON.
TS_EXPECT = {
    "open": r'"?num_lines"?:\s*\d+',
    "extract": r"ssha_filtered: [\d,]+ good values of [\d,]+ on \d+ lines",
    "stats": r'mean -?\d+\.\d{4} over [\d,]+ values[\s\S]*"?rms"?:',
    "diagnostics": r"okubo_weiss[\s\S]*vorticity|vorticity[\s\S]*okubo_weiss",
    "spectrum": r"\d+ segments; slope between 70 and 250 km: -\d+\.\d\d",
    "show": r"image/png",
    "parallel": r"mean map: \d+ cells of 1 degree filled",
}
KERNELS = {"python": ("python3", EXPECT), "typescript": ("tslab", TS_EXPECT)}
CASES = [(language, i, how) for language, (_, table) in KERNELS.items() for i in sorted(table) for how in ("sample", "selection")]
# An error on stderr that did not fail the cell (a warning is fine).
ERROR = re.compile(r"Traceback|\w*(Error|Exception)\b|^ERROR", re.M)


def kernel_env():
    """The user's environment, without what would steer the kernels (matplotlib's backend: the
    kernel's inline one; NODE_PATH, PYTHONPATH: the kernels find the installed package)."""
    env = {k: v for k, v in os.environ.items() if k not in ("MPLBACKEND", "NODE_PATH", "PYTHONPATH")}
    env["SWOT_SAMPLE_DATA"] = str(SAMPLE)
    return env


@pytest.fixture(scope="module")
def snippets():
    if not SAMPLE.exists():
        pytest.fail(f"{SAMPLE} is missing: run tools/generate_sample_data.py (scripts/setup.sh does)")
    # By language: the two share ids (open.py, open.ts).
    return {"python": fill("*.py"), "typescript": fill("*.ts")}


@pytest.fixture(scope="module")
def runs(snippets, tmp_path_factory):
    """{language: {"folder", "kernel", "resource_dir", "results": {"<id>/<how>": result}}}."""
    def run(language):
        kernel, _ = KERNELS[language]
        shipped = snippets[language]
        keys = [f"{i}/{how}" for i, s in sorted(shipped.items()) if s.get("runs") != "hpc" for how in ("sample", "selection")]
        steps = [{"code": shipped[k.split("/")[0]][k.split("/")[1]], "timed": True} for k in keys]
        folder = tmp_path_factory.mktemp(f"{language}-user") / "notebooks"
        folder.mkdir()
        t0 = time.perf_counter()
        out = run_cells(PYTHON, kernel, folder, steps, env=kernel_env(), timeout=900)
        out.update(folder=folder, seconds=time.perf_counter() - t0, results=dict(zip(keys, out["results"])))
        return language, out

    with ThreadPoolExecutor(len(KERNELS)) as pool:
        done = dict(pool.map(run, KERNELS))
    for language, out in done.items():
        cells = ", ".join(f"{k} {r.get('seconds', 0):.1f}" for k, r in out["results"].items())
        print(f"{language}: {out['seconds']:.0f} s in all (seconds per cell: {cells})")
    return done


def test_every_shipped_snippet_but_the_hpc_one_is_run(snippets, runs):
    for language, (_, table) in KERNELS.items():
        assert {s["language"] for s in snippets[language].values()} == {language}
        ids = {i for i, s in snippets[language].items() if s.get("runs") != "hpc"}
        assert sorted(ids) == sorted(table), language
        assert sorted(runs[language]["results"]) == sorted(f"{i}/{how}" for i in ids for how in ("sample", "selection"))


def test_the_kernels_are_this_environment_s_and_leave_the_user_s_folder_alone(runs):
    # ipykernel's own spec (started with PYTHON) and the tslab spec installed in the environment.
    assert runs["python"]["resource_dir"].startswith(VENV + os.sep), runs["python"]["resource_dir"]
    assert runs["typescript"]["resource_dir"] == os.path.join(VENV, "share", "jupyter", "kernels", "tslab")
    for language, out in runs.items():
        assert ROOT not in out["folder"].parents, out["folder"]
        assert sorted(p.name for p in out["folder"].iterdir()) == [], f"the {language} snippets wrote into the user's folder"


@pytest.mark.parametrize("language, snippet, how", CASES)
def test_snippet_runs_in_its_kernel(runs, language, snippet, how):
    r = runs[language]["results"][f"{snippet}/{how}"]
    assert r["status"] == "ok", r["output"][-4000:]
    assert not ERROR.search(r.get("stderr", "")), r["stderr"][-4000:]
    shown = r["output"] + "\n" + " ".join(r.get("mime", []))
    assert re.search(KERNELS[language][1][snippet], shown), shown[-4000:]


@pytest.mark.parametrize("language", KERNELS)
def test_show_displays_a_figure(runs, language):
    for how in ("sample", "selection"):
        assert "image/png" in runs[language]["results"][f"show/{how}"].get("mime", []), (language, how)


def test_the_selection_narrows_what_is_read(runs):
    # Pass 242 of cycles 24-25 in the box: 1,390 lines, in both languages.
    python, typescript = runs["python"]["results"], runs["typescript"]["results"]
    assert re.search(r"on 1,390 lines", python["extract/selection"]["output"])
    assert re.search(r"\(24, 242\)|24\s+242", python["stats/selection"]["output"])
    assert "377" not in python["stats/selection"]["output"]
    extract = typescript["extract/selection"]["output"]
    assert re.search(r"on 1390 lines", extract), extract
    assert re.search(r"cycle_number +\(num_lines\) \[1\] +24 \.\. 25 ", extract), extract
    assert re.search(r"pass_number +\(num_lines\) \[1\] +242 \.\. 242 ", extract), extract
    rows = re.findall(r"│ \d+ +│ (\d+) +│ (\d+) +│", typescript["stats/selection"]["output"])
    assert sorted(rows) == [("24", "242"), ("25", "242")], typescript["stats/selection"]["output"]
