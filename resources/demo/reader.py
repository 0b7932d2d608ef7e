"""Reads the demo network's resources from the files under ``content/`` (the format: docs/demo.md).

One file per resource, ``content/<kind>/<slug>.md``: YAML front matter holds the structured fields;
the body below it holds the page's body blocks, in order:

- ``## Heading`` is a heading block;
- a run of lines of HTML (``<p>…</p>``, ``<ul>…</ul>``) up to a blank line is one paragraph block;
- a fenced block (```` ```callout ````, ```` ```steps ````, ```` ```table ````) holds that block's
  value as YAML.

The records come back in the shape ``loader.py`` builds pages from; nothing here touches the database,
so the same reader can check a bulk import before anything is saved.
"""

import re
from pathlib import Path

import yaml

CONTENT = Path(__file__).resolve().parent / "content"
KINDS = ("tools", "change-packages", "protocols")
FENCE = "```"
FRONT_MATTER = re.compile(r"---\n(.*?\n)---\n(.*)", re.DOTALL)


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe YAML without implicit dates: ``date: 2024-03-18`` stays the string the loader parses,
    whether or not the editor quoted it."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text):
    return yaml.load(text, Loader=_Loader)


def read_resources(root=CONTENT):
    """(kind, record) for every resource file: first in the order of ``contents.txt``, then any file
    not listed there, by name."""
    paths = {}
    for kind in KINDS:
        for path in sorted((root / kind).glob("*.md")):
            if path.stem in paths:
                raise ValueError(f"Two demo resources have the slug “{path.stem}”: {paths[path.stem]} and {path}.")
            paths[path.stem] = path
    listed = [line.split("#", 1)[0].strip() for line in (root / "contents.txt").read_text("utf-8").splitlines()]
    listed = [slug for slug in listed if slug]
    missing = [slug for slug in listed if slug not in paths]
    if missing:
        raise ValueError(f"contents.txt lists resources that have no file: {', '.join(missing)}.")
    for slug in listed + sorted(paths.keys() - set(listed)):
        yield paths[slug].parent.name, read_resource(paths[slug])


def read_resource(path):
    """One resource file as a record; its slug is the file's name."""
    match = FRONT_MATTER.match(path.read_text("utf-8"))
    if match is None:
        raise ValueError(f"{path} does not start with front matter between two “---” lines.")
    front, body = match.groups()
    record = {"slug": path.stem, **load_yaml(front)}
    # A contributor is written `- grace.lin: author`; the loader takes (username, role) pairs.
    record["contributors"] = [pair for entry in record.get("contributors") or [] for pair in entry.items()]
    record["body"] = read_body(body, path)
    return record


def read_body(text, path):
    """The body's blocks as (block type, value) pairs."""
    blocks, paragraph, fence = [], [], None

    def end_paragraph():
        if paragraph:
            blocks.append(("paragraph", join_html(paragraph)))
            paragraph.clear()

    for line in text.splitlines():
        if fence is not None:
            if line.strip() == FENCE:
                blocks.append((fence[0], load_yaml("\n".join(fence[1]))))
                fence = None
            else:
                fence[1].append(line)
        elif line.startswith(FENCE):
            end_paragraph()
            fence = (line[len(FENCE):].strip(), [])
        elif line.startswith("## "):
            end_paragraph()
            blocks.append(("heading", line[3:].strip()))
        elif line.strip():
            paragraph.append(line.strip())
        else:
            end_paragraph()
    if fence is not None:
        raise ValueError(f"{path}: the ```{fence[0]} block is not closed with a ``` line.")
    end_paragraph()
    return blocks


def join_html(lines):
    """One paragraph block from its lines. As in HTML, a line break between two tags means nothing and
    one inside text is a space, so an editor can break lines wherever reads best."""
    html = lines[0]
    for line in lines[1:]:
        html += ("" if html.endswith(">") and line.startswith("<") else " ") + line
    return html
