"""The TypeScript kernel stays usable after a failed compile. tslab 1.0.22 allowed
one pending TypeScript timer: after a failed import, once the missing module
appeared on disk, every later cell failed with "Unexpected pending rebuildTimer"
until a restart. patches/tslab+1.0.22.patch queues the timers (checked: this
test fails with the unpatched converter.js)."""
import sys

from kernels import run_cells


def test_a_failed_import_then_the_module_appearing_leaves_the_kernel_usable(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    package = folder / "node_modules" / "no-such-package-here"
    result = run_cells(sys.executable, "tslab", folder, [
        {"code": 'import * as x from "no-such-package-here";'},
        {"sleep": 0.5},
        {"write": str(package / "index.js"), "text": "exports.answer = 42;\n"},
        {"sleep": 1.5},  # TypeScript's watcher of failed lookups fires now
        {"code": "console.log(1)"},
        {"code": "console.log(2)"},
        {"code": "console.log(3)"},
        {"code": 'import * as y from "no-such-package-here";\nconsole.log(y.answer);'},
        {"code": "const n: number = 'text';"},  # a type error, then the kernel goes on
        {"code": "console.log('still here')"},
    ])
    failed, *rest = result["results"]
    assert failed["status"] == "error" and "Cannot find module 'no-such-package-here'" in failed["output"]
    assert [r["output"] for r in rest[:4]] == ["1\n", "2\n", "3\n", "42\n"], rest
    assert all(r["status"] == "ok" for r in rest[:4]), rest
    assert rest[4]["status"] == "error" and "not assignable" in rest[4]["output"]
    assert rest[5] == {"status": "ok", "output": "still here\n"}
