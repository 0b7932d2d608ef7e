"""Run and control charts drawn on the server, as SVG (inlined in pages, downloadable) and PNG.

Drawn from a computed ``Chart`` (charts_data.py) with matplotlib's object API: a ``Figure`` and its
own canvas, never pyplot, whose global figure manager is not safe under gunicorn's threads.
matplotlib is imported inside the functions, on the first chart drawn, so that a process that never
draws (most requests, every management command) does not pay for importing it.

What a chart shows: the values as a line with points; each phase's centre line (the median on a run
chart, the mean on the others) solid over the phase's points; the limits as stepped dashed lines
(they vary with the denominator on p and u charts; a limit clipped away is not drawn at that point);
the points taking part in a signal as larger vermillion diamonds (a different shape and size, not a
colour alone); the phases' labels; the changes introduced as vertical dashed lines with their labels;
on an XmR chart a second panel with the moving ranges. See docs/evidence.md, "Drawing".
"""

import datetime
import hashlib
import io
import itertools
import math
import re
import threading
from collections.abc import Sequence

from resources.evidence import charts_data
from resources.evidence.charts_data import Chart

# Okabe & Ito's palette, told apart by readers with any kind of colour blindness; signals differ by
# shape and size too.
VALUE_COLOUR = "#0072B2"
SIGNAL_COLOUR = "#D55E00"
CENTRE_COLOUR = "#222222"
LIMIT_COLOUR = "#555555"
CHANGE_COLOUR = "#7A3E8E"
GRID_COLOUR = "#DDDDDD"

WIDTH_INCHES = 7.5  # 720 px at 96 dpi, 540 pt in the SVG
HEIGHT_INCHES = 3.9
XMR_HEIGHT_INCHES = 5.6
PNG_DPI = 96
TITLE_CHARACTERS = 72  # a longer title is shortened on the image; the <title> keeps it whole
MIN_POINTS = 2  # fewer than this draws "Not enough data to draw" instead of a chart

KIND_NAMES = {
    "run": "Run chart",
    "xmr": "XmR control chart (individual values and moving ranges)",
    "p": "p control chart (proportions)",
    "u": "u control chart (rates)",
}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# rcParams every drawing uses, over matplotlib's defaults (not whatever matplotlibrc the server has).
STYLE = {
    # DejaVu Sans ships with matplotlib: no system font needed, the same metrics everywhere. The SVG
    # names it first, then the browser's own sans-serif.
    "font.family": ["sans-serif"],
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 9.5,
    # Text stays text in the SVG: small, selectable, read by screen readers and find-in-page.
    "svg.fonttype": "none",
    # The ids matplotlib derives from hashes are salted with this instead of a random number, so that
    # the same chart gives the same bytes (page cache, ETags).
    "svg.hashsalt": "improvement-commons-chart",
    # Labels come from people: "$5 per bed-day" is text, not mathematics.
    "text.parse_math": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlelocation": "left",
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 9.5,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "legend.fontsize": 8.5,
}
# rcParams are global to the process: drawing holds this lock so that two threads never draw with
# each other's settings (rc_context restores the settings it found when it leaves).
_LOCK = threading.Lock()

# A change introduced: its date and its label.
Annotation = tuple[datetime.date, str]


def render_svg(chart: Chart, *, title: str, y_label: str, annotations: Sequence[Annotation] = ()) -> str:
    """The chart as an SVG element, safe to put inside a page as it is: a ``<title>`` and a ``<desc>``
    that name it (``role="img"``, ``aria-labelledby``), no script, no stylesheet, ids of its own, and
    the same bytes every time for the same chart."""
    description = describe(chart)
    raw = _draw(chart, title, y_label, annotations, "svg", dpi=72)
    return _finish_svg(raw, title, description)


def render_png(chart: Chart, *, title: str, y_label: str, annotations: Sequence[Annotation] = (),
               dpi: int = PNG_DPI) -> bytes:
    """The chart as a PNG image, 720 pixels wide at the default 96 dpi (twice that at 192). Its title
    and description are kept in the file's text chunks."""
    metadata = {"Title": title, "Description": describe(chart), "Software": None}
    return _draw(chart, title, y_label, annotations, "png", dpi=dpi, metadata=metadata)


