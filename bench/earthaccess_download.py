"""Time earthaccess downloading granules from the loopback PO.DAAC mirror (bearer-token HTTP GETs).

    python bench/earthaccess_download.py OUT_DIR THREADS URL [URL ...]   (token in EARTHDATA_TOKEN)

What is measured: the wall time of one `earthaccess.download(urls, OUT_DIR, threads=THREADS)`
call, the function users call, with nothing of earthaccess replaced on its transfer path:
Store.get -> Store._get_urls -> Store._download_onprem_granules -> pqdm over THREADS threads ->
Store._download_file (a thread-local requests session per thread, one streamed GET per file,
1 MiB writes to a partial_* sibling renamed on success, tenacity retries). Python start-up and
the earthaccess import are outside the timed region; so is the search (the URLs are given).

How auth is set up (no earthaccess.login(): it would build a Store, which calls NASA's URS):
  - Auth().login(strategy="environment") with EARTHDATA_TOKEN set: for a token, earthaccess only
    stores {"access_token": T} and sets authenticated=True, no network (Auth._get_credentials).
    Auth.get_session() then sends "Authorization: Bearer T", which the mirror checks.
  - Store's constructor does two network things that do not concern the transfer, both avoided
    by a subclass overriding them: set_requests_session("https://urs.earthdata.nasa.gov/profile")
    (a GET to collect URS cookies; here it only creates the session that round trip would have
    filled, self._http_session = auth.get_session(), which _download_file clones per thread), and
    _running_in_us_west_2() (PUT + GET to the EC2 metadata address 169.254.169.254, 1 s timeout
    each; answered False, as it is anywhere outside AWS us-west-2, so URLs take the on-prem path).
  - The store is put where earthaccess.login() puts it (earthaccess.__store__) and
    earthaccess.download is called as a user calls it.

Prints one JSON line: {"seconds", "files", "bytes", "threads", "earthaccess"}.
"""
import json
import os
import pathlib
import sys
import time

import earthaccess
from earthaccess.auth import Auth
from earthaccess.store import Store


class LoopbackStore(Store):
    """earthaccess's Store without its constructor's two calls off loopback (see the header)."""

    def set_requests_session(self, url: str, method: str = "get") -> None:
        if not hasattr(self, "_http_session"):
            self._http_session = self.auth.get_session()

    def _running_in_us_west_2(self) -> bool:
        return False


def main() -> None:
    out, threads, urls = pathlib.Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    if not os.environ.get("EARTHDATA_TOKEN"):
        sys.exit("EARTHDATA_TOKEN is not set")
    # A requests session trusts the environment: a proxy must not take the loopback requests.
    os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"
    auth = Auth().login(strategy="environment")
    assert auth.authenticated and not auth.username, "expected token-only auth"
    earthaccess.__store__ = LoopbackStore(auth)
    t0 = time.perf_counter()
    paths = earthaccess.download(urls, str(out), threads=threads, show_progress=False)
    seconds = time.perf_counter() - t0
    if len(paths) != len(urls):
        sys.exit(f"earthaccess.download returned {len(paths)} paths for {len(urls)} URLs")
    size = sum(pathlib.Path(p).stat().st_size for p in paths)
    print(json.dumps({"seconds": seconds, "files": len(paths), "bytes": size, "threads": threads, "earthaccess": earthaccess.__version__}))


if __name__ == "__main__":
    main()
