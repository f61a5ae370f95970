"""Reading YAML source files (the taxonomy source, the errata)."""

from __future__ import annotations

from pathlib import Path

import yaml


def read_yaml(path: Path) -> object:
    """Parse a YAML file with the safe loader."""
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)
