"""Run and control charts drawn on the server (resources/evidence/drawing.py): real drawings, read
back as the browser and a screen reader would (the SVG's elements and text, the PNG's pixels).

The charts are built by hand, as the rules (spc.py) would compute them: drawing never recomputes."""

import datetime
import io
import math
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image

from resources.evidence.charts_data import Chart, Phase, Signal
from resources.evidence.drawing import describe, render_png, render_svg

from .builders import months

ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


# 36 months of falls per 1,000 bed-days, lower from month 19 (Jul 2025) when a checklist came in.
FALLS = (
    22.6, 22.9, 20.1, 18.5, 17.8, 20.1, 18.0, 17.1, 20.4, 20.3, 21.1, 18.2, 20.0, 19.9, 17.0, 21.1, 20.6, 24.8,
    14.4, 13.7, 16.5, 14.4, 15.8, 13.3, 14.4, 16.0, 15.4, 14.3, 11.8, 14.9, 14.2, 15.4, 14.4, 16.2, 13.9, 14.4,
)
SHIFT = Signal("shift", tuple(range(18, 27)), "down", True,
               "9 points below the centre line from Jul 2025: a shift down, the desired direction.")


def run_chart(**changes):
    chart = {
        "kind": "run", "periods": months(36), "values": FALLS,
        "phases": (Phase(0, 18, 12, 20.05, label="Baseline"), Phase(18, 36, 30, 14.4, label="After the checklist")),
        "signals": (SHIFT,), "desired_direction": "down",
    }
    return Chart(**{**chart, **changes})


def xmr_chart():
    ranges = tuple(None if i in (0, 18) else round(abs(FALLS[i] - FALLS[i - 1]), 1) for i in range(36))
    return Chart(
        "xmr", months(36), FALLS,
        (Phase(0, 18, 18, 19.7, (13.9,) * 18, (25.5,) * 18, "Baseline"),
         Phase(18, 36, 36, 14.6, (10.0,) * 18, (19.2,) * 18, "After")),
        (Signal("outside-limits", (17,), "up", False, "One point above the upper limit in Jun 2024."),
         Signal("moving-range", (17, 28), None, None, "Two moving ranges above their upper limit.")),
        desired_direction="down", moving_ranges=ranges, moving_range_centres=(2.2, 1.7),
        moving_range_uppers=(7.2, 5.6),
    )


def p_chart():
    """Twelve months of a proportion whose denominators vary: the limits move, and are clipped away
    (None) where they would pass 0 or 1."""
    denominators = (4, 30, 25, 9, 40, 35, 3, 28, 33, 45, 9, 38)
    numerators = (2, 12, 9, 4, 12, 13, 2, 12, 13, 18, 5, 16)
    values = tuple(n / d for n, d in zip(numerators, denominators, strict=True))
    centre = 0.41
    width = [3 * math.sqrt(centre * (1 - centre) / n) for n in denominators]
    upper = tuple(None if centre + w > 1 else centre + w for w in width)
    lower = tuple(None if centre - w < 0 else centre - w for w in width)
    return Chart("p", months(12, datetime.date(2023, 4, 1)), values, (Phase(0, 12, 12, centre, lower, upper),), (),
                 desired_direction="up")


def u_chart():
    exposure = (12, 10, 15, 9, 14, 11, 13, 10, 12, 16)
    values = (2.5, 3.1, 1.9, 2.2, 2.9, 6.4, 2.4, 2.0, 2.7, 2.3)
    centre = 2.8
    upper = tuple(centre + 3 * math.sqrt(centre / n) for n in exposure)
    lower = tuple(max(centre - 3 * math.sqrt(centre / n), 0) or None for n in exposure)
    return Chart("u", months(10), values, (Phase(0, 10, 10, centre, lower, upper),),
                 (Signal("outside-limits", (5,), "up", False, "One point above the upper limit in Jun 2024."),))


def parse(svg):
    return etree.fromstring(svg.encode())


def group(root, name):
    """The element drawn for one part of the chart: its id is the name the drawing gave it, after the
    chart's own prefix (the one its title's id has)."""
    prefix = root[0].get("id").removesuffix("-title")
    found = [element for element in root.iter(f"{SVG}g") if element.get("id") == f"{prefix}-{name}"]
    return found[0] if found else None


def markers(root, name):
    element = group(root, name)
    return 0 if element is None else len(element.findall(f".//{SVG}use"))


def texts(root):
    return ["".join(element.itertext()) for element in root.iter(f"{SVG}text")]


