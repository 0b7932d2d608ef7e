"""``manage.py import_resources``: a manifest of resources with files on disk, checked whole before
anything is written, imported as drafts in the review workflow or, by an editor, published."""

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.documents import get_document_model
from wagtail.models import Page, WorkflowState

from resources.demo.files import make_docx, make_pdf
from resources.models import ImportedResource, Release, ReleaseFile, ResourcePage, ToolPage

EXAMPLE = Path(settings.BASE_DIR) / "docs" / "examples" / "import"
CLEAN_LINES = ["Huddle for the transition clinic.", "Patient: Child A, aged 14-16, seen in clinic this week."]
HEADER = "id,kind,title,summary,conditions,resource_type,licence,files"


def run(manifest, username="grace.lin", *args):
    """The command's output, and the error it ended with (None when it succeeded)."""
    out = io.StringIO()
    try:
        call_command("import_resources", str(manifest), "--as", username, "--quiet", *args, stdout=out)
    except CommandError as error:
        return out.getvalue(), str(error)
    return out.getvalue(), None


def media_files():
    root = Path(settings.MEDIA_ROOT)
    return sorted(str(path) for path in root.rglob("*") if path.is_file())


def counts():
    return {
        "pages": Page.objects.count(),
        "releases": Release.objects.count(),
        "release files": ReleaseFile.objects.count(),
        "documents": get_document_model().objects.count(),
        "imported": ImportedResource.objects.count(),
        "workflows": WorkflowState.objects.count(),
        "files on disk": len(media_files()),
    }


def imported(external_id):
    return ImportedResource.objects.get(external_id=external_id).resource.specific


def tool_row(external_id="drive/huddle", title="Transition huddle sheet", files="huddle.pdf", **overrides):
    values = {
        "id": external_id, "kind": "tool", "title": title,
        "summary": "A one-page sheet the team fills in before a young person's transition visit.",
        "conditions": "ibd", "resource_type": "checklist", "licence": "CC-BY-4.0", "files": files,
    }
    values.update(overrides)
    return values


def write_csv(path, rows, header=HEADER):
    import csv

    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, header.split(","))
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
    return path


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "huddle.pdf").write_bytes(make_pdf("Transition huddle sheet", CLEAN_LINES))
    return tmp_path


# The shipped example -------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("manifest", ["manifest.csv", "manifest.jsonl"])
def test_the_shipped_example_imports_as_drafts_in_the_review_workflow(manifest):
    before = counts()
    output, error = run(EXAMPLE / manifest)
    assert error is None
    assert "3 rows: 3 resources created, 0 updated (submitted for review), 0 unchanged." in output
    assert counts()["pages"] == before["pages"] + 3

    plan = imported("shared-drive/ibd/flare-action-plan")
    assert isinstance(plan, ToolPage) and not plan.live
    assert plan.owner.username == "grace.lin"
    assert plan.title == "IBD flare action plan for families"
    assert [c.slug for c in plan.conditions.all()] == ["ibd"]
    assert plan.resource_type.slug == "handout" and plan.phase == "implement"
    assert plan.licence.spdx_id == "CC-BY-NC-4.0"
    assert {tag.name for tag in plan.tags.all()} == {"self-management", "flare", "action plan", "family education"}
    assert [(link.contributor.user.username, link.role) for link in plan.contributor_links.all()][:2] == [
        ("grace.lin", "author"), ("jonah.price", "author")
    ]
    assert plan.body[0].block_type == "heading"
    # Its files wait as release 1.1 for the review to publish them; screening passed, reviewers have it.
    release = plan.releases.get()
    assert (release.label, release.is_published) == ("1.1", False)
    assert [f.filename for f in release.files.all()] == ["ibd-flare-action-plan-v1-1.pdf"]
    state = plan.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Review"

    package = imported("shared-drive/ibd/steroid-free-remission")
    assert package.specific_class.__name__ == "ChangePackagePage" and package.aim
    assert sorted(f.filename for f in package.releases.get().files.all()) == [
        "ibd-ssfr-change-package-v2-0.pdf", "ibd-ssfr-measure-definitions.xlsx"
    ]
    protocol = imported("shared-drive/ibd/anaemia-protocol")
    assert protocol.scope and protocol.population


