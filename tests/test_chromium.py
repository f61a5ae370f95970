"""A browser renders the inline XBRL release: headless Chromium (Debian's ``chromium``) screenshots it.

Chromium must be installed (``.ci/run`` installs it); its absence fails the
test, it never skips.  The total revenues cell is painted a marker colour in
a copy of the document: the marker in the screenshot proves the cell is laid
out and visible, not merely present in the file.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import Built

CHROMIUM = "/usr/bin/chromium"
MARKER = (255, 0, 255)
# 002:586 total revenues, three months ended 2002-12-31: JPY 10,563,578 thousand.
TOTAL_REVENUES = "Revenues_D2002-10-01_2002-12-31_JPY"


def _chromium() -> str:
    found = CHROMIUM if Path(CHROMIUM).is_file() else shutil.which("chromium")
    if not found:
        pytest.fail("Debian's chromium is not installed: run `apt-get install -y chromium` (.ci/run does)")
    return found


def _screenshot(page: Path, shot: Path, profile: Path) -> Image.Image:
    command = [
        _chromium(),
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
        f"--user-data-dir={profile}", f"--screenshot={shot}", "--window-size=1400,2600",
        page.as_uri(),
    ]  # fmt: skip
    run = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert shot.is_file(), f"chromium wrote no screenshot (exit {run.returncode}): {run.stderr[-2000:]}"
    return Image.open(shot).convert("RGB")


def _count(image: Image.Image, colour: tuple[int, int, int]) -> int:
    colours = image.getcolors(maxcolors=image.size[0] * image.size[1]) or []
    return next((count for count, rgb in colours if rgb == colour), 0)


def test_chromium_renders_the_release(built: Built, tmp_path: Path) -> None:
    image = _screenshot(built.folder / "iij-20021231.html", tmp_path / "shot.png", tmp_path / "profile")
    assert image.size == (1400, 2600)
    colours = image.getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 20, "the screenshot is blank"
    white = _count(image, (255, 255, 255))
    assert white < 0.97 * image.size[0] * image.size[1], "the screenshot is nearly all white"


def test_the_total_revenues_cell_is_visible(built: Built, tmp_path: Path) -> None:
    text = (built.folder / "iij-20021231.html").read_text(encoding="utf-8")
    assert f'id="{TOTAL_REVENUES}"' in text
    style = f"<style>td:has([id='{TOTAL_REVENUES}']) {{ background: rgb{MARKER} !important; }}</style></head>"
    marked = tmp_path / "marked.html"
    marked.write_text(text.replace("</head>", style, 1), encoding="utf-8")
    image = _screenshot(marked, tmp_path / "marked.png", tmp_path / "profile")
    assert _count(image, MARKER) > 500, "the total revenues cell is not on screen"
    plain = _screenshot(built.folder / "iij-20021231.html", tmp_path / "plain.png", tmp_path / "profile")
    assert _count(plain, MARKER) == 0  # the marker is ours, not the page's
