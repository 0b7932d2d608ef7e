"""Presentation helpers for the public templates: the key driver diagram, citations, tags,
measures and pagination. Nothing here writes to the database."""

import hashlib
import textwrap
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def commons_name():
    """The site's name from settings: safe on the 500 page, and not overridden by views (such as
    Django's LoginView) that put their own ``site_name`` in the context."""
    return settings.WAGTAIL_SITE_NAME


@register.simple_tag(takes_context=True)
def citation_text(context, page, release=None):
    """The plain-text citation of a resource: of ``release`` if given, else of its latest release."""
    from resources.citations import as_text

    if release is None:
        release = page.latest_release
    return as_text(page, release, context["request"]).strip()


@register.filter
def json_ld(data):
    """schema.org data (resources/jsonld.py) as a script element for the page's head."""
    from resources.jsonld import script

    return script(data)


@register.filter
def tag_names(page):
    """A resource's tag names, from the prefetched ``tagged_items`` on cards, else in one query."""
    if "tagged_items" in getattr(page, "_prefetched_objects_cache", {}):
        names = [item.tag.name for item in page.tagged_items.all()]
    else:
        names = list(page.tags.order_by().values_list("name", flat=True))
    return sorted(names, key=str.casefold)


@register.filter
def measures_by_kind(measures):
    """[(kind label, [measure, ...]), ...] in the order outcome, process, balancing."""
    from resources.models import MeasureKind

    measures = list(measures)
    groups = []
    for kind in MeasureKind:
        members = [measure for measure in measures if measure.kind == kind.value]
        if members:
            groups.append((kind.label, members))
    return groups


@register.simple_tag(takes_context=True)
def library_url(context, **filters):
    """The library's URL with the given filters (e.g. condition="ibd"), or "" if there is no live
    library. Uses ``library_page`` from the site_navigation context processor."""
    library = context.get("library_page")
    if library is None:
        return ""
    url = library.get_url(context.get("request"))
    query = urlencode({name: value for name, value in filters.items() if value not in (None, "")})
    return f"{url}?{query}" if query else url


# --------------------------------------------------------------------------------------------------
# Key driver diagram
# --------------------------------------------------------------------------------------------------

COLUMNS = ("Aim", "Primary drivers", "Secondary drivers", "Change ideas")
COLUMN_WIDTH = 212
COLUMN_GAP = 44
MARGIN = 8
HEADER_HEIGHT = 36
FONT_SIZE = 13
LINE_HEIGHT = 17
PAD_X = 10
PAD_Y = 9
# Wrapping is computed here, not by the browser, so it must hold for wide fonts too (DejaVu Sans
# averages about 0.58 em per character, more in bold): the aim and primary drivers are set in bold.
CHARS_PER_LINE = {
    column: int((COLUMN_WIDTH - 2 * PAD_X) / (FONT_SIZE * em))
    for column, em in enumerate((0.66, 0.64, 0.58, 0.58))
}
# Vertical space between siblings, by the column of the children: groups of primary drivers stand
# further apart than change ideas of one secondary driver.
SIBLING_GAP = {1: 28, 2: 16, 3: 8}
TOOL_LINE = "Open the tool →"


@dataclass
class _Box:
    column: int
    text: str
    url: str = ""
    children: list = field(default_factory=list)
    lines: list = field(default_factory=list)
    y: float = 0.0

    def __post_init__(self):
        self.lines = textwrap.wrap(self.text, CHARS_PER_LINE[self.column], break_long_words=True) or [""]
        if self.url:
            self.lines.append(TOOL_LINE)

    @property
    def x(self):
        return MARGIN + self.column * (COLUMN_WIDTH + COLUMN_GAP)

    @property
    def height(self):
        return 2 * PAD_Y + len(self.lines) * LINE_HEIGHT

    @property
    def band(self):
        """The height this box and everything to its right need."""
        if not self.children:
            return self.height
        return max(self.height, self._children_band)

    @property
    def _children_band(self):
        gap = SIBLING_GAP[self.column + 1]
        return sum(child.band for child in self.children) + gap * (len(self.children) - 1)

    def place(self, top):
        band = self.band
        self.y = top + (band - self.height) / 2
        if self.children:
            cursor = top + (band - self._children_band) / 2
            gap = SIBLING_GAP[self.column + 1]
            for child in self.children:
                child.place(cursor)
                cursor += child.band + gap

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def driver_tree(page, request):
    """The diagram as plain data; a change idea's tool gets a URL only if this request may see it
    (live, and not restricted to members the visitor is not one of)."""
    from wagtail.models import Page

    from resources.visibility import visible_pages

    ideas_of = [
        (block.value, [(secondary, list(secondary["change_ideas"])) for secondary in block.value["secondary_drivers"]])
        for block in page.drivers
    ]
    tool_ids = {
        idea["tool"].pk
        for _, secondaries in ideas_of
        for _, ideas in secondaries
        for idea in ideas
        if idea.get("tool") is not None
    }
    visible_ids = set(visible_pages(Page.objects.filter(pk__in=tool_ids), request).values_list("pk", flat=True))
    measured = page.measures_by_idea()

    def idea_data(idea):
        tool = idea.get("tool")
        visible = tool is not None and tool.pk in visible_ids
        return {
            "title": idea["title"],
            "description": idea.get("description") or "",
            "tool_url": tool.get_url(request) if visible else "",
            "tool_title": tool.title if visible else "",
            "measures": [measure.name for measure in measured.get(idea["title"], [])],
        }

    return [
        {
            "title": value["title"],
            "description": value.get("description") or "",
            "secondaries": [
                {"title": secondary["title"], "ideas": [idea_data(idea) for idea in ideas]}
                for secondary, ideas in secondaries
            ],
        }
        for value, secondaries in ideas_of
    ]


