"""Where the bundled releases, taxonomy source and official schemas live.

An editable install (or a checkout) reads them from the repository; a wheel
carries copies under ``generator/_bundled``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_BUNDLED = _PACKAGE / "_bundled"
_REPO = _PACKAGE.parent


def _root() -> Path:
    return _BUNDLED if _BUNDLED.is_dir() else _REPO


def sources_dir() -> Path:
    """The bundled IIJ release texts."""
    return _root() / "sources"


def taxonomy_source_dir() -> Path:
    """The human-editable source of truth of the taxonomy."""
    return _root() / "taxonomy" / "source"


def schemas_dir() -> Path:
    """Local copies of the official XBRL schemas, laid out by URL."""
    return _root() / "schemas"


def bundled_sources() -> list[Path]:
    """Every bundled release text, in file-name order."""
    return sorted(sources_dir().glob("*.txt"))
