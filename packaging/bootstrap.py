#!/usr/bin/env python3
"""Set up and run 研读 Reader from a checkout with nothing but Python 3.11+.

    python3 packaging/bootstrap.py            start the app
    python3 packaging/bootstrap.py test       run the whole test suite
    python3 packaging/bootstrap.py ARGS       the command line, as `reader ARGS` (import, list …)

The first run makes a virtual environment in .venv beside pyproject.toml and
installs the project into it; later runs reinstall only when pyproject.toml
changed. Standard library only.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".reader-installed"


def venv_python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    exe = "python.exe" if os.name == "nt" else "python"
    return VENV / scripts / exe


def ensure_installed(extras: str) -> Path:
    """Create .venv and install the project with ``extras`` unless that was done for this pyproject."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16] + ":" + extras
    python = venv_python()
    have = STAMP.read_text().split() if STAMP.exists() and python.exists() else []
    if wanted in have or (extras == "" and any(h.startswith(wanted) for h in have)):
        return python
    if not python.exists():
        print("研读 Reader: creating .venv (first run) …", flush=True)
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except (OSError, subprocess.CalledProcessError) as exc:
            sys.exit(
                f"研读 Reader: could not create .venv ({exc}).\n"
                "On Debian or Ubuntu, install the venv module first: sudo apt-get install python3-venv"
            )
    target = f".[{extras}]" if extras else "."
    print(f"研读 Reader: installing {target} into .venv …", flush=True)
    cmd = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", target]
    if subprocess.call(cmd, cwd=ROOT) != 0:
        sys.exit("研读 Reader: installing the dependencies failed (see the pip messages above)")
    kept = [h for h in have if h.split(":")[0] == wanted.split(":")[0]]
    STAMP.write_text(" ".join([*kept, wanted]))
    return python


def main(argv: list[str]) -> int:
    if sys.version_info[:2] < (3, 11):  # noqa: UP036 - run by any python3 on the machine
        sys.exit("研读 Reader needs Python 3.11 or newer")
    if argv[:1] == ["test"]:
        python = ensure_installed("test")
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        return subprocess.call([str(python), "-m", "pytest", *argv[1:]], cwd=ROOT, env=env)
    # Anything else goes to the `reader` command; no arguments start the app.
    args = argv[1:] if argv[:1] == ["reader"] else argv
    return subprocess.call([str(ensure_installed("")), "-m", "reader", *args])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
