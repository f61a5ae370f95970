"""Reading YAML source files (the taxonomy source, the errata)."""

from __future__ import annotations

from pathlib import Path

import yaml

# LibYAML's safe loader when the wheel has it: several times faster, same result.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> object:
    """Parse a YAML file with the safe loader."""
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_LOADER)  # noqa: S506 - a safe loader
