"""Supplier looks: one colour (pattern, label) per supplier name in every output.

The colour-blind check simulates protanopia and deuteranopia (Machado, Oliveira
and Fernandes 2009, severity 1) and measures CIEDE2000 differences: every pair of
palette colours must stay clearly apart for the 1 in 12 men with red-green
colour blindness, which Okabe-Ito's orange/vermillion/yellow and blue/purple do not.
"""

from __future__ import annotations

import itertools
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg", force=True)

import matplotlib.pyplot as plt
import pytest
from matplotlib.colors import to_rgba
from matplotlib.patches import Rectangle
from reporting_support import make_result, task, weekdays

import combibaan
from combibaan.model import Instance
from combibaan.palette import COLOURS, PATTERNS, short_labels, supplier_styles
from combibaan.plotting import supplier_colours
from combibaan.reporting import render_report

ROOT = Path(__file__).resolve().parents[1]
INDOOR = ("Asito", "Westerveld", "Sodexo", "Maas", "Securitas", "Universitaire Diensten")
OUTDOOR = (
    "Verheij",
    "SIGHT Landscaping",
    "Westerveld",
    "Maas",
    "Securitas",
    "Universitaire Diensten",
)

# ----------------------------------------------------------------------------- colour science

#: Machado et al. (2009), severity 1.0, applied to linear RGB.
CVD = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
}


def linear(hex_colour: str) -> tuple[float, ...]:
    channels = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return tuple(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)


def luminance(hex_colour: str) -> float:
    r, g, b = linear(hex_colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def lab(rgb: tuple[float, ...]) -> tuple[float, float, float]:
    r, g, b = (min(max(c, 0.0), 1.0) for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def ciede2000(one: tuple[float, float, float], two: tuple[float, float, float]) -> float:
    (l1, a1, b1), (l2, a2, b2) = one, two
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    h1, h2 = (math.degrees(math.atan2(b, a)) % 360 for a, b in ((a1, b1), (a2, b2)))
    dh = 0.0 if c1 * c2 == 0 else (h2 - h1 + 180) % 360 - 180
    d_l, d_c = l2 - l1, c2 - c1
    d_h = 2 * math.sqrt(c1 * c2) * math.sin(math.radians(dh / 2))
    l_mean, c_mean = (l1 + l2) / 2, (c1 + c2) / 2
    if c1 * c2 == 0:
        h_mean = h1 + h2
    elif abs(h1 - h2) <= 180:
        h_mean = (h1 + h2) / 2
    else:
        h_mean = (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_mean - 30))
        + 0.24 * math.cos(math.radians(2 * h_mean))
        + 0.32 * math.cos(math.radians(3 * h_mean + 6))
        - 0.20 * math.cos(math.radians(4 * h_mean - 63))
    )
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    s_c, s_h = 1 + 0.045 * c_mean, 1 + 0.015 * c_mean * t
    r_c = 2 * math.sqrt(c_mean**7 / (c_mean**7 + 25**7))
    r_t = -math.sin(math.radians(60 * math.exp(-(((h_mean - 275) / 25) ** 2)))) * r_c
    return math.sqrt(
        (d_l / s_l) ** 2 + (d_c / s_c) ** 2 + (d_h / s_h) ** 2 + r_t * (d_c / s_c) * (d_h / s_h)
    )


def seen_as(hex_colour: str, matrix: tuple[tuple[float, ...], ...]) -> tuple[float, float, float]:
    rgb = linear(hex_colour)
    return lab(tuple(sum(m * c for m, c in zip(row, rgb, strict=True)) for row in matrix))


def closest_pair(colours: list[str], matrix: tuple[tuple[float, ...], ...]) -> float:
    return min(
        ciede2000(seen_as(a, matrix), seen_as(b, matrix))
        for a, b in itertools.combinations(colours, 2)
    )


# ----------------------------------------------------------------------------- the palette


@pytest.mark.parametrize("kind", CVD)
def test_palette_stays_apart_for_red_green_colour_blind_viewers(kind):
    colours = [colour.background for colour in COLOURS]
    assert closest_pair(colours, CVD[kind]) >= 14
    # The check has teeth: the Okabe-Ito palette the report used before fails it.
    okabe_ito = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"]
    assert closest_pair(okabe_ito, CVD[kind]) < 14


def test_every_colour_has_readable_text():
    for colour in COLOURS:
        assert colour.text in ("#000000", "#FFFFFF")
        assert contrast(colour.background, colour.text) >= 4.5, colour.name
        other = "#FFFFFF" if colour.text == "#000000" else "#000000"
        assert contrast(colour.background, colour.text) >= contrast(colour.background, other) - 0.2


