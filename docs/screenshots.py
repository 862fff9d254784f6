"""Take the README's screenshots from the bundled indoor instance: ``python docs/screenshots.py``.

Solves ``instances/indoor`` (with its locks and one alternative, seed 0, one worker, so
the same proposal every time) into a temporary folder and writes five PNGs next to this
script, and nothing anywhere else:

- ``report-overview.png``: report.html at 1920×1080, the first screen;
- ``report-job.png``: the first job at 1920×1080;
- ``report-alternative.png``: the alternatives at 1920×1080: the key, then the first
  alternative with its changed job drawn as a week;
- ``report-print.png``: the first job's page of the report printed to A4;
- ``workbook.png``: the jobs table on proposals.xlsx's first page as LibreOffice prints it.

Needs combibaan installed with its test extra (``pip install -e '.[test]'``, for
Playwright), Chromium (``apt-get install chromium``, or ``COMBIBAAN_CHROMIUM=/path``;
without either, Playwright's own browser from ``playwright install chromium``),
LibreOffice (``soffice``) and poppler-utils (``pdftoppm``, ``pdftotext``). Exits with
code 2, saying what to install, when one of them is missing.
"""

from __future__ import annotations

import importlib.util
import io
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from playwright.sync_api import ViewportSize

DOCS = Path(__file__).resolve().parent
INDOOR = DOCS.parent / "instances" / "indoor"
#: The full-HD projector the workshop uses.
FULL_HD: ViewportSize = {"width": 1920, "height": 1080}
#: Resolution of the printed report page: A4 at 110 dpi is about 910×1290 px.
PRINT_DPI = 110
#: The workbook prints 18 columns on the width of A4 landscape: more dpi to read them.
WORKBOOK_DPI = 150
#: Space above the first job's heading in its screenshot, in CSS px: room to breathe, too
#: little to show the foot of the section before it.
ABOVE_JOB = 12
#: White border left around the workbook's table, in px.
BORDER = 20
#: A PNG larger than this is reduced to 256 colours (text and flat colours survive that).
MAX_BYTES = 400_000
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def missing(what: str, how: str) -> NoReturn:
    """Stop with exit code 2 and say what to install: a missing tool is not a failed run."""
    print(f"screenshots.py needs {what}: {how}", file=sys.stderr)
    sys.exit(2)


def program(*names: str, how: str) -> str:
    """The path of the first of ``names`` on PATH."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    missing(" or ".join(names), how)


def chromium() -> str | None:
    """Debian's Chromium (or ``COMBIBAAN_CHROMIUM``); None lets Playwright use its own."""
    chosen = os.environ.get("COMBIBAAN_CHROMIUM")
    if chosen:
        if not Path(chosen).exists():
            missing(f"Chromium at {chosen}", "fix COMBIBAAN_CHROMIUM or unset it")
        return chosen
    return shutil.which("chromium") or shutil.which("chromium-browser")


def solve(folder: Path) -> None:
    """Solve the indoor instance as the README's workshop does and write its files in Dutch."""
    import combibaan

    instance = combibaan.read_instance(
        INDOOR / "tasks.csv", travel=INDOOR / "travel.csv", suppliers=INDOOR / "suppliers.csv"
    )
    locks = combibaan.read_locks(INDOOR / "locks.csv", instance)
    result = combibaan.solve(
        instance, locks=locks, alternatives=1, time_limit=10, seed=0, workers=1
    )
    combibaan.write_result(result, folder, lang="nl")


def save_png(data: bytes, name: str, crop: bool = False) -> Path:
    """Write ``data`` (a PNG) as ``docs/name``, reduced to 256 colours when it is large;
    with ``crop``, only the block of content at the top of the page (see :func:`top_block`)."""
    from PIL import Image

    image = Image.open(io.BytesIO(data)).convert("RGB")
    if crop:
        image = image.crop(top_block(image))
    path = DOCS / name
    image.save(path, optimize=True)
    if path.stat().st_size > MAX_BYTES:
        reduced = image.quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        reduced.save(path, optimize=True)
    print(
        f"{path.relative_to(DOCS.parent)}: {image.width}×{image.height}, "
        f"{path.stat().st_size // 1024} KB"
    )
    return path


def top_block(image: Any) -> tuple[int, int, int, int]:
    """The box around the first unbroken run of rows with ink, plus :data:`BORDER`: the
    workbook's table (its grid joins its rows) without the page's empty rest and footer."""
    import numpy as np

    ink: np.ndarray[Any, np.dtype[np.bool_]] = np.asarray(image.convert("L")) < 250
    rows = ink.sum(axis=1) > 0
    top = int(rows.argmax())
    gaps = np.flatnonzero(~rows[top:])
    bottom = top + int(gaps[0]) if gaps.size else ink.shape[0]
    columns = np.flatnonzero(ink[top:bottom].any(axis=0))
    return (
        max(int(columns[0]) - BORDER, 0),
        max(top - BORDER, 0),
        min(int(columns[-1]) + 1 + BORDER, image.width),
        min(bottom + BORDER, image.height),
    )


