"""`swot` on the environment's PATH: the Node command line shipped in kernel_runtime/."""
import sys

from ._node import MODULES, exec_node


def main() -> None:
    exec_node(MODULES / "jupyterlab-swot" / "dist" / "cli.cjs", sys.argv[1:])


if __name__ == "__main__":
    main()
