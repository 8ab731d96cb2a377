"""The environment's commands (`swot`) for every kernel the server starts.

A hub often starts the single-user server as `/opt/env/bin/jupyterhub-singleuser`
without activating the environment, so a Python notebook's `!swot` found no
command. Kernels inherit the server's environment: the server extension adds
this environment's scripts folder at the end of PATH (so nothing already found
first changes)."""
import os
import sysconfig


def ensure_scripts_on_path(log=None) -> None:
    scripts = sysconfig.get_path("scripts")
    parts = [p for p in os.environ.get("PATH", "").split(os.pathsep) if p]
    if not scripts or not os.path.isdir(scripts) or os.path.realpath(scripts) in map(os.path.realpath, parts):
        return
    os.environ["PATH"] = os.pathsep.join([*parts, scripts])
    if log is not None:
        log.info("jupyterlab_swot: %s added to PATH for kernels (the swot command)", scripts)
