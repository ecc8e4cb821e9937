"""Writing a customer's privacy export where the manager chose: whole or not at all."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def write_export(path: Path, data: dict[str, Any]) -> int:
    """Write `data` as indented UTF-8 JSON through a temporary file beside `path`, so a
    failure never leaves half an export behind; returns the bytes written."""
    body = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("wb") as out:
            out.write(body)
            out.flush()
            os.fsync(out.fileno())
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return len(body)
