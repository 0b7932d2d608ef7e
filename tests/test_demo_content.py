"""The demo's resource files (resources/demo/content/) and the address load_demo gives the site."""

import re
from pathlib import Path

import pytest
from django.test import override_settings
from wagtail.models import Site

from resources.demo.loader import DemoLoader
from resources.demo.reader import read_resources
from resources.models import ToolPage

pytestmark = pytest.mark.django_db

DOCS = Path(__file__).resolve().parent.parent / "docs" / "demo.md"
EXAMPLE_SLUG = "ibd-clinic-weighing-station-card"


def docs_example():
    """The worked example of docs/demo.md, as written there."""
    match = re.search(r"^````markdown\n(.*?\n)````$", DOCS.read_text("utf-8"), re.DOTALL | re.MULTILINE)
    assert match, "docs/demo.md has no ````markdown example"
    return match.group(1)


def content_folder(root, files, contents=""):
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, "utf-8")
    (root / "contents.txt").write_text(contents, "utf-8")
    return root


def test_the_worked_example_in_the_docs_reads_and_loads(tmp_path):
    folder = content_folder(tmp_path, {f"tools/{EXAMPLE_SLUG}.md": docs_example()})
    [(kind, record)] = read_resources(folder)
    assert kind == "tools" and record["slug"] == EXAMPLE_SLUG
    assert record["contributors"] == [("grace.lin", "author"), ("tom.alvarez", "reviewer")]
    assert record["releases"][0]["date"] == "2025-09-01" and record["releases"][0]["label"] == "1.0"
    assert [block_type for block_type, _ in record["body"]] == ["heading", "paragraph", "callout", "steps", "table"]
    # A line break inside the paragraph's text reads as a space.
    assert "every measurement is taken <em>the same way</em>" in record["body"][1][1]

    DemoLoader(content=folder).load()

    page = ToolPage.objects.live().get(slug=EXAMPLE_SLUG)
    assert page.title == "Weighing station card for IBD clinic"
    assert [block.block_type for block in page.body] == ["heading", "paragraph", "callout", "steps", "table"]
    assert [link.contributor.user.username for link in page.contributor_links.order_by("sort_order", "pk")] == [
        "grace.lin", "tom.alvarez"]
    release = page.releases.get()
    assert release.is_published and release.files.get().filename == "ibd-weighing-station-card-v1-0.pdf"


def test_a_file_not_in_contents_is_read_after_the_listed_ones(tmp_path):
    example = docs_example()
    folder = content_folder(
        tmp_path,
        {"tools/b-second.md": example, "tools/a-unlisted.md": example, "protocols/c-first.md": example},
        contents="# comments and blank lines are skipped\n\nc-first\nb-second  # listed\n",
    )
    assert [record["slug"] for _, record in read_resources(folder)] == ["c-first", "b-second", "a-unlisted"]


def test_mistakes_in_the_files_are_named(tmp_path):
    folder = content_folder(tmp_path, {"tools/one.md": docs_example()}, contents="one\ntwo\n")
    with pytest.raises(ValueError, match="contents.txt lists resources that have no file: two"):
        list(read_resources(folder))
    unclosed = docs_example().rsplit("```", 1)[0]
    folder = content_folder(tmp_path, {"tools/one.md": unclosed}, contents="")
    with pytest.raises(ValueError, match=r"one\.md: the ```table block is not closed"):
        list(read_resources(folder))


def test_the_site_takes_its_address_from_base_url(client):
    try:
        with override_settings(WAGTAILADMIN_BASE_URL="https://commons.example.org"):
            home, _ = DemoLoader().ensure_site()
            site = Site.objects.get(is_default_site=True)
            assert site.root_page_id == home.pk
            assert site.root_url == "https://commons.example.org"
            sitemap = client.get("/sitemap.xml").content.decode()
        locations = re.findall(r"<loc>(.*?)</loc>", sitemap)
        assert len(locations) > 50  # the home page, the library, the published resources
        assert all(location.startswith("https://commons.example.org/") for location in locations), locations[:3]
    finally:
        # The test's transaction is rolled back, but Wagtail's cached site root paths are not.
        Site.clear_site_root_paths_cache()
