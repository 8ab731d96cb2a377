"""Running cells in a real kernel of a given Python environment (tests/kernel_probe.py)."""
import json
import pathlib
import subprocess

PROBE = pathlib.Path(__file__).with_name("kernel_probe.py")


def run_cells(python, kernel, cwd, steps, env=None, timeout=600):
    steps_file = pathlib.Path(cwd).parent / f".{pathlib.Path(cwd).name}-steps.json"
    steps_file.write_text(json.dumps(steps))
    done = subprocess.run(
        [str(python), str(PROBE), kernel, str(cwd), str(steps_file)],
        capture_output=True, text=True, timeout=timeout, env=env, cwd=str(cwd),
    )
    assert done.returncode == 0, done.stderr[-4000:]
    return json.loads(done.stdout.strip().splitlines()[-1])
