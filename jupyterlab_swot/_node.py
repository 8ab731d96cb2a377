"""The Node side shipped in this package (kernel_runtime/, built by
scripts/build-kernel-runtime.mjs): where it is, which Node runs it, and the
environment that lets `import ... from "jupyterlab-swot/kernel"` resolve from
any folder (NODE_PATH, which the patched tslab honours for types too)."""
import os
import pathlib
import shutil
import subprocess
import sys

RUNTIME = pathlib.Path(__file__).resolve().parent / "kernel_runtime"
MODULES = RUNTIME / "node_modules"
MIN_NODE = 18


class NodeNotFound(RuntimeError):
    pass


def find_node() -> str:
    """Node from $SWOT_NODE, else the environment's own (conda's nodejs), else PATH."""
    candidates = [os.environ.get("SWOT_NODE"), str(pathlib.Path(sys.prefix) / "bin" / "node"), shutil.which("node")]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    raise NodeNotFound(
        "jupyterlab_swot: Node.js (>= %d) is needed for the TypeScript kernel and the swot command, "
        "and none was found (tried $SWOT_NODE, %s/bin/node and PATH). "
        "Install it into this environment (e.g. `conda install nodejs`) or set SWOT_NODE." % (MIN_NODE, sys.prefix)
    )


def check_runtime() -> None:
    if not (MODULES / "jupyterlab-swot" / "dist" / "kernel.cjs").is_file():
        raise NodeNotFound(
            f"jupyterlab_swot: the Node runtime is missing from {RUNTIME} "
            "(this is a source tree that was never built: run `npm run build`, then `pip install .`)"
        )


def node_env() -> dict:
    env = dict(os.environ)
    paths = [p for p in env.get("NODE_PATH", "").split(os.pathsep) if p]
    if str(MODULES) not in paths:
        paths.append(str(MODULES))  # after the user's own, as Node looks there last
    env["NODE_PATH"] = os.pathsep.join(paths)
    return env


def node_version(node: str) -> int:
    out = subprocess.run([node, "--version"], capture_output=True, text=True, check=True).stdout.strip()
    return int(out.lstrip("v").split(".")[0])


def exec_node(script: pathlib.Path, args: list) -> None:
    """Replace this process by Node running `script`: signals (interrupt, shutdown) reach it directly."""
    try:
        check_runtime()
        node = find_node()
        major = node_version(node)
        if major < MIN_NODE:
            raise NodeNotFound(f"jupyterlab_swot: {node} is Node {major}; Node >= {MIN_NODE} is needed")
    except NodeNotFound as error:
        print(error, file=sys.stderr)
        sys.exit(127)
    os.execve(node, [node, str(script), *args], node_env())
