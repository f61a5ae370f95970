"""Shared fixtures: the taxonomy, one build of the bundled releases, fact lookup."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from generator import names
from generator.build import BuildResult, build
from generator.resources import bundled_sources
from generator.taxonomy.model import Taxonomy, load_taxonomy

SOURCES = {path.name[:3]: path for path in bundled_sources()}
INSTANCES = {
    "001": "iij-20010930.xml",
    "000": "iij-20020331.xml",
    "002": "iij-20021231.xml",
    "004": "iij-20040331.xml",
}

# What a label, a note or a text value could hold that XML must escape, Japanese and beyond the BMP too.
HOSTILE = 'Fish & "chips" <b>IIJ\'s</b>\n\ttabbed\r\n]]> 売上高\u3000(注1) \U0001f4b4'


@dataclass(frozen=True)
class Built:
    """The bundled releases built once into a temporary folder."""

    folder: Path
    result: BuildResult

    def path(self, release: str) -> Path:
        """The instance file of a release (by source number)."""
        return self.folder / INSTANCES[release]

    def tree(self, release: str) -> etree._ElementTree:
        """The parsed instance of a release."""
        return etree.parse(str(self.path(release)))

    def fact(self, release: str, concept: str, context: str, unit: str = "JPY") -> etree._Element:
        """The single fact with this concept, context id and unit id."""
        found = self.tree(release).getroot().findall(f"{{{names.IIJ}}}{concept}")
        matches = [f for f in found if f.get("contextRef") == context and f.get("unitRef") == unit]
        assert len(matches) == 1, f"{concept} {context} {unit}: {len(matches)} facts"
        return matches[0]

    def value(self, release: str, concept: str, context: str, unit: str = "JPY") -> Decimal:
        """The value of that fact."""
        return Decimal(self.fact(release, concept, context, unit).text or "")

    def findings(self, code: str) -> list[str]:
        """Rendered findings with a code, across the build."""
        return [f.render() for f in self.result.all_findings() if f.code == code]


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    """The taxonomy, loaded and checked once."""
    return load_taxonomy()


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory, taxonomy: Taxonomy) -> Built:
    """Every bundled release, built once."""
    folder = tmp_path_factory.mktemp("output")
    return Built(folder, build(bundled_sources(), folder, taxonomy=taxonomy))
