"""A visitor finds resources: suggestions from the header's search box, then the library's filters."""

import re

from playwright.sync_api import expect

from .conftest import BROWSER_TEST

pytestmark = BROWSER_TEST


def test_header_search_suggests_titles_and_the_keyboard_opens_one(page):
    page.goto("/")
    box = page.get_by_role("combobox", name="Search resources")
    box.fill("checklist")

    # An ARIA combobox: the suggestions are a listbox it controls, announced by a status region.
    suggestions = page.get_by_role("listbox", name="Suggestions")
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(suggestions).to_be_visible()
    expect(box).to_have_attribute("aria-controls", suggestions.get_attribute("id"))
    options = suggestions.get_by_role("option")
    expect(options.first).to_contain_text("checklist", ignore_case=True)
    expect(page.get_by_role("status").filter(has_text="suggestions")).to_contain_text("Use the up and down arrow keys")

    # Down arrow chooses the first suggestion (focus stays in the box), Enter opens it.
    box.press("ArrowDown")
    first = options.first
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    expect(box).to_be_focused()
    title = first.inner_text()
    box.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page).not_to_have_url(re.compile(r"/search/"))


def test_library_filter_narrows_the_list_and_shows_the_new_count(page):
    page.goto("/library/")
    heading = page.locator("#results-heading")
    expect(heading).to_have_text(re.compile(r"^\d+ resources$"))
    everything = int(heading.inner_text().split()[0])

    # A facet box says how many it matches; ticking it reloads the list with that many.
    box = page.get_by_role("group", name="Condition").get_by_role("checkbox").first
    label = page.locator(f"label[for='{box.get_attribute('id')}']")
    matching = int(re.search(r"\((\d+)\)", label.inner_text()).group(1))
    name = label.inner_text().rsplit("(", 1)[0].strip()
    assert 0 < matching < everything
    box.check()

    expect(heading).to_have_text(f"{matching} resource{'s' if matching != 1 else ''} matching your filters")
    expect(page).to_have_url(re.compile(r"\?.*condition="))
    expect(page.get_by_role("list", name="Filters in use")).to_contain_text(name)
    # Keyboard and screen-reader users keep their place: focus is back on the box they ticked.
    ticked = page.get_by_role("group", name="Condition").get_by_role("checkbox", name=name)
    expect(ticked).to_be_checked()
    expect(ticked).to_be_focused()
