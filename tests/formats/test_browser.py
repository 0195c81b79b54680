"""The report in a real browser (headless Chromium): it renders, with matrix and chart, no console message, and no
request leaves the file. Skipped where Chromium is not installed (CI installs it, see .ci/run)."""

from __future__ import annotations

from collections import Counter

import pytest

from ratify_cli.cli import app

from .. import browser
from ..conftest import DATA

pytestmark = pytest.mark.skipif(browser.find() is None, reason="chromium is not installed")


@pytest.fixture(scope="module")
def report_page(tmp_path_factory):
    from typer.testing import CliRunner

    work = tmp_path_factory.mktemp("browser")
    target = work / "report.html"
    result = CliRunner().invoke(app, ["report", "--as-of", "2026-01-01", "--data", str(DATA), "--output", str(target)])
    assert result.exit_code == 0, result.output
    return work, target


def test_the_dom_has_the_matrix_and_the_chart(report_page) -> None:
    work, page = report_page
    dom, stderr, requests = browser.run(page, work, "--dump-dom")
    assert '<table class="matrix" id="matrix">' in dom
    assert dom.count('<tr id="row-') == 34
    assert '<svg class="chart" id="chart"' in dom and dom.count("<polyline ") == 3
    assert 'id="counts"' in dom and 'id="gaps-MEX"' in dom and 'id="s1"' in dom
    assert browser.console_messages(stderr) == []
    assert browser.page_requests(requests) == []


def test_the_screenshot_is_not_blank_and_shows_the_status_colours(report_page) -> None:
    work, page = report_page
    shot = work / "shot.png"
    _out, stderr, requests = browser.run(page, work, "--window-size=1280,900", f"--screenshot={shot}")
    width, height, pixels = browser.pixels(shot)
    assert (width, height) == (1280, 900)
    counts = Counter(pixels)
    white = counts[(255, 255, 255)]
    assert white < 0.9 * len(pixels)
    assert counts[(0x1A, 0x7F, 0x37)] > 5000  # party green fills many matrix cells
    assert counts[(0xC8, 0xB6, 0xF2)] > 500  # unknown
    assert browser.console_messages(stderr) == []
    assert browser.page_requests(requests) == []


def test_the_checks_catch_a_page_that_errs_and_fetches(tmp_path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><img src="http://127.0.0.1:9/x.png"><script>console.error("boom")</script>', encoding="utf-8")
    _dom, stderr, requests = browser.run(bad, tmp_path, "--dump-dom")
    assert any("boom" in line for line in browser.console_messages(stderr))
    assert browser.page_requests(requests) == ["http://127.0.0.1:9/x.png"]
