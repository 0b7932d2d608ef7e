"""Reading a response the way a visitor does: its text, and the links they can follow."""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser


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
