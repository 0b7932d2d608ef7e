"""The Wagtail admin works under the site's Content-Security-Policy (contributors/csp.py): an
editor signs in, opens the explorer and a resource's page editor, and uses the editor's scripts,
with no policy violation reported by the browser."""

from playwright.sync_api import expect
from wagtail.admin.models import EditingSession

from resources.models import ToolPage

from .conftest import BROWSER_TEST, wait_until

pytestmark = BROWSER_TEST

# Recorded by the page itself: an init script is not subject to the page's policy.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(event.violatedDirective + " blocked " + (event.blockedURI || "inline"));
});
"""


def watch(page):
    """Console messages and policy violations, as the browser reports them."""
    console = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.add_init_script(RECORD_VIOLATIONS)
    return console


def violations(page, console):
    reported = page.evaluate("window.__cspViolations || []")
    refused = [line for line in console if "Content Security Policy" in line or "Refused to" in line]
    return reported + refused


def test_the_admin_works_under_the_content_security_policy(page):
    console = watch(page)
    tool = ToolPage.objects.live().order_by("pk").first()

    # Signing in to the admin, which then shows the explorer: the listing of the tool's section,
    # and the sidebar's page explorer (a menu built by script).
    page.goto(f"/admin/login/?next=/admin/pages/{tool.get_parent().pk}/")
    page.get_by_label("Username").fill("marcus.webb")
    page.get_by_label("Password").fill("improve-together")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("navigation", name="Pagination")).to_be_visible()
    expect(page.locator("table a[href$='/edit/']").first).to_be_visible()
    page.get_by_role("button", name="Pages").click()
    expect(page.locator(".c-page-explorer")).to_be_visible()
    assert violations(page, console) == []

    # The page editor: its StreamField adds a block, its InlinePanel (set up by an inline script)
    # adds a contributor, and its side panel opens.
    page.goto(f"/admin/pages/{tool.pk}/edit/")
    expect(page.get_by_role("heading", name=tool.title).first).to_be_attached()
    page.locator("#panel-child-content-body-content .c-sf-add-button").first.click()
    expect(page.get_by_role("option", name="Paragraph").first).to_be_visible()
    page.keyboard.press("Escape")

    page.get_by_role("tab", name="People").click()
    contributors = page.locator("[id$='contributor_links-FORMS'] > [data-inline-panel-child]:visible")
    before = contributors.count()
    page.get_by_role("button", name="Add Contributors").click()
    expect(contributors).to_have_count(before + 1)

    page.get_by_role("button", name="Toggle status").click()
    expect(page.locator("[data-side-panel='status']")).to_be_visible()
    assert violations(page, console) == []

    # Leaving the editor releases its editing session with a beacon (on `pagehide`), which the
    # browser sends on its own (Playwright never sees it). Wait until the live server has deleted
    # the session: sent while the tab closes, the beacon would reach the database during the
    # test's flush and fail it.
    editing = EditingSession.objects.filter(user__username="marcus.webb")
    assert editing.exists()
    page.goto("/admin/")
    wait_until(lambda: not editing.exists())