def describe(chart: Chart) -> str:
    """One sentence saying what the chart shows and the signals found: the SVG's ``<desc>`` (read
    after its ``<title>``), and the text alternative of the PNG wherever it is shown as an image."""
    count = len(chart.values)
    if count < MIN_POINTS:
        return f"Not enough data to draw a chart yet ({charts_data.points(count)}; at least {MIN_POINTS} are needed)."
    kind = KIND_NAMES[chart.kind]
    monthly = _monthly(chart.periods)
    span = (f"from {_period_label(chart.periods[0], monthly=monthly)} "
            f"to {_period_label(chart.periods[-1], monthly=monthly)}")
    centre_name = "median" if chart.kind == "run" else "mean"
    centres = [_format_value(chart, phase.centre) + (f" ({phase.label})" if phase.label else "")
               for phase in chart.phases]
    parts = [f"{kind} of {charts_data.points(count)} {span}"]
    if centres:
        parts.append(f"{centre_name} {', then '.join(centres)}")
    if chart.signals:
        parts.append("signals: " + "; ".join(signal.text.strip().rstrip(".") for signal in chart.signals))
    else:
        parts.append("no special-cause signal")
    return "; ".join(parts) + "."


def _format_value(chart, value):
    if chart.kind == "p":
        return f"{value * 100:.1f}%".replace(".0%", "%")
    # Three significant figures (20.1, 2.35, 0.0412), whole numbers from 100 (1,250).
    magnitude = abs(value)
    if magnitude >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}" if magnitude >= 0.001 or value == 0 else f"{value:.2e}"


def _plotted(values):
    """Moving ranges as matplotlib plots them: a phase's first point has none (None), drawn as a gap."""
    return [math.nan if value is None else float(value) for value in values]


def _monthly(periods):
    """Whether the periods are months or longer (no two in the same month): named "Mar 2024"."""
    return len({(period.year, period.month) for period in periods}) == len(periods)


def _period_label(period, *, monthly):
    month = MONTHS[period.month - 1]
    return f"{month} {period.year}" if monthly else f"{period.day} {month} {period.year}"


# --- Drawing --------------------------------------------------------------------------------------


def _draw(chart, title, y_label, annotations, fmt, *, dpi, metadata=None):
    import matplotlib
    from matplotlib.figure import Figure

    with _LOCK, matplotlib.rc_context():
        matplotlib.rcdefaults()
        matplotlib.rcParams.update(STYLE)
        enough = len(chart.values) >= MIN_POINTS
        xmr = enough and chart.kind == "xmr" and bool(chart.moving_ranges)
        figure = Figure(figsize=(WIDTH_INCHES, XMR_HEIGHT_INCHES if xmr else HEIGHT_INCHES), dpi=dpi)
        if enough:
            _draw_chart(figure, chart, title, y_label, annotations, xmr)
        else:
            _draw_not_enough(figure, title, len(chart.values))
        if fmt == "svg":
            from matplotlib.backends.backend_svg import FigureCanvasSVG

            FigureCanvasSVG(figure)
            metadata = {"Date": None, "Creator": None, "Format": None, "Type": None}
        else:
            from matplotlib.backends.backend_agg import FigureCanvasAgg

            FigureCanvasAgg(figure)
        buffer = io.BytesIO()
        figure.savefig(buffer, format=fmt, dpi=dpi, metadata=metadata, facecolor="white")
        return buffer.getvalue()


def _draw_not_enough(figure, title, count):
    axes = figure.add_subplot()
    axes.set_axis_off()
    axes.set_title(_shorten(title, TITLE_CHARACTERS))
    axes.text(0.5, 0.55, "Not enough data to draw a chart yet", ha="center", va="center",
              fontsize=13, color=CENTRE_COLOUR, transform=axes.transAxes)
    axes.text(0.5, 0.4, f"{charts_data.points(count)} so far; at least {MIN_POINTS} are needed.", ha="center",
              va="center", fontsize=10, color=LIMIT_COLOUR, transform=axes.transAxes)
    figure.subplots_adjust(left=0.02, right=0.98, top=1 - 26 / _height_points(figure), bottom=0.05)