@pytest.mark.django_db
def test_running_the_same_manifest_again_updates_rather_than_duplicates(folder, client):
    write_csv(folder / "m.csv", [tool_row()])
    assert run(folder / "m.csv")[1] is None
    page = imported("drive/huddle")
    before, revisions = counts(), page.revisions.count()

    # The same rows again (and the same rows as JSON Lines): nothing to do.
    output, error = run(folder / "m.csv")
    assert error is None and "0 resources created, 0 updated (submitted for review), 1 unchanged." in output
    row = tool_row(conditions=["ibd"], files=["huddle.pdf"])
    (folder / "m.jsonl").write_text(json.dumps(row) + "\n")
    output, error = run(folder / "m.jsonl")
    assert error is None and "1 unchanged" in output
    assert counts() == before and page.revisions.count() == revisions

    # A changed summary and a new file: the same resource, a new revision, its waiting files replaced.
    (folder / "huddle-v2.pdf").write_bytes(make_pdf("Huddle sheet, second edition", CLEAN_LINES))
    write_csv(folder / "m.csv", [tool_row(summary="The huddle sheet, now with a line for the school nurse.",
                                          files="huddle-v2.pdf")])
    output, error = run(folder / "m.csv")
    assert error is None and "0 resources created, 1 updated" in output
    page = imported("drive/huddle")
    assert ResourcePage.objects.filter(title="Transition huddle sheet").count() == 1
    assert page.get_latest_revision_as_object().summary.startswith("The huddle sheet, now")
    assert [f.filename for f in page.releases.get().files.all()] == ["huddle-v2.pdf"]
    assert counts()["documents"] == before["documents"]


@pytest.mark.django_db
def test_an_editor_publishes_directly(folder, client):
    write_csv(folder / "m.csv", [tool_row()])
    output, error = run(folder / "m.csv", "marcus.webb", "--publish")
    assert error is None and "1 resources created, 0 updated (published)" in output
    page = imported("drive/huddle")
    assert page.live and page.current_workflow_state is None
    release = page.releases.get()
    assert release.is_published and release.files.get().sha256
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Transition huddle sheet" in response.content.decode()
    assert "huddle.pdf" in response.content.decode()


@pytest.mark.django_db
def test_a_published_release_never_changes_new_files_make_a_new_release(folder):
    header = HEADER + ",release,release_notes"
    write_csv(folder / "m.csv", [tool_row(release="1.0")], header=header)
    assert run(folder / "m.csv", "marcus.webb", "--publish")[1] is None
    (folder / "huddle.pdf").write_bytes(make_pdf("Huddle sheet, revised", CLEAN_LINES))
    before = counts()
    output, error = run(folder / "m.csv", "marcus.webb", "--publish")
    assert "line 2: release: 1.0 of “Transition huddle sheet” is published and its files cannot change. Give the " \
        "new files a new version in “release”." in output
    assert counts() == before

    write_csv(folder / "m.csv", [tool_row(release="1.1")], header=header)
    output, error = run(folder / "m.csv", "marcus.webb", "--publish")
    assert "line 2: release_notes: Say what changed in these files, for the people who already use it." in output
    write_csv(folder / "m.csv", [tool_row(release="1.1", release_notes="Revised wording.")], header=header)
    output, error = run(folder / "m.csv", "marcus.webb", "--publish")
    assert error is None and "0 resources created, 1 updated (published)" in output
    page = imported("drive/huddle")
    assert [(r.label, r.is_published) for r in page.releases.order_by("pk")] == [("1.0", True), ("1.1", True)]
    assert page.releases.get(label="1.1").change_notes == "Revised wording."


@pytest.mark.django_db
def test_a_participant_may_not_publish(folder):
    write_csv(folder / "m.csv", [tool_row()])
    before = counts()
    output, error = run(folder / "m.csv", "grace.lin", "--publish")
    assert "1 problem" in error and "nothing was imported" in error
    assert "line 2: grace.lin may not publish resources in the library. Without --publish, they are submitted for " \
        "review." in output
    assert counts() == before


@pytest.mark.django_db
def test_publishing_is_refused_for_health_information_and_nothing_is_written(folder):
    (folder / "mrn.pdf").write_bytes(make_pdf("Huddle", ["Patient: Jamie Rivers, MRN: 48213377", "DOB: 14/03/2015"]))
    write_csv(folder / "m.csv", [tool_row(), tool_row("drive/mrn", "Huddle with a record number", "mrn.pdf")])
    before = counts()
    output, error = run(folder / "m.csv", "marcus.webb", "--publish")
    assert error is not None
    assert "line 3: not publishable:" in output and "mrn.pdf" in output
    assert "line 2" not in output
    assert counts() == before


@pytest.mark.django_db
def test_a_user_who_may_not_change_an_imported_resource_is_told(folder):
    write_csv(folder / "m.csv", [tool_row()])
    run(folder / "m.csv")
    before = counts()
    output, error = run(folder / "m.csv", "tom.alvarez")
    assert "line 2: tom.alvarez may not change “Transition huddle sheet”." in output
    assert counts() == before


# A malformed manifest changes nothing and reports every problem with its line ------------------


def make_bomb(declared_mb, member="word/document.xml"):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open(member, "w") as stream:
            for _ in range(declared_mb):
                stream.write(b"\0" * (1024 * 1024))
    return out.getvalue()