def _connector(parent, child):
    x1 = parent.x + COLUMN_WIDTH
    y1 = parent.y + parent.height / 2
    x2 = child.x
    y2 = child.y + child.height / 2
    xm = x1 + COLUMN_GAP / 2
    return format_html('<path class="kdd-link" d="M{} {} H{} V{} H{}"/>', x1, _n(y1), xm, _n(y2), x2)


def _n(number):
    """Coordinates to one decimal place, without a trailing .0."""
    return f"{number:.1f}".rstrip("0").rstrip(".")


def _box(box):
    css = f"kdd-box kdd-col-{box.column}" + (" kdd-has-tool" if box.url else "")
    text_lines = []
    for index, line in enumerate(box.lines):
        is_tool_line = box.url and index == len(box.lines) - 1
        text_lines.append(
            format_html(
                '<tspan x="{}" y="{}"{}>{}</tspan>',
                box.x + PAD_X,
                _n(box.y + PAD_Y + index * LINE_HEIGHT + FONT_SIZE),
                mark_safe(' class="kdd-tool-line"') if is_tool_line else "",
                line,
            )
        )
    shape = format_html(
        '<g class="{}"><rect x="{}" y="{}" width="{}" height="{}" rx="6"/><text>{}</text></g>',
        css,
        box.x,
        _n(box.y),
        COLUMN_WIDTH,
        box.height,
        mark_safe("".join(text_lines)),
    )
    if box.url:
        # Keyboard and screen-reader users reach the same links in the list below the diagram,
        # which is its accessible version; the picture itself is one image.
        return format_html('<a href="{}" tabindex="-1">{}</a>', box.url, shape)
    return shape


def diagram_svg(aim, tree, diagram_id):
    root = _Box(0, aim)
    for primary in tree:
        primary_box = _Box(1, primary["title"])
        for secondary in primary["secondaries"]:
            secondary_box = _Box(2, secondary["title"])
            secondary_box.children = [_Box(3, idea["title"], idea["tool_url"]) for idea in secondary["ideas"]]
            primary_box.children.append(secondary_box)
        root.children.append(primary_box)
    root.place(HEADER_HEIGHT)

    boxes = list(root.walk())
    width = 2 * MARGIN + len(COLUMNS) * COLUMN_WIDTH + (len(COLUMNS) - 1) * COLUMN_GAP
    height = HEADER_HEIGHT + root.band + MARGIN
    headers = format_html_join(
        "",
        '<text class="kdd-heading" x="{}" y="22">{}</text>',
        (
            (MARGIN + column * (COLUMN_WIDTH + COLUMN_GAP) + COLUMN_WIDTH / 2, name)
            for column, name in enumerate(COLUMNS)
        ),
    )
    links = mark_safe("".join(_connector(box, child) for box in boxes for child in box.children))
    shapes = mark_safe("".join(_box(box) for box in boxes))

    counts = (
        len(tree),
        sum(len(primary["secondaries"]) for primary in tree),
        sum(len(secondary["ideas"]) for primary in tree for secondary in primary["secondaries"]),
    )
    description = (
        f"From left to right: the aim, {counts[0]} primary driver{'s' if counts[0] != 1 else ''}, "
        f"{counts[1]} secondary driver{'s' if counts[1] != 1 else ''} and "
        f"{counts[2]} change idea{'s' if counts[2] != 1 else ''}, joined by lines from each driver to "
        "what it leads to. The same diagram follows as a list."
    )
    return format_html(
        '<svg class="kdd-svg" viewBox="0 0 {w} {h}" width="100%" preserveAspectRatio="xMinYMin meet" '
        'role="img" aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">Key driver diagram</title><desc id="{id}-desc">{desc}</desc>'
        '{headers}<g class="kdd-links">{links}</g>{shapes}</svg>',
        w=width,
        h=_n(height),
        id=diagram_id,
        desc=description,
        headers=headers,
        links=links,
        shapes=shapes,
    )


# The diagram's HTML is kept by what it is drawn from, so a page seen again (signed in, when the
# page cache does not answer) skips the layout and the list's rendering; raise it when the drawing
# or the template changes what the same tree gives.
DIAGRAM_VERSION = 1
DIAGRAM_SECONDS = 24 * 3600


@register.simple_tag(takes_context=True)
def key_driver_diagram(context, page):
    """A change package's key driver diagram: an inline SVG picture, then the same as nested lists.

    The SVG is a single image (role="img") with a short description; the nested list is the
    accessible, complete version and the one that reads well on narrow screens.

    The tree carries everything the HTML shows, this visitor's tool links included (``driver_tree``
    leaves out the tools they may not see), so its digest is the key the HTML is kept under: an
    edited diagram or another visitor's view is another key, never a stale or a borrowed one.
    """
    tree = driver_tree(page, context.get("request"))
    if not tree:
        return ""
    diagram_id = f"kdd-{page.pk}"
    digest = hashlib.sha256(repr((DIAGRAM_VERSION, page.aim, diagram_id, tree)).encode()).hexdigest()
    key = f"commons-key-driver-diagram:{digest}"
    html = cache.get(key)
    if html is None:
        html = render_to_string(
            "includes/key_driver_diagram.html",
            {"tree": tree, "diagram_id": diagram_id, "svg": diagram_svg(page.aim, tree, diagram_id)},
        )
        cache.set(key, html, DIAGRAM_SECONDS)
    return mark_safe(html)
