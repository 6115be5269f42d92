"""Vendor axe-core's `axe.min.js` for the accessibility tests (run by hand to upgrade).

Why vendored: the browser tests must not fetch anything, and `make test` must
work offline once set up. The file is axe-core by Deque Systems, MPL-2.0
(`axe-core.LICENSE`); its licence header stays in the file.

Usage: `python tests/site/vendor/fetch_axe.py [VERSION]` (needs `npm`), then
update VERSION and SHA256 below, run the browser tests, and commit both files.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VERSION = "4.14.1"
SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"
HERE = Path(__file__).resolve().parent


def fetch(version: str = VERSION) -> Path:
    """Download axe-core `version` from the npm registry and copy its minified build and licence here."""
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(["npm", "pack", f"axe-core@{version}", "--silent"], cwd=work, check=True)
        archive = next(Path(work).glob("axe-core-*.tgz"))
        with tarfile.open(archive) as tar:
            for member, target in (("package/axe.min.js", "axe.min.js"), ("package/LICENSE", "axe-core.LICENSE")):
                source = tar.extractfile(member)
                assert source is not None, member
                (HERE / target).write_bytes(source.read())
    return HERE / "axe.min.js"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


if __name__ == "__main__":
    path = fetch(sys.argv[1] if len(sys.argv) > 1 else VERSION)
    print(f"{path}: sha256 {digest(path)}")
