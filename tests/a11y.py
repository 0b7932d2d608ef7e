"""Structural accessibility checks on a page's HTML: one h1, no skipped heading levels, a label for
every form control, every radio button inside a fieldset with a legend, and the header, nav, main
and footer landmarks present.

Not a replacement for testing with assistive technology; it catches the mistakes templates make."""

from html.parser import HTMLParser
from itertools import pairwise

CONTROLS = {"input", "select", "textarea"}
UNLABELLED_INPUTS = {"hidden", "submit", "button", "reset", "image"}


class _Structure(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings = []
        self.controls = []  # (tag, attrs, inside a label, inside a fieldset with a legend)
        self.label_for = set()
        self.landmarks = set()
        self._labels = 0
        self._fieldsets = []  # [has legend]
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("template", "script"):
            self._skip += 1
        if self._skip:
            return
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append(int(tag[1]))
        elif tag == "label":
            self._labels += 1
            if attrs.get("for"):
                self.label_for.add(attrs["for"])
        elif tag == "fieldset":
            self._fieldsets.append(False)
        elif tag == "legend" and self._fieldsets:
            self._fieldsets[-1] = True
        elif tag in ("main", "nav", "header", "footer"):
            self.landmarks.add(tag)
        elif tag in CONTROLS and attrs.get("type") not in UNLABELLED_INPUTS:
            self.controls.append((tag, attrs, self._labels > 0, bool(self._fieldsets) and self._fieldsets[-1]))

    def handle_endtag(self, tag):
        if tag in ("template", "script"):
            self._skip = max(0, self._skip - 1)
        elif tag == "label":
            self._labels = max(0, self._labels - 1)
        elif tag == "fieldset" and self._fieldsets:
            self._fieldsets.pop()


def problems(html):
    """What is wrong with the page's structure: a list of sentences, empty when nothing is."""
    page = _Structure()
    page.feed(html)
    found = []
    if page.headings.count(1) != 1:
        found.append(f"{page.headings.count(1)} h1 headings (one expected)")
    for before, after in pairwise(page.headings):
        if after > before + 1:
            found.append(f"heading level skips from h{before} to h{after}")
    for tag, attrs, in_label, in_legend_group in page.controls:
        name = attrs.get("name") or attrs.get("id") or tag
        labelled = (
            in_label or attrs.get("id") in page.label_for or attrs.get("aria-label") or attrs.get("aria-labelledby")
        )
        if not labelled:
            found.append(f"{tag} {name!r} has no label")
        if attrs.get("type") == "radio" and not in_legend_group:
            found.append(f"{attrs.get('type')} {name!r} is not in a fieldset with a legend")
    for landmark in ("header", "nav", "main", "footer"):
        if landmark not in page.landmarks:
            found.append(f"no <{landmark}>")
    return found
