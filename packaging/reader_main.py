"""Entry point of the bundled app (PyInstaller): the `reader` command, GUI or CLI."""

import multiprocessing
import sys

from reader.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the importer's worker processes start from this executable
    sys.exit(main())
