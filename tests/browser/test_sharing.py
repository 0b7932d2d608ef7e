"""A participant shares a resource through /share/ and follows it on /my/contributions/."""

import re

from playwright.sync_api import expect

from resources.demo.files import make_pdf
from resources.models import ResourcePage

from .conftest import BROWSER_TEST

pytestmark = BROWSER_TEST

CLEAN_LINES = ["Huddle for the transition clinic.", "Patient: Child A, aged 14-16, seen in clinic this week."]
MRN_LINES = ["Huddle for the transition clinic.", "Patient: Jamie Rivers, MRN: 48213377", "DOB: 14/03/2015"]


def pdf(tmp_path, name, lines):
    path = tmp_path / name
    path.write_bytes(make_pdf(name.removesuffix(".pdf").replace("-", " ").capitalize(), lines))
    return path


def field(page, label):
    return page.get_by_label(label, exact=True)


def fill_shared_fields(page, title):
    field(page, "Title").fill(title)
    field(page, "Summary").fill("What a team uses before a young person's first adult clinic visit, and who helps.")
    page.get_by_role("group", name="Conditions").get_by_role("checkbox").first.check()


def submit_and_watch_the_upload(page):
    """Submits for review; returns whether the progress bar was showing, with the buttons disabled,
    while the files were on their way (seen when the request leaves, so no race with the answer)."""
    seen = []

    def look(route):
        if route.request.method == "POST":
            progress = page.locator("[data-upload-progress]")
            seen.append(
                progress.is_visible()
                and page.get_by_role("progressbar").is_visible()
                and page.get_by_role("button", name="Submit for review").is_disabled()
            )
        route.continue_()

    page.route("**/share/", look)
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_url(re.compile(r"/my/contributions/"))
    page.unroute("**/share/")
    return seen == [True]


def contribution(page, title):
    return page.locator("li.contribution").filter(has=page.get_by_role("heading", name=title, exact=True))


def test_participant_shares_a_protocol_with_two_files_and_sees_it_in_review(participant_page, tmp_path):
    page = participant_page
    page.get_by_role("link", name="Share", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Share a resource")

    # Only the fields of the chosen kind show: a tool's type at first, a protocol's scope and
    # population once "A clinical protocol" is chosen.
    expect(field(page, "Type")).to_be_visible()
    expect(field(page, "Scope")).to_be_hidden()
    page.get_by_role("radio", name=re.compile("^A clinical protocol")).check()
    expect(field(page, "Scope")).to_be_visible()
    expect(field(page, "Population")).to_be_visible()
    expect(field(page, "Type")).to_be_hidden()
    expect(field(page, "Aim")).to_be_hidden()

    # The licence: a radio list with plain-language help, the recommended one already chosen.
    licences = page.get_by_role("group", name="How may others reuse it?")
    recommended = licences.locator("label").filter(has_text="Recommended")
    expect(recommended).to_have_count(1)
    expect(recommended.get_by_role("radio")).to_be_checked()
    expect(recommended).to_contain_text("Others may adapt it")
    share_alike = licences.locator("label").filter(has_text="Creative Commons Attribution Share Alike 4.0")
    expect(share_alike).to_contain_text("must share their version under the same licence")
    share_alike.get_by_role("radio").check()
    expect(recommended.get_by_role("radio")).not_to_be_checked()

    title = "Transition huddle protocol for IBD and JIA clinics"
    fill_shared_fields(page, title)
    field(page, "Scope").fill("The weekly huddle before transition visits; not the visits themselves.")
    field(page, "Population").fill("Young people aged 14 to 18 with IBD or JIA moving to adult care.")
    page.get_by_label("Files").set_input_files([
        pdf(tmp_path, "huddle-protocol.pdf", CLEAN_LINES),
        pdf(tmp_path, "huddle-checklist.pdf", ["Before the huddle: list the young people seen next week."]),
    ])

    assert submit_and_watch_the_upload(page), "the upload progress did not show while sending"

    expect(page.get_by_role("heading", level=1)).to_have_text("Your contributions")
    expect(page.get_by_role("status").filter(has_text="is with the reviewers")).to_contain_text(title)
    item = contribution(page, title)
    expect(item).to_be_visible()
    expect(item.locator(".status")).to_have_text("In review")
    expect(item).to_contain_text("Protocol")

    shared = ResourcePage.objects.get(title=title).specific
    assert shared.owner.username == "grace.lin" and not shared.live
    assert shared.licence.spdx_id == "CC-BY-SA-4.0"


def test_a_file_with_patient_details_comes_back_with_the_findings(participant_page, tmp_path):
    page = participant_page
    page.goto("/share/")
    title = "Pre-transition huddle sheet"
    fill_shared_fields(page, title)
    field(page, "Type").select_option(label="Checklist")  # a tool's type is asked for
    page.get_by_label("Files").set_input_files([
        pdf(tmp_path, "huddle-notes.pdf", CLEAN_LINES),
        pdf(tmp_path, "huddle-sheet.pdf", MRN_LINES),
    ])

    assert submit_and_watch_the_upload(page), "the upload progress did not show while sending"

    item = contribution(page, title)
    expect(item.locator(".status")).to_have_text("Changes requested")
    findings = item.locator(".findings li")
    heading = re.compile(r"The automatic check found \d+ things? to fix")
    expect(item.get_by_role("heading", name=heading)).to_be_visible()
    expect(findings.filter(has_text="medical record")).not_to_have_count(0)
    expect(findings.filter(has_text="date of birth")).not_to_have_count(0)
    expect(findings.filter(has_text="huddle-sheet.pdf")).not_to_have_count(0)
    expect(findings.filter(has_text="huddle-notes.pdf")).to_have_count(0)
    expect(item).not_to_contain_text("48213377")  # findings never repeat the identifier
    expect(item.get_by_role("link", name="Edit and resubmit")).to_be_visible()


def test_a_form_error_comes_back_in_place_and_nothing_is_saved(participant_page):
    page = participant_page
    page.goto("/share/")
    pages_before = ResourcePage.objects.count()
    page.get_by_role("radio", name=re.compile("^A clinical protocol")).check()
    summary = "A protocol without a name yet."
    field(page, "Summary").fill(summary)
    field(page, "Scope").fill("Everything about the huddle.")
    field(page, "Population").fill("Young people moving to adult care.")
    page.get_by_role("button", name="Submit for review").click()

    # The errors come back on the same page, announced and focused; what was typed is kept.
    errors = page.get_by_role("alert")
    expect(errors).to_be_focused()
    expect(errors).to_contain_text("Please check 1 field")
    expect(errors).to_contain_text("Nothing has been saved yet")
    expect(page).to_have_url(re.compile(r"/share/$"))
    title = field(page, "Title")
    expect(page.locator(".field--error").filter(has=title)).to_contain_text("This field is required.")
    expect(field(page, "Summary")).to_have_value(summary)
    # The returned form works like the first one: still a protocol, with its fields only.
    expect(page.get_by_role("radio", name=re.compile("^A clinical protocol"))).to_be_checked()
    expect(field(page, "Scope")).to_have_value("Everything about the huddle.")
    expect(field(page, "Type")).to_be_hidden()
    expect(page.get_by_role("button", name="Submit for review")).to_be_enabled()

    assert ResourcePage.objects.count() == pages_before

    # Fixed, it goes through.
    title.fill("Transition readiness huddle protocol")
    page.get_by_role("button", name="Save as draft").click()
    expect(page).to_have_url(re.compile(r"/my/contributions/"))
    expect(contribution(page, "Transition readiness huddle protocol").locator(".status")).to_have_text("Draft")
