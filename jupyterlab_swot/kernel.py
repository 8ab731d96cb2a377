"""The TypeScript kernel of jupyterlab_swot: tslab (patched, shipped in
kernel_runtime/) run by Node with the shipped libraries on NODE_PATH.

kernel.json runs `python -m jupyterlab_swot.kernel {connection_file}`; Jupyter
replaces `python` by the server's own interpreter, so the kernel always uses
the runtime of the environment the package was installed into."""
import sys

from ._node import MODULES, exec_node


def main(argv=None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python -m jupyterlab_swot.kernel CONNECTION_FILE", file=sys.stderr)
        sys.exit(2)
    exec_node(MODULES / "tslab" / "bin" / "tslab", ["kernel", "--config-path", argv[0]])


if __name__ == "__main__":
    main()
