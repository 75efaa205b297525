#!/usr/bin/env bash
# Build the one-folder app into dist/reader and check that it starts and opens a library offscreen.
#   bash packaging/build.sh        (after: python3 packaging/bootstrap.py test, which makes .venv)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
"$PY" -m pip install -q "pyinstaller>=6"
start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/reader.spec
# PNG icons in the usual sizes, drawn from the SVG, beside the desktop entry and the metainfo
QT_QPA_PLATFORM=offscreen "$PY" - <<'PY'
from pathlib import Path
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
app = QGuiApplication([])
svg = QSvgRenderer("packaging/icons/yandu-reader.svg")
for size in (16, 32, 48, 64, 128, 256, 512):
    folder = Path(f"dist/reader/share/icons/hicolor/{size}x{size}/apps")
    folder.mkdir(parents=True, exist_ok=True)
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    svg.render(painter)
    painter.end()
    image.save(str(folder / "yandu-reader.png"))
PY
mkdir -p dist/reader/share/applications dist/reader/share/metainfo dist/reader/share/icons/hicolor/scalable/apps
cp packaging/yandu-reader.desktop dist/reader/share/applications/
cp packaging/io.github.yandu_reader.metainfo.xml dist/reader/share/metainfo/
cp packaging/icons/yandu-reader.svg dist/reader/share/icons/hicolor/scalable/apps/
echo "built in $(( $(date +%s) - start )) s: $(du -sh dist/reader | cut -f1)"
lib=$(mktemp -d)
QT_QPA_PLATFORM=offscreen READER_SMOKE=1 dist/reader/reader --data-dir "$lib"
