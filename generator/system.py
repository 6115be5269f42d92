"""The Debian packages briefing needs outside Python, and whether this machine has them.

Why the standard library only: `make build` and `make test` run this module with the
system's `python3` before the virtual environment exists, to install what
is missing (as root on Debian or Ubuntu) or to print the one `apt-get
install` line that would (anyone else). `briefing doctor` and the
preflight of every command that prints PDFs ask the same table, so the list
of packages lives here and nowhere else.

    python3 -m generator.system check build test
    python3 -m generator.system install build test
"""

from __future__ import annotations

import ctypes
import functools
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from generator.errors import SetupError

Purpose = Literal["build", "test"]


@dataclass(frozen=True)
class Requirement:
    """One Debian package, how to tell it is there, and what breaks without it."""

    package: str
    purpose: Purpose
    needed_for: str
    library: str = ""
    """A shared library (soname) the package provides; loaded to check it."""
    program: str = ""
    """A program the package provides; looked up on PATH (or at its absolute path)."""
    required: bool = True
    """False for packages whose absence only degrades the result (reported as a warning)."""

    def present(self) -> bool:
        if self.library:
            return _loads(self.library)
        return shutil.which(self.program) is not None


REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement("libpango-1.0-0", "build", "setting PDFs (WeasyPrint)", library="libpango-1.0.so.0"),
    Requirement("libpangoft2-1.0-0", "build", "setting PDFs (WeasyPrint)", library="libpangoft2-1.0.so.0"),
    Requirement("libharfbuzz-subset0", "build", "embedding font subsets in PDFs the same way on every machine",
                library="libharfbuzz-subset.so.0", required=False),
    Requirement("chromium", "test", "the browser tests of the site", program="/usr/bin/chromium"),
    Requirement("libatomic1", "test", "Playwright's driver, which starts the browser", library="libatomic.so.1"),
    Requirement("poppler-utils", "test", "reading PDFs back in the tests (pdffonts, pdftoppm)", program="pdffonts"),
    Requirement("gettext", "test", "checking the catalogs with msgfmt", program="msgfmt"),
)
"""Everything outside Python, by purpose: `build` for every command, `test` for `make test` on top."""


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


@functools.cache
def pdf_libraries() -> str:
    """The versions of the system libraries that shape WeasyPrint's bytes, for the key of a cached PDF."""
    versions = []
    for soname, function in (("libpango-1.0.so.0", "pango_version_string"),
                             ("libharfbuzz.so.0", "hb_version_string")):
        try:
            call = getattr(ctypes.CDLL(soname), function)
        except (OSError, AttributeError):
            versions.append(f"{soname} absent")
            continue
        call.restype = ctypes.c_char_p
        versions.append(f"{soname} {call().decode('ascii')}")
    versions.append(f"harfbuzz-subset {_loads('libharfbuzz-subset.so.0')}")
    return "; ".join(versions)


def requirements(purposes: Iterable[str]) -> list[Requirement]:
    wanted = set(purposes)
    return [r for r in REQUIREMENTS if r.purpose in wanted]


def missing(purposes: Iterable[str]) -> list[Requirement]:
    """The requirements of these purposes that this machine lacks."""
    return [r for r in requirements(purposes) if not r.present()]


def apt_line(packages: Iterable[Requirement]) -> str:
    """The one command that installs them, as a user would type it."""
    return "sudo apt-get install " + " ".join(sorted({r.package for r in packages}))


def describe(requirement: Requirement) -> str:
    return f"{requirement.package} (for {requirement.needed_for})"


def require_system(*purposes: Purpose) -> None:
    """Refuse to start work that needs packages this machine lacks, naming each and the line that installs it."""
    lacking = [r for r in missing(purposes) if r.required]
    if lacking:
        raise SetupError("this machine lacks " + ", ".join(describe(r) for r in lacking)
                         + f"; install with: {apt_line(lacking)} (or run `briefing doctor`)")


def _can_install() -> bool:
    return os.geteuid() == 0 and shutil.which("apt-get") is not None


def _apt_install(packages: list[str]) -> int:
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    quiet = ["-qq", "-o", "Dpkg::Use-Pty=0"]
    update = subprocess.run(["apt-get", "update", *quiet], env=environment, check=False)
    if update.returncode:
        return update.returncode
    return subprocess.run(["apt-get", "install", "-y", *quiet, *packages],
                          env=environment, stdout=subprocess.DEVNULL, check=False).returncode


def main(argv: list[str]) -> int:
    """`check PURPOSE…` reports what is missing; `install PURPOSE…` installs it as root, or says how."""
    if len(argv) < 2 or argv[0] not in ("check", "install") or not set(argv[1:]) <= {"build", "test"}:
        print("usage: python3 -m generator.system check|install build|test…", file=sys.stderr)
        return 2
    action, purposes = argv[0], argv[1:]
    lacking = missing(purposes)
    if lacking and action == "install" and _can_install():
        print("installing Debian packages: " + ", ".join(describe(r) for r in lacking), flush=True)
        code = _apt_install([r.package for r in lacking])
        if code:
            print(f"apt-get failed (exit {code}); install them by hand: {apt_line(lacking)}", file=sys.stderr)
            return 1
        lacking = missing(purposes)
    for requirement in lacking:
        severity = "missing" if requirement.required else "recommended"
        print(f"{severity}: {describe(requirement)}", file=sys.stderr)
    if lacking:
        print(f"install with: {apt_line(lacking)}", file=sys.stderr)
    return 1 if any(r.required for r in lacking) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
