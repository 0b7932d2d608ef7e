"""The API's documentation page (/api/docs/, Swagger UI) works offline and under the site's
Content-Security-Policy: it lists the endpoints from the generated schema and runs a request,
with no policy violation reported by the browser and no request leaving the site."""

from urllib.parse import urlsplit

from playwright.sync_api import expect

from .conftest import BROWSER_TEST
from .test_csp import violations, watch

pytestmark = BROWSER_TEST


def test_the_api_docs_work_offline_under_the_content_security_policy(page, live_server):
    console = watch(page)
    elsewhere = []
    page.on("request", lambda request: urlsplit(request.url).netloc != urlsplit(live_server.url).netloc
            and elsewhere.append(request.url))

    page.goto("/api/docs/")
    expect(page.get_by_role("heading", name="Improvement Commons API")).to_be_visible()
    operation = page.locator("#operations-resources-resources_list")
    expect(operation).to_be_visible()

    # Swagger UI's "Try it out" runs a real request against the API.
    operation.locator(".opblock-summary").click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    expect(operation.locator(".response .response-col_status").first).to_have_text("200")

    assert violations(page, console) == []
    assert elsewhere == []