def subpaths(root, name):
    """How many separate stretches a line is drawn in (a gap starts a new one)."""
    path = group(root, name).find(f".//{SVG}path")
    return path.get("d").count("M")


def test_a_run_chart_says_what_it_shows_to_a_screen_reader():
    svg = render_svg(run_chart(), title="Falls on ward 4", y_label="Falls per 1,000 bed-days")
    root = parse(svg)

    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    title, desc = root[0], root[1]
    assert (title.tag, desc.tag) == (f"{SVG}title", f"{SVG}desc")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert title.text == "Falls on ward 4"
    assert desc.text == (
        "Run chart of 36 points from Jan 2024 to Dec 2026; median 20.1 (Baseline), then 14.4 (After the checklist); "
        "signals: 9 points below the centre line from Jul 2025: a shift down, the desired direction."
    )
    assert not svg.startswith("<?xml") and "<!DOCTYPE" not in svg


def test_a_run_chart_draws_every_point_its_medians_and_its_signal():
    root = parse(render_svg(run_chart(), title="Falls on ward 4", y_label="Falls per 1,000 bed-days"))

    assert markers(root, "values") == 36
    assert markers(root, "signal-points") == 9
    assert subpaths(root, "centre-lines") == 2  # one median per phase, not joined
    assert group(root, "upper-limit") is None  # a run chart has no limits
    shown = texts(root)
    assert {"Jan 2024", "Jul 2024", "Jan 2025", "Jul 2025", "Jan 2026", "Jul 2026"} <= set(shown)
    assert {"Baseline", "After the checklist", "Falls on ward 4", "Falls per 1,000 bed-days", "Median",
            "Special-cause signal"} <= set(shown)