def _draw_chart(figure, chart, title, y_label, annotations, xmr):
    values = chart.values
    count = len(values)
    _set_margins(figure, left=60, xmr=xmr)  # the left margin is set again once the y labels are known
    if xmr:
        axes, range_axes = figure.subplots(2, 1, sharex=True, height_ratios=(2, 1))
    else:
        axes, range_axes = figure.add_subplot(), None
    centre_name = "Median" if chart.kind == "run" else "Mean"

    legend = [_draw_series(axes, values, gid="values", label="Values")]
    centres = [phase.centre for phase in chart.phases]
    legend.append(_draw_centres(axes, chart.phases, centres, gid="centre-lines", label=centre_name))
    upper = _draw_limits(axes, chart.phases, [phase.upper for phase in chart.phases], gid="upper-limit")
    lower = _draw_limits(axes, chart.phases, [phase.lower for phase in chart.phases], gid="lower-limit")
    legend.append(upper or lower)
    signal_marker = _draw_signals(axes, values, _signal_points(chart, moving_range=False), gid="signal-points")
    changes = _draw_annotations(axes, chart.periods, annotations)
    labelled = _draw_phase_labels(axes, chart.phases, count) or bool(changes)

    axes.set_title(_shorten(title, TITLE_CHARACTERS))
    _style_axes(axes, count)
    _y_axis(axes, chart, headroom=labelled)
    panels = [axes]

    if range_axes is not None:
        ranges = _plotted(chart.moving_ranges)
        _draw_series(range_axes, ranges, gid="moving-ranges", label="Moving ranges")
        _draw_centres(range_axes, chart.phases, chart.moving_range_centres, gid="moving-range-centre-lines",
                      label="Mean moving range")
        range_uppers = [(upper,) * (phase.end - phase.start)
                        for phase, upper in zip(chart.phases, chart.moving_range_uppers, strict=False)]
        _draw_limits(range_axes, chart.phases, range_uppers, gid="moving-range-upper-limit")
        range_signals = _signal_points(chart, moving_range=True)
        range_marker = _draw_signals(range_axes, ranges, range_signals, gid="moving-range-signal-points")
        signal_marker = signal_marker or range_marker
        _draw_annotations(range_axes, chart.periods, annotations, labels=False)
        _style_axes(range_axes, count)
        range_axes.set_ylim(bottom=0)
        _number_format(range_axes)
        panels.append(range_axes)

    _x_axis(panels[-1], chart.periods)
    for panel, label in zip(panels, (y_label, "Moving range")[: len(panels)], strict=True):
        height = panel.get_position().height * _height_points(figure)
        panel.set_ylabel(_shorten(label, int(height / 5.6)))
    _set_margins(figure, left=_left_margin(panels), xmr=xmr)
    legend = [item for item in (*legend, signal_marker, changes) if item]
    figure.legend(handles=legend, loc="lower center", bbox_to_anchor=(0.5, 0.0), ncols=len(legend),
                  frameon=False, borderaxespad=0.3)


def _height_points(figure):
    return figure.get_figheight() * 72


def _set_margins(figure, *, left, xmr):
    """Fixed margins in points, rather than a layout engine, which would measure every text several
    times and double the time a chart takes: the title above; the month labels and the legend below;
    on the left the widest y label (``_left_margin``)."""
    width, height = figure.get_figwidth() * 72, _height_points(figure)
    figure.subplots_adjust(left=left / width, right=1 - 14 / width, top=1 - 26 / height, bottom=52 / height,
                           hspace=0.12 if xmr else 0.2)


def _left_margin(panels):
    """Room for the axis label and the widest tick label, estimated from its characters (DejaVu Sans's
    digits are 0.64 em wide) rather than measured."""
    widest = 0
    for panel in panels:
        labels = panel.yaxis.get_major_formatter().format_ticks(
            [tick for tick in panel.yaxis.get_majorticklocs() if panel.get_ylim()[0] <= tick <= panel.get_ylim()[1]])
        widest = max([widest, *(len(label) * 9 * 0.64 for label in labels)])
    return 6 + 14 + 4 + widest + 8


def _signal_points(chart, *, moving_range):
    """The indexes of the points taking part in a signal: of the values, or of the moving ranges (the
    "moving-range" rule, whose points index the chart's points too)."""
    return sorted({
        index
        for signal in chart.signals
        if (signal.rule == "moving-range") == moving_range
        for index in signal.points
        if 0 <= index < len(chart.values)
    })


def _draw_series(axes, values, *, gid, label):
    (line,) = axes.plot(range(len(values)), values, color=VALUE_COLOUR, linewidth=1.4, marker="o",
                        markersize=4.5, markerfacecolor=VALUE_COLOUR, markeredgecolor=VALUE_COLOUR,
                        label=label, zorder=3, clip_on=False)
    line.set_gid(gid)
    return line


def _draw_signals(axes, values, signal_points, *, gid):
    """Signal points over the values: larger diamonds, filled vermillion with a black edge."""
    points = [index for index in signal_points if index < len(values)]
    if not points:
        return None
    (marker,) = axes.plot(points, [values[index] for index in points], linestyle="none", marker="D",
                          markersize=7.5, markerfacecolor=SIGNAL_COLOUR, markeredgecolor="black",
                          markeredgewidth=0.9, label="Special-cause signal", zorder=4, clip_on=False)
    marker.set_gid(gid)
    return marker