def test_a_supplier_look_depends_on_the_set_of_names_not_their_order():
    forward = supplier_styles(INDOOR)
    backward = supplier_styles(reversed(INDOOR))
    assert forward == backward
    assert list(forward) == list(INDOOR)  # in the order given, duplicates once
    assert list(supplier_styles([*INDOOR, "Asito"])) == list(INDOOR)


def test_the_hash_is_stable_across_processes():
    """Python's own ``hash`` of a string changes per process; the palette must not."""
    code = (
        "from combibaan.palette import supplier_styles\n"
        f"styles = supplier_styles({INDOOR!r})\n"
        "print([(n, s.colour.name, s.pattern.name, s.label) for n, s in styles.items()])"
    )
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1


def test_the_groups_of_the_bundled_workshop_show_shared_suppliers_alike():
    indoor, outdoor = supplier_styles(INDOOR), supplier_styles(OUTDOOR)
    for name in set(INDOOR) & set(OUTDOOR):
        assert indoor[name] == outdoor[name], name
    assert all(style.pattern.name == "plain" for style in (*indoor.values(), *outdoor.values()))


@pytest.mark.parametrize("count", [1, 6, 7, 8, 15, 20, 49])
def test_no_two_suppliers_share_a_look_and_patterns_come_only_beyond_the_colours(count):
    names = [f"Leverancier {i}" for i in range(count)]
    styles = supplier_styles(names).values()
    looks = [(s.colour.name, s.pattern.name) for s in styles]
    assert len(set(looks)) == count
    plain = [s for s in styles if s.pattern.name == "plain"]
    assert len(plain) == min(count, len(COLOURS))
    # Patterns fill up evenly: no colour is used twice before every colour is used once.
    per_colour = [sum(1 for s in styles if s.colour == c) for c in COLOURS]
    assert max(per_colour) - min(per_colour) <= 1
    labels = [s.label for s in styles]
    assert len({label.casefold() for label in labels}) == count


def test_beyond_the_patterns_the_label_still_tells_suppliers_apart():
    count = len(COLOURS) * len(PATTERNS) + 3
    styles = supplier_styles(f"S{i}" for i in range(count))
    assert len({s.label for s in styles.values()}) == count


def test_short_labels():
    assert short_labels(INDOOR + OUTDOOR) == {
        "Asito": "Asi",
        "Maas": "Maas",
        "SIGHT Landscaping": "SL",
        "Securitas": "Sec",
        "Sodexo": "Sod",
        "Universitaire Diensten": "UD",
        "Verheij": "Ver",
        "Westerveld": "Wes",
    }
    # Clashes move both names on to a longer label, whatever the order.
    assert short_labels(["Sodexo", "Sodium"]) == {"Sodexo": "Sode", "Sodium": "Sodi"}
    assert short_labels(["Sodexo Catering", "Sodexo Cleaning"]) == {
        "Sodexo Catering": "SCa",
        "Sodexo Cleaning": "SCl",
    }
    # Names without letters, or with nothing left to add, still get a unique label.
    odd = short_labels(["", "---", "A", "a"])
    assert len({label.casefold() for label in odd.values()}) == 4


# ----------------------------------------------------------------------------- every output


def test_report_and_plots_give_a_supplier_the_same_colour():
    instance = combibaan.read_instance(ROOT / "instances" / "indoor" / "tasks.csv")
    result = make_result(instance, {"B01": ("I01", "I11")})
    styles = supplier_styles(instance.supplier_names)
    html = render_report(result)
    plots = supplier_colours(instance)
    for name, style in styles.items():
        assert plots[name] == to_rgba(style.background)
    for task_id in ("I01", "I11"):
        block = re.search(rf'data-task="{task_id}"\s+style="[^"]*--bg: (#\w+)', html)
        assert block and block[1] == styles[instance.task(task_id).supplier].background


def test_plots_hatch_and_label_beyond_the_colours():
    names = [f"Leverancier {i}" for i in range(9)]
    tasks = tuple(
        task(f"T{i}", name, weekdays(6 * 60 + 40 * i, 6 * 60 + 40 * i + 40, (0,)))
        for i, name in enumerate(names)
    )
    instance = Instance(tasks=tasks)
    result = make_result(instance, {"B01": tuple(t.id for t in tasks)})
    styles = supplier_styles(instance.supplier_names)
    ax = combibaan.plot_week(result, "B01")
    try:
        blocks = [p for p in ax.patches if isinstance(p, Rectangle)]
        hatches = {b.get_hatch() for b in blocks}
        assert hatches == {None, "//"}
        texts = " ".join(t.get_text() for t in ax.texts)
        for t in tasks:
            assert f"{t.id} {styles[t.supplier].label}" in texts
    finally:
        plt.close("all")
