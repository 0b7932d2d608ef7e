"""A resource's citation as plain text, BibTeX and RIS, naming the release being cited."""

from django.utils import timezone

from contributors.names import split_name, without_honorific

BIBTEX_SPECIAL = str.maketrans({"&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
                                "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\^{}",
                                "\\": r"\textbackslash{}"})


def _bibtex_escape(value):
    return value.translate(BIBTEX_SPECIAL)


def _authors(page):
    # A citation names people without their honorific ("Samuel Okafor", not "Dr Samuel Okafor").
    return [without_honorific(person.display_name) for person in page.authors]


def _inverted(name):
    """"Samuel Okafor" -> "Okafor, Samuel", as BibTeX and RIS write an author."""
    return ", ".join(part for part in split_name(name) if part)


def _release_facts(page, release, request):
    url = request.build_absolute_uri(release.get_absolute_url() if release else page.url)
    year = (release.release_date if release else (page.first_published_at or timezone.now()).date()).year
    version = release.label if release else None
    publisher = "Improvement Commons"
    return url, year, version, publisher


def as_text(page, release, request):
    url, year, version, publisher = _release_facts(page, release, request)
    authors = _authors(page)
    names = ", ".join(authors) if authors else publisher
    version_part = f" Version {version}." if version else ""
    return f"{names}. {page.title}.{version_part} {publisher}; {year}. {url}\n"


def as_bibtex(page, release, request):
    url, year, version, publisher = _release_facts(page, release, request)
    key = f"{page.slug.replace('-', '_')}_{version or year}".replace(".", "_")
    fields = [
        # Double braces keep the title's capitals as written.
        ("title", "{" + _bibtex_escape(page.title) + "}"),
        ("author", _bibtex_escape(" and ".join(_inverted(name) for name in _authors(page)) or publisher)),
        ("year", str(year)),
        ("version", version),
        ("publisher", publisher),
        ("url", url),
        ("note", _bibtex_escape(f"Licence: {page.licence.label}") if page.licence else None),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@misc{{{key},\n{body}\n}}\n"


def as_ris(page, release, request):
    url, year, version, publisher = _release_facts(page, release, request)
    lines = ["TY  - GEN", f"TI  - {page.title}"]
    lines += [f"AU  - {_inverted(name)}" for name in _authors(page)]
    lines += [f"PY  - {year}", f"PB  - {publisher}", f"UR  - {url}"]
    if version:
        lines.append(f"ET  - {version}")
    if page.summary:
        lines.append(f"AB  - {page.summary}")
    lines.append("ER  - ")
    return "\r\n".join(lines) + "\r\n"


# style: (formatter, content type, file extension)
CITATION_STYLES = {
    "text": (as_text, "text/plain; charset=utf-8", "txt"),
    "bibtex": (as_bibtex, "application/x-bibtex; charset=utf-8", "bib"),
    "ris": (as_ris, "application/x-research-info-systems; charset=utf-8", "ris"),
}
