"""Download jobs the Jupyter server runs for the SWOT sidebar: ``/swot/downloads``.

The server runs the same engine as the kernel library and the terminal: the ``swot download``
command of the Node runtime shipped in this package, one process per job, its progress read
from its ``--progress jsonl`` events (one JSON object per line, see
src/core/download/types.ts ``DownloadEvent``). Jobs live in the server, not the page, so the
Downloads panel finds them again after a reload. Cancelling sends SIGTERM: the command stops
its transfers and leaves ``NAME.part`` files that the next run of the same job resumes.

    POST   /swot/downloads          {provider, collection, version?, cycles?, passes?, time?, bbox?,
                                     phase?, out, jobs?, dryRun?}  -> 201 the job
    GET    /swot/downloads          -> {jobs: [...]}, newest first
    GET    /swot/downloads/<id>     -> the job
    DELETE /swot/downloads/<id>     -> cancel a running job (202), or forget a finished one (200)

``out`` is a folder relative to the server root (or absolute inside a root), created when
missing; it must be writable (a read-only shared archive is refused with the reason).
Credentials are never part of a request: the command reads them from .netrc or the
environment of the server, as it does in a terminal.
"""
from __future__ import annotations

import asyncio
import collections
import itertools
import json
import os
import signal
import time

from jupyter_server.utils import url_path_join
from tornado import web

from ._node import MODULES, NodeNotFound, check_runtime, find_node, node_env
from .handlers import Refused, SwotHandler, resolve

CLI = MODULES / "jupyterlab-swot" / "dist" / "cli.cjs"
PROVIDERS = ("podaac", "aviso")
KEPT_ERRORS = 50
SPEED_WINDOW = 5.0  # seconds of byte counts the speed is computed over
_ids = itertools.count(1)


def _number_list(value, field: str) -> str | None:
    """[1, 2, 5] or "1-3,5" -> the CLI's "1,2,5" / "1-3,5"; None when absent."""
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, list) and all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        return ",".join(str(v) for v in value)
    if isinstance(value, str) and value.replace(",", "").replace("-", "").replace(" ", "").isdigit():
        return value.replace(" ", "")
    raise Refused(400, field, f"{field} must be a list of whole numbers or a text such as 1-3,5 (got {value!r})")


def command_args(body: dict, out: str) -> list[str]:
    """The ``swot download`` arguments of a request (validated; the CLI checks the rest)."""
    provider = body.get("provider")
    if provider not in PROVIDERS:
        raise Refused(400, "provider", f"provider must be one of {', '.join(PROVIDERS)} (got {provider!r})")
    collection = body.get("collection")
    if not isinstance(collection, str) or not collection.strip():
        raise Refused(400, "collection", "collection (a CMR short name or an AVISO tree path) is required")
    args = ["download", "--provider", provider, "--collection", collection, "--out", out, "--progress", "jsonl"]
    for key, flag in (("cycles", "--cycle"), ("passes", "--pass")):
        text = _number_list(body.get(key), key)
        if text:
            args += [flag, text]
    for key, flag in (("version", "--version-folder"), ("time", "--time"), ("phase", "--phase")):
        value = body.get(key)
        if value not in (None, ""):
            if not isinstance(value, str):
                raise Refused(400, key, f"{key} must be a text (got {value!r})")
            args += [flag, value]
    bbox = body.get("bbox")
    if bbox not in (None, ""):
        if not (isinstance(bbox, list) and len(bbox) == 4 and all(isinstance(v, (int, float)) for v in bbox)):
            raise Refused(400, "bbox", f"bbox must be [lon0, lat0, lon1, lat1] (got {bbox!r})")
        args += ["--bbox", ",".join(repr(float(v)) for v in bbox)]
    jobs = body.get("jobs")
    if jobs is not None:
        if not (isinstance(jobs, int) and 1 <= jobs <= 16):
            raise Refused(400, "jobs", f"jobs must be a whole number from 1 to 16 (got {jobs!r})")
        args += ["--jobs", str(jobs)]
    if body.get("dryRun"):
        args.append("--dry-run")
    return args


