"""report.html in a real browser: Debian's headless Chromium driven by Playwright.

Checks what a person at the projector sees: the overview of the jobs on the
first screen, type large enough for the back of the room, a visible timetable
per job with a block per slot and the task descriptions beside it, an
alternative's changed jobs with their marks, input text shown as text (never
run), and a page that asks the network for nothing; and what the printer makes
of it: A4, each job and each alternative on a page of its own. Skipped
locally when Chromium or Playwright is missing; with ``CI=true`` that is a
failure instead, so a missing install step in ``.ci/run`` is noticed.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from reporting_support import hostile_result, indoor_result, make_result

from combibaan.model.alternative import Alternative
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
#: The full-HD projector: body, block and hour text at least 20 px there, nothing below 16 px.
FULL_HD = {"width": 1920, "height": 1080}
#: The width and height A4 leaves for content within the margins of report.css, in CSS px.
A4_CONTENT = {"width": round((210 - 24) / 25.4 * 96), "height": round((297 - 26) / 25.4 * 96)}
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


def _open(
    browser: Any, path: Path, viewport: dict[str, int] = VIEWPORT, **context_options: Any
) -> tuple[Any, Any, list[str]]:
    """A page showing ``path`` whose every request is recorded, and any but the file refused."""
    context = browser.new_context(viewport=viewport, **context_options)
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
        shown = page.locator(".description", has_text="<script>window.__xss = 1</script>")
        assert shown.count() >= 1 and shown.first.is_visible()
        assert page.locator("text=Gebouw <b>A</b>").count() >= 1
        assert page.locator("main b").count() == 0
        assert requests == [path.as_uri()]
        page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)
    finally:
        context.close()


#: Font sizes (px) of every visible element that holds text of its own.
TEXT_SIZES = """
() => [...document.querySelectorAll('body *')].filter(e =>
    [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())
    && e.getClientRects().length > 0
  ).map(e => [e.tagName + '.' + e.className, parseFloat(getComputedStyle(e).fontSize)])
"""


def _font(locator: Any) -> float:
    return float(locator.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))


def test_first_screen_is_the_overview_in_projector_type(browser: Any, tmp_path: Path):
    result = indoor_result()
    path = write_report(result, tmp_path / "report.html")
    context, page, requests = _open(browser, path, viewport=FULL_HD)
    try:
        overview = page.locator("#overview table")
        box = overview.bounding_box()
        assert box and box["y"] + box["height"] <= FULL_HD["height"], "overview below the fold"
        rows = overview.locator("tbody tr")
        assert rows.count() == len(result.solution.jobs)
        first = rows.first.inner_text()
        for fact in ("B01", "Asito", "Sodexo", "30", "maandag t/m vrijdag", "06:00–13:30"):
            assert fact in first
        assert page.locator("#jobs").bounding_box()["y"] > box["y"]  # the details come after
        # Projector type: body, overview, block text and hour labels 20 px; nothing below 16.
        assert _font(page.locator("body")) >= 20
        assert _font(overview.locator("td").first) >= 20
        assert _font(page.locator(".block .line").first) >= 20
        assert _font(page.locator(".tt-hour").first) >= 20
        small = [(name, size) for name, size in page.evaluate(TEXT_SIZES) if size < 16]
        assert small == [], f"text below 16 px: {small[:5]}"
        # Each description is readable beside its timetable, not only as a tooltip.
        for index, job in enumerate(result.solution.jobs, start=1):
            article = page.locator(f"#job-{index}")
            article.scroll_into_view_if_needed()
            table = article.locator(".timetable").bounding_box()
            for task_id in job.task_ids:
                item = article.locator(f'.task-list li[data-task="{task_id}"] .description')
                assert item.is_visible()
                assert item.inner_text() == result.instance.task(task_id).description
                beside = item.bounding_box()
                assert beside["x"] >= table["x"] + table["width"]
                assert beside["y"] < table["y"] + table["height"]
        # The overview's links lead to the jobs.
        page.locator('#overview a[href="#job-2"]').click()
        assert page.locator("#job-2").bounding_box()["y"] < 5
        assert page.evaluate("document.documentElement.scrollWidth") <= FULL_HD["width"]
        assert requests == [path.as_uri()]
    finally:
        context.close()


def test_print_is_a4_with_each_job_on_a_page_of_its_own(browser: Any, tmp_path: Path):
    result = indoor_result()
    path = write_report(result, tmp_path / "report.html")
    context, page, _ = _open(browser, path, viewport=A4_CONTENT)
    try:
        page.emulate_media(media="print")
        jobs = page.locator(".job")
        assert jobs.count() == len(result.solution.jobs)
        for index in range(jobs.count()):
            job = jobs.nth(index)
            assert job.evaluate("e => getComputedStyle(e).breakBefore") == "page"
            height = job.bounding_box()["height"]
            assert height <= A4_CONTENT["height"], f"job {index + 1} needs more than a page"
            for part in (".card", ".vacancy", ".timetable"):
                style = job.locator(part).evaluate("e => getComputedStyle(e).breakInside")
                assert style == "avoid", part
        assert page.locator("h2").first.evaluate("e => getComputedStyle(e).breakAfter") == "avoid"
        pdf = page.pdf(prefer_css_page_size=True, print_background=True)
        (tmp_path / "report.pdf").write_bytes(pdf)
        sizes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
        assert sizes and all(
            abs(float(w) - 595.3) < 1.5 and abs(float(h) - 841.9) < 1.5 for w, h in sizes
        ), f"not A4: {set(sizes)}"
        pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
        # Overview and decisions, one page per job, then the tasks left out and the suppliers.
        assert pages == 1 + len(result.solution.jobs) + 2, pages
    finally:
        context.close()


def _alternatives_result() -> Any:
    """The indoor proposal with two alternatives: one swapping a task between B01 and B02
    (as good), one keeping B01 and making a job of B02's I12 and I03, in no job yet."""
    result = indoor_result()
    jobs = {"A1": ("I01", "I12"), "A2": ("I02", "I11"), "A3": ("I07", "I15", "I22")}
    swap = make_result(result.instance, jobs)
    fewer = make_result(result.instance, {"A1": ("I01", "I11"), "A2": ("I03", "I12")})
    items = (
        Alternative(1, swap.solution, "optimal", 0, 0.0, proven_optimal=True),
        Alternative(2, fewer.solution, "feasible", -1, fewer.hours_placed - result.hours_placed),
    )
    return dataclasses.replace(result, alternatives=items)


