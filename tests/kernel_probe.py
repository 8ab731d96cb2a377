"""Runs cells in a real kernel started from a kernelspec, as Jupyter would, and
prints the results as JSON. Run it with the Python of the environment whose
kernelspec is under test (a fresh venv's, or the project's), so that nothing
of the test process leaks into the kernel.

    python kernel_probe.py KERNEL_NAME CWD STEPS.json

Each step is {"code": "..."} (run, outputs collected) or {"write": PATH,
"text": "..."} (create a file, as a user installing a package would), or
{"sleep": seconds}. A result is {"status", "output"} (streams, errors and the
text/plain of shown values), with "mime" (the media types shown) and "stderr"
(that stream's text) when there are any, and "seconds" when the step asks
{"timed": true}."""
import json
import pathlib
import sys
import time

from jupyter_client.manager import KernelManager


def main() -> None:
    name, cwd, steps_file = sys.argv[1:4]
    steps = json.loads(pathlib.Path(steps_file).read_text())
    km = KernelManager(kernel_name=name)
    km.start_kernel(cwd=cwd)
    results = []
    try:
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=120)
        for step in steps:
            if "write" in step:
                path = pathlib.Path(step["write"])
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(step["text"])
                continue
            if "sleep" in step:
                time.sleep(step["sleep"])
                continue
            # tslab answers "abort" to a request that arrives within 200 ms of an error.
            time.sleep(0.3)
            out, mime, stderr, t0 = [], [], [], time.perf_counter()

            def hook(msg):
                c = msg["content"]
                if msg["msg_type"] == "stream":
                    out.append(c["text"])
                    if c["name"] == "stderr":
                        stderr.append(c["text"])
                elif msg["msg_type"] == "error":
                    out.append(f"{c['ename']}: {c['evalue']}")
                elif msg["msg_type"] in ("execute_result", "display_data"):
                    out.append(c["data"].get("text/plain", ""))
                    mime.extend(m for m in c["data"] if m not in mime)

            reply = kc.execute_interactive(step["code"], timeout=300, output_hook=hook)
            result = {"status": reply["content"]["status"], "output": "".join(out)}
            if mime:
                result["mime"] = mime
            if stderr:
                result["stderr"] = "".join(stderr)
            if step.get("timed"):
                result["seconds"] = round(time.perf_counter() - t0, 2)
            results.append(result)
        kc.stop_channels()
    finally:
        km.shutdown_kernel(now=True)
    print(json.dumps({"kernel": km.kernel_spec.argv, "resource_dir": km.kernel_spec.resource_dir, "results": results}))


if __name__ == "__main__":
    main()