def _draw_centres(axes, phases, centres, *, gid, label):
    """Each phase's centre line, solid across the phase's own points."""
    xs, ys = [], []
    for phase, centre in zip(phases, centres, strict=False):
        xs += [phase.start - 0.45, phase.end - 0.55, math.nan]
        ys += [centre, centre, math.nan]
    if not xs:
        return None
    (line,) = axes.plot(xs, ys, color=CENTRE_COLOUR, linewidth=1.2, label=label, zorder=2)
    line.set_gid(gid)
    return line


def _draw_limits(axes, phases, limits, *, gid):
    """A limit as one stepped dashed line, a step per point (p and u limits move with the
    denominator), broken between phases; a point whose limit is None (clipped at 0 or 1) leaves a
    gap. ``limits`` holds each phase's limits, one per point."""
    xs, ys = [], []
    for phase, levels in zip(phases, limits, strict=False):
        for offset, limit in enumerate(levels[: phase.end - phase.start]):
            index = phase.start + offset
            level = math.nan if limit is None else float(limit)
            # Each phase's line stops just short of the next one's.
            xs += [index - (0.45 if offset == 0 else 0.5), index + (0.45 if index == phase.end - 1 else 0.5)]
            ys += [level, level]
        xs.append(math.nan)
        ys.append(math.nan)
    if all(math.isnan(y) for y in ys):
        return None
    (line,) = axes.plot(xs, ys, color=LIMIT_COLOUR, linewidth=1.1, linestyle=(0, (4, 2.5)), zorder=2,
                        label="Control limits", gid=gid)
    return line


def _draw_annotations(axes, periods, annotations, *, labels=True):
    """The changes introduced as vertical dashed lines where their dates fall between the periods (a
    change dated outside the chart's periods is left out), with their labels beside them at the top."""
    from matplotlib.transforms import blended_transform_factory

    placed = sorted((x, label) for date, label in annotations if (x := _position(periods, date)) is not None)
    if not placed:
        return None
    top = blended_transform_factory(axes.transData, axes.transAxes)
    xs = [value for x, _ in placed for value in (x, x, math.nan)]
    (line,) = axes.plot(xs, [0, 1, math.nan] * len(placed), transform=top, color=CHANGE_COLOUR, linewidth=1.3,
                        linestyle=(0, (6, 3)), zorder=1, label="Change introduced",
                        gid="change-lines" if labels else "moving-range-change-lines")
    for number, (x, label) in enumerate(placed if labels else ()):
        if label:
            right_side = x > len(periods) * 0.7
            # Alternate rows, so that two changes close together do not write over each other.
            axes.text(x - 0.2 if right_side else x + 0.2, 0.87 - 0.1 * (number % 2), _shorten(label, 40),
                      ha="right" if right_side else "left", va="top", fontsize=8.5, color=CHANGE_COLOUR,
                      transform=top, zorder=5, gid=f"change-label-{number + 1}",
                      bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 1.5})
    return line


def _position(periods, date):
    """Where a date falls on the x axis: a point's index, or between two points in proportion to the
    days; None outside the chart's periods."""
    if not periods or date < periods[0] or date > periods[-1]:
        return None
    for index, (before, after) in enumerate(itertools.pairwise(periods)):
        if before <= date <= after:
            if date == before:
                return float(index)
            return index + (date - before).days / max((after - before).days, 1)
    return float(len(periods) - 1)


def _draw_phase_labels(axes, phases, count):
    """Each phase's label at the top left of its stretch, shortened to fit its width."""
    from matplotlib.transforms import blended_transform_factory

    top = blended_transform_factory(axes.transData, axes.transAxes)
    drawn = False
    for number, phase in enumerate(phases, start=1):
        if not phase.label:
            continue
        # About 470 pt of plot across the chart's points; 4.8 pt per character at 8.5 pt.
        room = max(6, int((phase.end - phase.start) * 470 / max(count, 1) / 4.8))
        axes.text(phase.start - 0.4, 0.98, _shorten(phase.label, room), ha="left", va="top", fontsize=8.5,
                  color=CENTRE_COLOUR, fontweight="bold", transform=top, zorder=5, gid=f"phase-label-{number}",
                  bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 1.5})
        drawn = True
    return drawn


def _shorten(text, length):
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _style_axes(axes, count):
    axes.grid(axis="y", color=GRID_COLOUR, linewidth=0.6)
    axes.set_axisbelow(True)
    axes.set_xlim(-0.7, count - 0.3)


