"""Jupyter server used by the galata UI tests (started by playwright.config.js)."""
from jupyterlab.galata import configure_jupyter_server

configure_jupyter_server(c)  # noqa: F821

c.ServerApp.allow_root = True  # noqa: F821
c.ServerApp.open_browser = False  # noqa: F821
c.LabApp.news_url = None  # noqa: F821
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"  # noqa: F821

# Data roots outside the server root (set by playwright.config.js): a shared archive the tests
# fill and link into the root, and the sample data, read in place through a symlink.
import os  # noqa: E402

c.Swot.data_roots = [os.environ[k] for k in ("SWOT_UI_DATA_ROOT", "SWOT_UI_SAMPLE") if os.environ.get(k)]  # noqa: F821
# The sample dataset, as scripts/start.sh declares it: the SWOT browser's "sample" location.
c.Swot.sample_data = os.environ.get("SWOT_UI_SAMPLE", "")  # noqa: F821

# Tutorial copies go to a folder of the server root (on a hub, home is the root and the default ~/swot-tutorials is in it).
if os.environ.get("SWOT_UI_ROOT"):
    c.Swot.tutorials_dir = os.path.join(os.environ["SWOT_UI_ROOT"], "swot-tutorials")  # noqa: F821