class DownloadJob:
    """One ``swot download`` process and what its events said so far."""

    def __init__(self, request: dict, out: str, out_display: str, args: list[str]):
        self.id = str(next(_ids))
        self.request = request
        self.out = out
        self.out_display = out_display
        self.args = args
        self.state = "starting"  # starting, running, done, failed, cancelled
        self.started = time.time()
        self.ended: float | None = None
        self.plan: dict | None = None
        self.files: dict[str, dict] = {}  # name -> {bytes, size, state}
        self.errors: list[dict] = []
        self.end: dict | None = None
        self.stderr: collections.deque[str] = collections.deque(maxlen=20)
        self.samples: collections.deque[tuple[float, int]] = collections.deque()
        self.process: asyncio.subprocess.Process | None = None
        self.cancel_requested = False

    # --- events -------------------------------------------------------------------------------
    def apply(self, event: dict) -> None:
        kind = event.get("event")
        name = event.get("name")
        if kind == "plan":
            self.plan = event
            self.state = "running"
        elif kind == "start" and name:
            self.files[name] = {"name": name, "bytes": event.get("resumeFrom", 0), "size": event.get("size"),
                                "resumedFrom": event.get("resumeFrom", 0), "state": "transferring"}
        elif kind == "progress" and name:
            entry = self.files.setdefault(name, {"name": name, "bytes": 0, "size": event.get("size"),
                                                 "state": "transferring"})
            entry["bytes"] = event.get("bytes", entry["bytes"])
            if event.get("size") is not None:
                entry["size"] = event["size"]
        elif kind == "done" and name:
            entry = self.files.setdefault(name, {"name": name, "size": event.get("bytes")})
            entry.update(bytes=event.get("bytes"), state="skipped" if event.get("skipped") else "done",
                         verified=event.get("verified"), path=event.get("path"))
        elif kind == "error":
            if name:
                self.files.setdefault(name, {"name": name, "bytes": 0, "size": None})["state"] = "failed"
            if len(self.errors) < KEPT_ERRORS:
                self.errors.append({"name": name, "message": event.get("message", ""), "code": event.get("code")})
        elif kind == "retry" and name and name in self.files:
            self.files[name]["retry"] = event.get("attempt")
        elif kind == "end":
            self.end = event
        self._sample()

    def _sample(self) -> None:
        now = time.monotonic()
        self.samples.append((now, self.bytes))
        while len(self.samples) > 2 and now - self.samples[0][0] > SPEED_WINDOW:
            self.samples.popleft()

    @property
    def bytes(self) -> int:
        return sum(f.get("bytes") or 0 for f in self.files.values() if f.get("state") != "skipped")

    def speed(self) -> float:
        if self.state != "running" or len(self.samples) < 2:
            return 0.0
        (t0, b0), (t1, b1) = self.samples[0], self.samples[-1]
        return max(0.0, (b1 - b0) / max(time.monotonic() - t0, t1 - t0, 1e-3))

    def as_json(self) -> dict:
        states = collections.Counter(f.get("state") for f in self.files.values())
        planned = self.plan["files"] if self.plan else None
        finished = states["done"] + states["skipped"] + states["failed"]
        return {
            "id": self.id,
            "state": self.state,
            "request": self.request,
            "out": self.out_display,
            "started": self.started,
            "ended": self.ended,
            "dryRun": bool(self.request.get("dryRun")),
            "files": planned,
            "plannedBytes": self.plan["bytes"] if self.plan else None,
            "planned": self.plan.get("planned") if self.plan else None,
            "done": states["done"],
            "skipped": self._skipped(states["skipped"]),
            "failed": states["failed"],
            "remaining": None if planned is None else max(planned - finished, 0),
            "bytes": self.bytes,
            # bytes a cancelled or interrupted run had left in .part files, not fetched again
            "resumedBytes": sum(f.get("resumedFrom") or 0 for f in self.files.values()),
            "speed": self.speed(),
            "current": [f for f in self.files.values() if f.get("state") == "transferring"],
            "errors": self.errors,
            "end": self.end,
            "stderr": list(self.stderr) if self.state == "failed" else [],
        }

    def _skipped(self, confirmed: int) -> int:
        """Files already complete: the plan presumes them (by size) before each is checked and
        reported skipped; the end event has the final count."""
        if self.end is not None:
            return self.end.get("skipped", confirmed)
        return max(confirmed, self.plan.get("skipped", 0) if self.plan else 0)

    # --- process ------------------------------------------------------------------------------
    async def run(self) -> None:
        try:
            check_runtime()
            node = find_node()
        except NodeNotFound as e:
            self._finish("failed", str(e))
            return
        self.process = await asyncio.create_subprocess_exec(
            node, str(CLI), *self.args, cwd=self.out, env=node_env(), stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )
        self.state = "running"
        await asyncio.gather(self._read_events(), self._read_stderr())
        code = await self.process.wait()
        if self.cancel_requested:
            self._finish("cancelled")
        elif code == 0 and not (self.end and self.end.get("failed")):
            self._finish("done")
        else:
            self._finish("failed", None if self.errors else f"swot download exited with status {code}")

    async def _read_events(self) -> None:
        assert self.process and self.process.stdout
        async for line in self.process.stdout:
            text = line.decode("utf-8", "replace").strip()
            if not text.startswith("{"):
                continue
            try:
                self.apply(json.loads(text))
            except ValueError:
                self.stderr.append(text[:500])

    async def _read_stderr(self) -> None:
        assert self.process and self.process.stderr
        async for line in self.process.stderr:
            self.stderr.append(line.decode("utf-8", "replace").rstrip()[:500])

    def _finish(self, state: str, message: str | None = None) -> None:
        self.state = state
        self.ended = time.time()
        if message:
            self.errors.append({"name": None, "message": message, "code": "JOB"})

    def cancel(self) -> None:
        if self.process and self.process.returncode is None:
            self.cancel_requested = True
            try:
                self.process.send_signal(signal.SIGTERM)
            except ProcessLookupError:
                pass