def render_page(pdf: Path, page: int, dpi: int, pdftoppm: str) -> bytes:
    """Page ``page`` (1-based) of ``pdf`` as a PNG at ``dpi``."""
    stem = pdf.with_name(f"{pdf.stem}-{page}")
    subprocess.run(
        [
            pdftoppm,
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
    )
    return stem.with_suffix(".png").read_bytes()


def page_with(pdf: Path, texts: list[str], pdftotext: str) -> int:
    """The first page (1-based) of ``pdf`` whose text holds all of ``texts``."""
    pages = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout.split("\f")
    for number, text in enumerate(pages, start=1):
        if all(t in text for t in texts):
            return number
    raise SystemExit(f"no page of {pdf.name} shows {texts}")


def report_shots(
    report: Path,
    browser_path: str | None,
    pdftoppm: str,
    pdftotext: str,
    env: dict[str, str | float | bool],
) -> None:
    """The overview, the first job, the alternatives and the job's printed page, from
    Chromium."""
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(
                executable_path=browser_path, args=CHROMIUM_ARGS, env=env, timeout=60_000
            )
        except Error as error:
            missing(
                "Chromium", f"apt-get install chromium or playwright install chromium ({error})"
            )
        try:
            page = browser.new_page(viewport=FULL_HD)
            page.goto(report.as_uri(), wait_until="load")
            save_png(page.screenshot(), "report-overview.png")
            job = page.locator("#job-1")
            job.evaluate(
                f"e => window.scrollTo(0, e.getBoundingClientRect().top + scrollY - {ABOVE_JOB})"
            )
            save_png(page.screenshot(), "report-job.png")
            page.locator("#alternatives").evaluate(
                f"e => window.scrollTo(0, e.getBoundingClientRect().top + scrollY - {ABOVE_JOB})"
            )
            save_png(page.screenshot(), "report-alternative.png")
            title = job.locator("h2 > span").first.inner_text()
            vacancy = job.locator(".vacancy h3").inner_text()
            pdf = report.with_suffix(".pdf")
            pdf.write_bytes(page.pdf(prefer_css_page_size=True, print_background=True))
        finally:
            browser.close()
    save_png(
        render_page(pdf, page_with(pdf, [title, vacancy], pdftotext), PRINT_DPI, pdftoppm),
        "report-print.png",
    )


def workbook_shot(workbook: Path, soffice: str, pdftoppm: str, env: dict[str, str]) -> None:
    """The table on the workbook's first printed page, as LibreOffice lays it out with its
    print setup, in the Dutch locale the workshop uses (decimal commas)."""
    profile = workbook.parent / "libreoffice-profile"
    converted = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(workbook.parent),
            str(workbook),
        ],
        env=dict(env, LANG="nl_NL.UTF-8", LC_ALL="nl_NL.UTF-8"),
        capture_output=True,
        text=True,
    )
    # Its chatter (a missing Java, for one) only matters when the conversion failed.
    if converted.returncode != 0 or not workbook.with_suffix(".pdf").exists():
        raise SystemExit(f"LibreOffice could not convert {workbook.name}:\n{converted.stderr}")
    page = render_page(workbook.with_suffix(".pdf"), 1, WORKBOOK_DPI, pdftoppm)
    save_png(page, "workbook.png", crop=True)


def main() -> None:
    # Pillow comes with matplotlib, one of combibaan's own dependencies.
    for module in ("combibaan", "playwright", "PIL"):
        if importlib.util.find_spec(module) is None:
            missing(f"the Python package {module}", "pip install -e '.[test]' in the repository")
    soffice = program("soffice", "libreoffice", how="apt-get install libreoffice-calc")
    pdftoppm = program("pdftoppm", how="apt-get install poppler-utils")
    pdftotext = program("pdftotext", how="apt-get install poppler-utils")
    browser_path = chromium()
    with tempfile.TemporaryDirectory(prefix="combibaan-screenshots-") as temp:
        folder = Path(temp)
        # Browser and office suite keep their profiles and caches in the temporary folder.
        env = dict(os.environ, HOME=temp, XDG_CONFIG_HOME=temp, XDG_CACHE_HOME=temp)
        solve(folder / "out")
        report_shots(folder / "out" / "report.html", browser_path, pdftoppm, pdftotext, {**env})
        workbook_shot(folder / "out" / "proposals.xlsx", soffice, pdftoppm, env)


if __name__ == "__main__":
    main()
