"""The jinja2 environments: one autoescaping for HTML, one plain for text.

Everything from the user's files (descriptions, locations, supplier names)
reaches HTML only through the autoescaping environment, so a description such
as ``<script>`` shows up as text. Plain text (the vacancy) is rendered without
escaping and escaped once, when the HTML report shows it.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined


@cache
def html_environment() -> Environment:
    return Environment(
        loader=PackageLoader("combibaan.reporting", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def text_environment() -> Environment:
    return Environment(
        loader=PackageLoader("combibaan.reporting", "templates"),
        autoescape=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