class SwotDownloadsHandler(SwotHandler):
    @property
    def jobs(self) -> dict[str, DownloadJob]:
        return self.settings.setdefault("swot_download_jobs", {})

    @web.authenticated
    def get(self, job_id: str | None = None) -> None:
        if job_id:
            job = self.jobs.get(job_id)
            if job is None:
                return self._refuse(Refused(404, job_id, f"no download job {job_id}"))
            return self._json(job.as_json())
        self._json({"jobs": [j.as_json() for j in sorted(self.jobs.values(), key=lambda j: -int(j.id))]})

    @web.authenticated
    async def post(self, job_id: str | None = None) -> None:
        try:
            body = json.loads(self.request.body or b"{}")
            if not isinstance(body, dict):
                raise Refused(400, "", "the request body must be a JSON object")
            out_rel = body.get("out")
            if not isinstance(out_rel, str) or not out_rel.strip():
                raise Refused(400, "out", "out (the folder to download into) is required")
            out = resolve(out_rel, self.server_root, self.swot_roots)
            args = command_args(body, out)
            try:
                os.makedirs(out, exist_ok=True)
            except OSError as e:
                raise Refused(403, out_rel, f"cannot create {out}: {e.strerror}")
            if not os.access(out, os.W_OK):
                raise Refused(403, out_rel, f"{out} is not writable (a read-only archive?): choose a folder in your home")
        except ValueError:
            return self._refuse(Refused(400, "", "the request body is not JSON"))
        except Refused as e:
            return self._refuse(e)
        job = DownloadJob(body, out, out_rel, args)
        self.jobs[job.id] = job
        asyncio.ensure_future(job.run())
        self.set_status(201)
        self._json(job.as_json())

    @web.authenticated
    def delete(self, job_id: str | None = None) -> None:
        job = self.jobs.get(job_id or "")
        if job is None:
            return self._refuse(Refused(404, job_id or "", f"no download job {job_id}"))
        if job.state in ("starting", "running"):
            job.cancel()
            self.set_status(202)
        else:
            del self.jobs[job.id]
        self._json(job.as_json())


def setup_download_handlers(web_app) -> None:
    base_url = web_app.settings["base_url"]
    web_app.add_handlers(
        ".*$", [(url_path_join(base_url, "swot", "downloads") + "(?:/([0-9]+))?", SwotDownloadsHandler)]
    )