@pytest.mark.django_db
def test_a_malformed_manifest_changes_nothing_and_reports_every_problem(folder):
    (folder / "notes.docx").write_bytes(make_docx("Notes", ["Plain notes for the team."]))
    (folder / "disguised.pdf").write_bytes(b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200)  # a Windows program
    (folder / "bomb.docx").write_bytes(make_bomb(20))
    shutil.copy(folder / "huddle.pdf", folder / "good.pdf")
    rows = [
        tool_row("drive/good", files="good.pdf"),  # line 2: fine on its own, still not written
        tool_row("", "No id"),  # 3
        tool_row("drive/vocab", conditions="ibd;gout", resource_type="poster", licence="WTFPL"),  # 4
        tool_row("drive/missing", files="nowhere.pdf;notes.docx"),  # 5
        tool_row("drive/disguised", files="disguised.pdf"),  # 6
        tool_row("drive/bomb", files="bomb.docx"),  # 7
        tool_row("drive/good", "Second with the same id"),  # 8
        tool_row("drive/no-summary", summary="", kind="leaflet"),  # 9
        tool_row("drive/change", kind="change package", title="A package without an aim"),  # 10
    ]
    write_csv(folder / "m.csv", rows)
    with (folder / "m.csv").open("a", encoding="utf-8") as out:
        out.write("drive/short,tool,Too few cells\n")  # 11
    before, files_before = counts(), media_files()

    output, error = run(folder / "m.csv")

    assert error == f"12 problems in {folder / 'm.csv'}: nothing was imported. Fix them and run the import again."
    assert counts() == before and media_files() == files_before
    lines = output.splitlines()

    def problems_on(number):
        return [line for line in lines if line.startswith(f"line {number}:")]

    assert problems_on(2) == []
    assert problems_on(3) == ["line 3: id: missing. Every row needs a stable id of its own (e.g. the source system's "
                              "id), so that importing the manifest again updates it."]
    vocabulary = " ".join(problems_on(4))
    assert "conditions: unknown condition “gout”. Known: " in vocabulary and "ibd" in vocabulary
    assert "resource_type: unknown resource type “poster”. Known: " in vocabulary and "checklist" in vocabulary
    assert "licence: unknown licence “WTFPL”. Known: " in vocabulary and "CC-BY-4.0" in vocabulary
    assert len(problems_on(4)) == 3
    assert problems_on(5) == [f"line 5: files: nowhere.pdf does not exist (looked for {folder / 'nowhere.pdf'})."]
    assert len(problems_on(6)) == 1 and "disguised.pdf" in problems_on(6)[0]
    assert len(problems_on(7)) == 1 and "compressed" in problems_on(7)[0] and "bomb.docx" in problems_on(7)[0]
    assert problems_on(8) == ["line 8: id: “drive/good” is also the id on line 2; each resource has an id of its own."]
    no_summary = " ".join(problems_on(9))
    assert "kind: unknown kind “leaflet”. Known: change package, protocol, tool." in no_summary
    assert "summary: This field is required." in no_summary and len(problems_on(9)) == 2
    assert problems_on(10) == ["line 10: aim: A change package needs an aim: what will improve, for whom, by when."]
    assert problems_on(11) == ["line 11: 3 cells where the header has 8 columns."]
    assert not ResourcePage.objects.filter(title="Transition huddle sheet").exists()


@pytest.mark.django_db
def test_a_manifest_that_is_not_utf8_or_not_json_changes_nothing(folder):
    good = json.dumps(tool_row(files=["huddle.pdf"]))
    (folder / "m.jsonl").write_bytes(
        good.encode() + b"\n" + '{"id": "drive/latin", "title": "Caf\xe9 huddle"}'.encode("latin-1") + b"\n"
    )
    before = counts()
    output, error = run(folder / "m.jsonl")
    assert "line 2: not UTF-8 (byte 0xe9 at character" in output and error is not None
    assert counts() == before

    (folder / "m.jsonl").write_text(good + "\n" + '{"id": "drive/broken", "title": \n' + '["a list"]\n')
    output, error = run(folder / "m.jsonl")
    assert "line 2: not valid JSON (Expecting value at character 33)." in output
    assert "line 3: each line is one JSON object" in output
    assert counts() == before


@pytest.mark.django_db
def test_unknown_columns_and_a_manifest_of_another_kind_are_refused(folder):
    write_csv(folder / "m.csv", [{**tool_row(), "colour": "blue"}], header=HEADER + ",colour")
    output, error = run(folder / "m.csv")
    assert "line 1: unknown column 'colour'. The columns are: id, kind, title," in output
    (folder / "m.xlsx").write_bytes(b"PK")
    output, error = run(folder / "m.xlsx")
    assert "m.xlsx: a manifest is a CSV or JSON Lines file, named .csv, .jsonl, .ndjson." in output


@pytest.mark.django_db
def test_importing_as_nobody_is_refused(folder):
    write_csv(folder / "m.csv", [tool_row()])
    with pytest.raises(CommandError, match="There is no active user “nobody”"):
        call_command("import_resources", str(folder / "m.csv"), "--as", "nobody")