def test_the_same_chart_gives_the_same_bytes_even_from_threads():
    chart = run_chart()
    first = render_svg(chart, title="Falls", y_label="Falls")
    assert render_svg(chart, title="Falls", y_label="Falls") == first

    results = []
    threads = [threading.Thread(target=lambda: results.append(render_svg(chart, title="Falls", y_label="Falls")))
               for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [first] * 4

    assert render_png(chart, title="Falls", y_label="Falls") == render_png(chart, title="Falls", y_label="Falls")


def test_two_charts_on_one_page_share_no_id():
    one = parse(render_svg(run_chart(), title="Falls", y_label="Falls"))
    other = parse(render_svg(u_chart(), title="Falls", y_label="Falls"))
    ids = [{element.get("id") for element in root.iter() if element.get("id")} for root in (one, other)]
    assert ids[0] and ids[1] and not ids[0] & ids[1]
    # Every reference inside a chart points at one of its own ids.
    for root, own in zip((one, other), ids, strict=True):
        for element in root.iter():
            href = element.get("{http://www.w3.org/1999/xlink}href")
            if href:
                assert href[1:] in own
            clip = element.get("clip-path")
            if clip:
                assert clip[len("url(#"):-1] in own


def test_the_svg_is_safe_to_inline():
    title = '<script>alert("x")</script> & $5 per bed-day'
    svg = render_svg(run_chart(phases=(Phase(0, 36, 12, 18.0, label="Costs $5 to $10"),)), title=title,
                     y_label="Falls", annotations=[(datetime.date(2025, 7, 1), "<b>New</b> checklist")])
    root = parse(svg)

    assert not root.findall(f".//{SVG}script") and not root.findall(f".//{SVG}foreignObject")
    assert "<script" not in svg
    # No <style> element: the page's Content-Security-Policy refuses inline stylesheets, and its `*`
    # rule would restyle the whole page.
    assert not root.findall(f".//{SVG}style")
    assert not [name for element in root.iter() for name in element.attrib if name.lower().startswith("on")]
    ids = [element.get("id") for element in root.iter() if element.get("id")]
    assert len(ids) == len(set(ids))
    assert root[0].text == title
    # People's words are text: no markup made of them, no mathematics made of dollar signs.
    assert {title, "Costs $5 to $10", "<b>New</b> checklist"} <= set(texts(root))


def test_a_change_introduced_is_a_dashed_line_with_its_label():
    annotations = [(datetime.date(2025, 7, 1), "Checklist introduced"), (datetime.date(2019, 1, 1), "Long before")]
    root = parse(render_svg(run_chart(), title="Falls", y_label="Falls", annotations=annotations))

    assert subpaths(root, "change-lines") == 1  # the change before the chart's first period is not drawn
    assert "stroke-dasharray" in group(root, "change-lines").find(f".//{SVG}path").get("style")
    assert "Checklist introduced" in texts(root) and "Long before" not in texts(root)
    assert "Change introduced" in texts(root)


def test_an_xmr_chart_has_a_panel_of_moving_ranges():
    chart = xmr_chart()
    root = parse(render_svg(chart, title="Falls", y_label="Falls per 1,000 bed-days"))

    panels = [element for element in root.iter(f"{SVG}g") if "-axes_" in element.get("id", "")]
    assert len(panels) == 2
    assert markers(root, "values") == 36
    assert markers(root, "moving-ranges") == 34  # none for each phase's first point
    assert subpaths(root, "upper-limit") == 2 and subpaths(root, "lower-limit") == 2
    assert subpaths(root, "moving-range-centre-lines") == 2
    assert group(root, "moving-range-upper-limit") is not None
    assert markers(root, "signal-points") == 1
    assert markers(root, "moving-range-signal-points") == 2
    assert {"Moving range", "Mean", "Control limits"} <= set(texts(root))
    assert root[1].text.startswith("XmR control chart (individual values and moving ranges) of 36 points")


def test_a_p_chart_shows_percentages_and_moving_limits_with_gaps():
    chart = p_chart()
    assert chart.phases[0].upper.count(None) == 2 and chart.phases[0].lower.count(None) == 4
    root = parse(render_svg(chart, title="Checklist used", y_label="Patients with the checklist"))

    assert {"0%", "20%", "40%", "60%", "80%", "100%"} <= set(texts(root))
    assert markers(root, "values") == 12
    # Upper limit clipped at points 0 and 6 (above 100%): drawn over points 1-5 and 7-11.
    assert subpaths(root, "upper-limit") == 2
    # Lower limit clipped at points 0, 3, 6 and 10 (below 0%): drawn over 1-2, 4-5, 7-9 and 11.
    assert subpaths(root, "lower-limit") == 4
    assert root[1].text == ("p control chart (proportions) of 12 points from Apr 2023 to Mar 2024; mean 41%; "
                            "no special-cause signal.")


def test_a_u_chart_marks_its_point_outside_the_limits():
    root = parse(render_svg(u_chart(), title="Pressure ulcers", y_label="Per 1,000 bed-days"))

    assert markers(root, "values") == 10 and markers(root, "signal-points") == 1
    assert subpaths(root, "upper-limit") == 1 and subpaths(root, "lower-limit") == 1
    assert "mean 2.8" in root[1].text and "One point above the upper limit in Jun 2024" in root[1].text


def test_weekly_periods_are_named_by_their_day():
    weeks = tuple(datetime.date(2024, 1, 1) + datetime.timedelta(weeks=n) for n in range(20))
    chart = Chart("run", weeks, FALLS[:20], (Phase(0, 20, 20, 20.0),), ())
    root = parse(render_svg(chart, title="Falls", y_label="Falls"))
    assert {"1 Jan 2024", "26 Feb 2024", "22 Apr 2024"} <= set(texts(root))
    assert root[1].text.startswith("Run chart of 20 points from 1 Jan 2024 to 13 May 2024; median 20;")


@pytest.mark.parametrize("chart", [
    Chart("run", (), (), (), ()),
    Chart("xmr", months(1), (4.0,), (Phase(0, 1, 1, 4.0),), (), moving_ranges=(None,)),
], ids=["empty", "one point"])
def test_too_little_data_gives_a_readable_image_not_an_error(chart):
    root = parse(render_svg(chart, title="Falls", y_label="Falls"))
    assert "Not enough data to draw a chart yet" in texts(root)
    assert root[0].text == "Falls"
    assert root[1].text.startswith("Not enough data to draw a chart yet")
    assert markers(root, "values") == 0

    image = Image.open(io.BytesIO(render_png(chart, title="Falls", y_label="Falls")))
    assert image.size == (720, 374)


def test_png_images_at_the_size_asked_for():
    png = render_png(run_chart(), title="Falls on ward 4", y_label="Falls")
    assert png.startswith(PNG_SIGNATURE)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size == (720, 374)
    assert image.text["Title"] == "Falls on ward 4" and image.text["Description"] == describe(run_chart())
    # Drawn, not blank: the values' blue is there.
    assert (0, 114, 178) in {colour for _, colour in image.convert("RGB").getcolors(1 << 20)}

    sharp = Image.open(io.BytesIO(render_png(xmr_chart(), title="Falls", y_label="Falls", dpi=192)))
    assert sharp.size == (1440, 1075)


def test_importing_the_drawing_does_not_import_matplotlib():
    code = ("import sys, resources.evidence.drawing; "
            "print(sorted(m for m in ('matplotlib', 'numpy', 'lxml') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
