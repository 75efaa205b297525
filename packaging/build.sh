#!/usr/bin/env bash
# Build the one-folder app into dist/reader and check that it starts and opens a library offscreen.
#   bash packaging/build.sh        (after: python3 packaging/bootstrap.py test, which makes .venv)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
"$PY" -m pip install -q "pyinstaller>=6"
start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/reader.spec
echo "built in $(( $(date +%s) - start )) s: $(du -sh dist/reader | cut -f1)"
lib=$(mktemp -d)
QT_QPA_PLATFORM=offscreen READER_SMOKE=1 dist/reader/reader --data-dir "$lib"
