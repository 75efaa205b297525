"""Where the library lives: --data-dir, then READER_DATA_DIR, then the platform's user data folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_DIR_NAME = "yandu-reader"
ENV_VAR = "READER_DATA_DIR"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir(APP_DIR_NAME, appauthor=False))