def test_alternatives_show_what_changes_on_the_projector_and_on_paper(browser: Any, tmp_path: Path):
    path = write_report(_alternatives_result(), tmp_path / "report.html")
    context, page, requests = _open(browser, path, viewport=FULL_HD)
    try:
        alternatives = page.locator(".alternative")
        assert alternatives.count() == 2
        swap, fewer = alternatives.nth(0), alternatives.nth(1)
        # Only the jobs that differ are drawn: two in the swap, one in the other.
        assert swap.locator(".timetable").count() == 2
        assert fewer.locator(".timetable").count() == 1
        assert "B03" in swap.locator(".alt-same").inner_text()
        # A task from another job: dashed outline and a badge that says which job.
        moved = swap.locator(".block.mark-from")
        assert moved.count() == 10
        assert moved.first.evaluate("e => getComputedStyle(e).outlineStyle") == "dashed"
        badge = moved.first.locator(".mark")
        assert badge.is_visible() and badge.inner_text() in {"uit B01", "uit B02"}
        # A task in no job of the proposal: double outline and "nieuw".
        added = fewer.locator(".block.mark-new")
        assert added.count() == 5
        assert added.first.evaluate("e => getComputedStyle(e).outlineStyle") == "double"
        assert added.first.locator(".mark").inner_text() == "nieuw"
        assert fewer.locator('.alt-left-out li[data-task="I22"]').is_visible()
        # One new job, header and week, fits the projector's screen; blocks stay in their week.
        for index in range(page.locator(".alt-job").count()):
            job = page.locator(".alt-job").nth(index)
            job.scroll_into_view_if_needed()
            box = job.bounding_box()
            assert box and box["height"] <= FULL_HD["height"]
            week = job.locator(".timetable").bounding_box()
            for b in range(job.locator(".block").count()):
                inner = job.locator(".block").nth(b).bounding_box()
                assert inner and week["x"] <= inner["x"]
                assert inner["x"] + inner["width"] <= week["x"] + week["width"] + 1
                assert inner["y"] + inner["height"] <= week["y"] + week["height"] + 1
        assert _font(moved.first) >= 20 and _font(badge) >= 16
        small = [(name, size) for name, size in page.evaluate(TEXT_SIZES) if size < 16]
        assert small == [], f"text below 16 px: {small[:5]}"
        assert page.evaluate("document.documentElement.scrollWidth") <= FULL_HD["width"]
        assert requests == [path.as_uri()]
    finally:
        context.close()
    context, page, _ = _open(browser, path, viewport=A4_CONTENT)
    try:
        page.emulate_media(media="print")
        alternatives = page.locator(".alternative")
        for index in range(alternatives.count()):
            alternative = alternatives.nth(index)
            assert alternative.bounding_box()["height"] <= A4_CONTENT["height"]
            for part in (".alt-head", ".alt-job"):
                style = alternative.locator(part).first.evaluate(
                    "e => getComputedStyle(e).breakInside"
                )
                assert style == "avoid", part
        # The first alternative follows the key on the section's page, the next on its own.
        assert alternatives.nth(1).evaluate("e => getComputedStyle(e).breakBefore") == "page"
        pdf = page.pdf(prefer_css_page_size=True, print_background=True)
        pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
        assert pages == 1 + 3 + 2 + 2, pages
    finally:
        context.close()
