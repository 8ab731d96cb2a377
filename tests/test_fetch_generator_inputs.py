"""tools/fetch_generator_inputs.py without the network: what it extracts and what it refuses.

The real download (two sdists from PyPI, every file identical to ../shared/data) runs in
test_binder.py, which builds the Binder image with no shared data beside the clone.
"""
import hashlib
import io
import pathlib
import sys
import tarfile

import pytest

from conftest import ROOT, SHARED_DATA

sys.path.insert(0, str(ROOT / "tools"))
import fetch_generator_inputs as fetch  # noqa: E402


def sdist(tmp: pathlib.Path, files: dict) -> pathlib.Path:
    path = tmp / "pkg-1.0.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_a_member_with_the_pinned_hash_takes_its_shared_layout_name(tmp_path):
    archive = sdist(tmp_path, {"pkg-1.0/data/a.txt": b"orbit", "pkg-1.0/../../evil": b"x"})
    out = tmp_path / "out"
    fetch.extract(archive, {"pkg-1.0/data/a.txt": ("real/orbit/a.txt", digest(b"orbit"))}, out)
    assert (out / "real/orbit/a.txt").read_bytes() == b"orbit"
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == ["real/orbit/a.txt"]


def test_a_member_with_another_hash_is_refused_and_leaves_nothing(tmp_path):
    archive = sdist(tmp_path, {"pkg-1.0/data/a.txt": b"tampered"})
    out = tmp_path / "out"
    with pytest.raises(fetch.InputError, match=r"pkg-1\.0/data/a\.txt: sha256 .* expected"):
        fetch.extract(archive, {"pkg-1.0/data/a.txt": ("real/orbit/a.txt", digest(b"orbit"))}, out)
    assert not [p for p in out.rglob("*") if p.is_file()]


def test_a_missing_member_names_the_archive_and_the_member(tmp_path):
    archive = sdist(tmp_path, {"pkg-1.0/other": b""})
    with pytest.raises(fetch.InputError, match="pkg-1.0.tar.gz"):
        fetch.extract(archive, {"pkg-1.0/data/a.txt": ("a.txt", digest(b""))}, tmp_path / "out")


def test_files_already_right_are_kept_and_wrong_ones_refetched(tmp_path):
    (tmp_path / "good").write_bytes(b"1")
    (tmp_path / "bad").write_bytes(b"2")
    members = {"m/good": ("good", digest(b"1")), "m/bad": ("bad", digest(b"3")), "m/none": ("none", digest(b""))}
    assert sorted(fetch.missing(tmp_path, members)) == ["m/bad", "m/none"]


@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="no ../shared/data to compare the pins with")
def test_the_pins_are_the_shared_datas_files():
    for _, members in fetch.SOURCES.values():
        for rel, pinned in members.values():
            assert fetch.sha256(SHARED_DATA / rel) == pinned, rel


def test_the_pins_cover_every_input_the_generator_reads():
    sys.path.insert(0, str(ROOT / "tools"))
    from sample_data import cli
    pinned = {rel for _, members in fetch.SOURCES.values() for rel, _ in members.values()}
    needed = {name.removeprefix("shared/data/") for name in cli.input_files() if name.startswith("shared/data/")}
    assert needed <= pinned, needed - pinned