def _x_axis(axes, periods):
    """Month labels ("Mar 2024") under a tick every few points, as many as fit 720 pixels; a small
    tick at every point. Periods closer than a month are labelled with their day ("4 Mar 2024")."""
    from matplotlib.ticker import FixedLocator
    from matplotlib.transforms import blended_transform_factory

    monthly = _monthly(periods)
    width = 8 if monthly else 11  # characters in a label
    fitting = max(1, int(470 // (width * 5.4 + 14)))
    step = next(step for step in (1, 2, 3, 4, 6, 12, 24, 36, 48, 60, 120, 10**9) if len(periods) / step <= fitting)

    def key(index):
        period = periods[index]
        return period.year * 12 + period.month - 1 if monthly else index

    ticks = [index for index in range(len(periods)) if key(index) % step == 0] or [0]
    axes.xaxis.set_major_locator(FixedLocator(ticks))
    axes.set_xticklabels([_period_label(periods[index], monthly=monthly) for index in ticks])
    # The small tick under every point is one line: matplotlib's minor ticks are objects with a label
    # each, and cost more than the rest of the chart.
    length = 2.5 / (axes.get_position().height * _height_points(axes.figure))
    xs = [x for index in range(len(periods)) for x in (index, index, math.nan)]
    ys = [0, -length, math.nan] * len(periods)
    axes.plot(xs, ys, transform=blended_transform_factory(axes.transData, axes.transAxes), color="black",
              linewidth=0.6, clip_on=False, gid="period-ticks")


def _y_axis(axes, chart, *, headroom):
    from matplotlib.ticker import FixedLocator, PercentFormatter

    if chart.kind == "p":
        # Proportions on their whole scale, 0 to 100%; room above for the labels.
        axes.set_ylim(0, 1.14 if headroom else 1.0)
        axes.yaxis.set_major_locator(FixedLocator([0, 0.2, 0.4, 0.6, 0.8, 1.0]))
        axes.yaxis.set_major_formatter(PercentFormatter(xmax=1, decimals=0))
        return
    bottom, top = axes.get_ylim()
    if chart.kind == "u" or (bottom < 0 and min(chart.values) >= 0):
        # Rates and counts are never negative: start at 0 rather than below.
        bottom = 0
    if headroom:
        top += 0.2 * (top - bottom)
    axes.set_ylim(bottom, top)
    _number_format(axes)


def _number_format(axes):
    """1,250 rather than 1250 or 1.25e3."""
    from matplotlib.ticker import StrMethodFormatter

    axes.yaxis.set_major_formatter(StrMethodFormatter("{x:,g}"))


# --- The SVG for a page ---------------------------------------------------------------------------

_URL_REFERENCE = re.compile(r"url\(#([^)]+)\)")
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


def _finish_svg(raw, title, description):
    """matplotlib's SVG made fit to be inlined: no XML declaration or DOCTYPE; a ``<title>`` and
    ``<desc>`` named by ``aria-labelledby``; ids prefixed with a digest of the drawing, so that two
    charts on one page never share an id; matplotlib's ``<style>`` element (``*{...}``, which would
    restyle the whole page, and which the Content-Security-Policy refuses) replaced by attributes."""
    from lxml import etree

    prefix = "chart-" + hashlib.sha256(raw).hexdigest()[:10]
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(raw, parser)
    for style in root.findall(f"{{{SVG_NS}}}defs/{{{SVG_NS}}}style"):
        defs = style.getparent()
        defs.remove(style)
        if not len(defs):
            root.remove(defs)
    root.set("stroke-linejoin", "round")
    root.set("stroke-linecap", "butt")
    for element in root.iter(etree.Element):
        for name, value in element.attrib.items():
            if name == "id":
                element.set(name, f"{prefix}-{value}")
            elif name == XLINK_HREF and value.startswith("#"):
                element.set(name, f"#{prefix}-{value[1:]}")
            elif "url(#" in value:
                element.set(name, _URL_REFERENCE.sub(lambda match: f"url(#{prefix}-{match[1]})", value))
    title_element = etree.Element(f"{{{SVG_NS}}}title", id=f"{prefix}-title")
    title_element.text = title
    desc_element = etree.Element(f"{{{SVG_NS}}}desc", id=f"{prefix}-desc")
    desc_element.text = description
    title_element.tail = desc_element.tail = "\n "
    root.insert(0, desc_element)
    root.insert(0, title_element)
    root.set("role", "img")
    root.set("aria-labelledby", f"{prefix}-title {prefix}-desc")
    return etree.tostring(root, encoding="unicode")
