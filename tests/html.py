"""Reading a response the way a visitor does: its text, the links they can follow, the pages of a
list they can page through; and what a request costs in queries."""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin


class _Reader(HTMLParser):
    SKIP = {"script", "style", "template"}
    BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "div", "section", "tr", "td", "th", "br"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.links = []
        self._skipping = 0
        self._open_links = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append(" ")
        if tag == "a":
            self._open_links.append([dict(attrs).get("href") or "", []])

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append(" ")
        if tag == "a" and self._open_links:
            href, words = self._open_links.pop()
            self.links.append((href, squash("".join(words))))

    def handle_data(self, data):
        if self._skipping:
            return
        self.parts.append(data)
        for _, words in self._open_links:
            words.append(data)


def squash(text):
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Seen:
    """What a visitor sees on a page: ``text`` (tags removed, entities decoded, whitespace
    collapsed) and ``links`` ((href, link text) pairs, in document order)."""

    status_code: int
    text: str
    links: list = field(default_factory=list)

    @property
    def hrefs(self):
        return [href for href, _ in self.links]

    def link_text(self, href):
        """The text of the first link to ``href`` (None if there is none)."""
        return next((text for link, text in self.links if link == href), None)

    def __contains__(self, words):
        return squash(words) in self.text

    def says(self, phrase):
        """Whether ``phrase`` appears as whole words ("4 resources" is not found in "14 resources")."""
        return re.search(r"(?<!\w)" + re.escape(squash(phrase)) + r"(?!\w)", self.text) is not None


def read(response):
    reader = _Reader()
    reader.feed(response.content.decode())
    reader.close()
    return Seen(response.status_code, squash("".join(reader.parts)), reader.links)


def visit(client, url, status=200):
    """GET ``url`` and read it; fails unless the answer has ``status``."""
    response = client.get(url)
    assert response.status_code == status, f"{url} answered {response.status_code}, expected {status}"
    return read(response)


def stated_count(seen):
    """The number a list states above its results ("54 resources")."""
    match = re.search(r"\b(\d+) resources?\b", seen.text)
    assert match, "the page does not say how many resources it lists"
    return int(match.group(1))


def count_beside(seen, name):
    """The resource count shown after ``name`` in a list of names with counts ("Grace Lin ... 4
    resources"); fails if there is none."""
    match = re.search(re.escape(squash(name)) + r".{0,300}?\b(\d+) resources?\b", seen.text)
    assert match, f"no resource count beside {name!r}"
    return int(match.group(1))


NEXT_PAGE = "Next page"  # the pagination's rel="next" link, as a screen reader reads it


def all_pages(client, url):
    """Every page of the paginated list at ``url`` (/library/ or /search/ with a query string),
    read, following each page's "Next page" link. A list of several pages must end on the page
    that says "page N of N"."""
    pages = [visit(client, url)]
    while (href := next((href for href, text in pages[-1].links if text == NEXT_PAGE), None)) is not None:
        url = urljoin(url, href)
        assert len(pages) < 100, f"{url}: more than 100 pages of results"
        pages.append(visit(client, url))
    if len(pages) > 1:
        assert pages[-1].says(f"page {len(pages)} of {len(pages)}"), f"{url} is not the last page"
    return pages


def count_queries(client, url):
    """(the number of database queries, the response) of a warm GET of ``url``: a first request
    fills Wagtail's site-root cache and is not counted. Both answers must be 200."""
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert client.get(url).status_code == 200, f"{url} (warm-up)"
    caches["pages"].clear()  # the rendering is what is counted, not the page cache's answer
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), response
