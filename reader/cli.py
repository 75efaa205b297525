"""The `reader` command (temporary: parse only)."""
from __future__ import annotations

import json
import sys

from reader.core.parser import parse_file


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:2] == ["parse", "--json"]:
        bad = 0
        for f in argv[2:]:
            a = parse_file(f)
            bad += bool(a.error)
            print(json.dumps(a.to_json(), ensure_ascii=False))
        return 1 if bad else 0
    return 2
