"""The environment's commands (`swot`) for every kernel the server starts.

A hub often starts the single-user server as `/opt/env/bin/jupyterhub-singleuser`
without activating the environment, so a Python notebook's `!swot` found no
command. Kernels inherit the server's environment: the server extension adds
this environment's scripts folder at the end of PATH (so nothing already found
first changes). The sample dataset (c.Swot.sample_data) is exported the same way, as
$SWOT_SAMPLE_DATA, so that a tutorial copied anywhere finds it."""
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


def export_sample_data(sample_data: str, log=None) -> None:
    """$SWOT_SAMPLE_DATA for kernels (swot.sampleData() in the tutorials): the real path of
    c.Swot.sample_data when it is set; otherwise the server's own environment is left as it is."""
    if not sample_data:
        return
    real = os.path.realpath(os.path.expanduser(sample_data))
    previous = os.environ.get("SWOT_SAMPLE_DATA")
    os.environ["SWOT_SAMPLE_DATA"] = real
    if log is not None and previous != real:
        replaced = f" (was {previous})" if previous else ""
        log.info("jupyterlab_swot: SWOT_SAMPLE_DATA=%s for kernels%s", real, replaced)
