"""report.html in a real browser: Debian's headless Chromium driven by Playwright.

Checks what a person at the projector sees: a visible timetable per job with
a block per slot, input text shown as text (never run), and a page that asks
the network for nothing. Skipped locally when Chromium or Playwright is
missing; with ``CI=true`` that is a failure instead, so a missing install step
in ``.ci/run`` is noticed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from reporting_support import hostile_result, indoor_result

from combibaan.reporting import write_report

CHROMIUM = os.environ.get("COMBIBAAN_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: A common projector resolution.
VIEWPORT = {"width": 1280, "height": 800}
#: Records Content-Security-Policy violations: a blocked load is still an attempt.
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.blockedURI));
"""


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI must install it: see .ci/run)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        _unavailable(f"Chromium not found at {CHROMIUM}; apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed; pip install -e '.[test]'")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, timeout=60_000)
        yield launched
        launched.close()


def _open(browser: Any, path: Path, **context_options: Any) -> tuple[Any, Any, list[str]]:
    """A page showing ``path`` whose every request is recorded, and any but the file refused."""
    context = browser.new_context(viewport=VIEWPORT, **context_options)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))

    def refuse_network(route: Any) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", refuse_network)
    page = context.new_page()
    page.add_init_script(WATCH_VIOLATIONS)
    page.goto(path.as_uri(), wait_until="load")
    return context, page, requests


def test_every_timetable_is_visible_with_a_block_per_slot(browser: Any, tmp_path: Path):
    result = indoor_result()
    path = write_report(result, tmp_path / "report.html")
    context, page, requests = _open(browser, path)
    try:
        tables = page.locator(".timetable")
        assert tables.count() == len(result.solution.jobs) == 3
        for index, job in enumerate(result.solution.jobs):
            table = tables.nth(index)
            assert table.get_attribute("data-job") == job.job_id
            table.scroll_into_view_if_needed()
            box = table.bounding_box()
            assert box and box["width"] > 400 and box["height"] > 200
            slots = [s for t in job.task_ids for s in result.instance.task(t).slots]
            blocks = table.locator(".block")
            assert blocks.count() == len(slots)
            for b in range(blocks.count()):
                block = blocks.nth(b)
                assert block.is_visible()
                inner = block.bounding_box()
                assert inner and inner["width"] > 20 and inner["height"] > 20
                assert (
                    box["x"] <= inner["x"]
                    and inner["x"] + inner["width"] <= box["x"] + box["width"] + 1
                )
                assert inner["y"] + inner["height"] <= box["y"] + box["height"] + 1
            font = blocks.first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
            assert font >= 16, "block text too small for a projector"
        # An earlier slot sits higher: B01 on Monday, 06:00 cleaning above 10:30 lunch.
        first = page.locator('.timetable[data-job="B01"] .tt-day').first
        early = first.locator('.block[data-task="I11"]').bounding_box()
        late = first.locator('.block[data-task="I01"]').bounding_box()
        assert early["y"] + early["height"] <= late["y"]
        assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORT["width"]
        shot = tmp_path / "report.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        assert requests == [path.as_uri()], f"the report asked for more: {requests}"
        assert page.evaluate("window.__violations") == []
    finally:
        context.close()


def test_input_text_is_shown_and_never_run(browser: Any, tmp_path: Path):
    path = write_report(hostile_result(), tmp_path / "report.html")
    # bypass_csp: the page's own policy would stop a script anyway; without it,
    # only the escaping stands between the input and the browser.
    context, page, requests = _open(browser, path, bypass_csp=True)
    try:
        assert page.evaluate("typeof window.__xss") == "undefined"
        shown = page.locator("td.description", has_text="<script>window.__xss = 1</script>")
        assert shown.count() >= 1 and shown.first.is_visible()
        assert page.locator("text=Gebouw <b>A</b>").count() >= 1
        assert page.locator("main b").count() == 0
        assert requests == [path.as_uri()]
        page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)
    finally:
        context.close()
