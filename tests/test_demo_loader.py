"""The demo network: big enough to try every page with, real files, and safe to load again."""

import io
import re
import zipfile

import docx
import openpyxl
import pypdf
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission, Page, PageViewRestriction, Revision

from contributors.models import ContributorProfile, Organisation, OrganisationKind
from contributors.roles import ROLE_GROUPS
from resources.models import (
    ChangePackagePage,
    CollectionItem,
    CollectionPage,
    Condition,
    Licence,
    ProtocolPage,
    Release,
    ReleaseFile,
    ResourcePage,
    ToolPage,
)

pytestmark = pytest.mark.django_db


def load_demo():
    call_command("load_demo", verbosity=0, stdout=io.StringIO())


def counts():
    return {
        "pages": Page.objects.count(),
        "resources": ResourcePage.objects.count(),
        "live resources": ResourcePage.objects.live().count(),
        "revisions": Revision.objects.count(),
        "releases": Release.objects.count(),
        "release files": ReleaseFile.objects.count(),
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
        "contributors": ContributorProfile.objects.count(),
        "organisations": Organisation.objects.count(),
        "licences": Licence.objects.count(),
        "conditions": Condition.objects.count(),
        "collections": CollectionPage.objects.count(),
        "collection items": CollectionItem.objects.count(),
        "groups": Group.objects.count(),
        "page permissions": GroupPagePermission.objects.count(),
        "view restrictions": PageViewRestriction.objects.count(),
    }


def test_loading_again_changes_nothing():
    before = counts()
    load_demo()
    assert counts() == before


def test_loading_again_keeps_what_people_edited():
    page = ResourcePage.objects.get(slug="ibd-pre-visit-planning-checklist").specific
    page.title = "Pre-visit planning checklist for IBD clinic (Northfield edition)"
    page.save_revision().publish()
    assert ResourcePage.objects.get(pk=page.pk).title == page.title
    organisation = Organisation.objects.get(slug="prairie-childrens")
    organisation.description = "Rewritten by the centre's own team."
    organisation.save()
    user = get_user_model().objects.get(username="grace.lin")
    user.groups.clear()

    load_demo()

    assert ResourcePage.objects.get(pk=page.pk).title == page.title
    assert Organisation.objects.get(pk=organisation.pk).description == "Rewritten by the centre's own team."
    assert not user.groups.exists()  # an admin's decision is not undone by a reload
    assert ResourcePage.objects.filter(slug="ibd-pre-visit-planning-checklist").count() == 1


def test_enough_resources_of_every_type():
    assert ResourcePage.objects.live().count() >= 60
    for model in (ToolPage, ChangePackagePage, ProtocolPage):
        assert model.objects.live().count() >= 5, model.__name__
    # Every published resource is fully described: type, licence, condition and at least one
    # release. (The demo's contributions still in review are drafts: test_demo_contributions.)
    published = ResourcePage.objects.live()
    assert not published.filter(resource_type__isnull=True).exists()
    assert not published.filter(licence__isnull=True).exists()
    assert not published.filter(conditions__isnull=True).exists()
    assert not published.filter(releases__isnull=True).exists()


def test_demo_contributions_show_each_side_of_the_review():
    from wagtail.models import WorkflowState

    from resources.models import ReuseRequest

    in_review = ToolPage.objects.get(slug="transition-clinic-huddle-card")
    assert in_review.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert in_review.current_workflow_task.name == "Review"
    assert in_review.releases.get().files.count() == 1 and not in_review.releases.get().is_published
    returned = ToolPage.objects.get(slug="infusion-day-welcome-letter")
    assert returned.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert "reading age" in returned.current_workflow_state.current_task_state.comment
    assert ReuseRequest.objects.pending().filter(requester__username="amara.nwosu").count() == 1


def test_conditions_centres_people_and_roles():
    assert Condition.objects.count() == 4
    for condition in Condition.objects.all():
        assert condition.network_name and condition.resources.count() >= 10
    assert Organisation.objects.filter(kind=OrganisationKind.CARE_CENTRE).count() >= 12
    for name in ROLE_GROUPS:
        assert get_user_model().objects.filter(groups__name=name).exists(), name
    assert not get_user_model().objects.filter(is_superuser=True).exists()


def test_adaptation_chains_and_collections():
    adapted = ResourcePage.objects.filter(adapted_from__isnull=False)
    assert adapted.count() >= 5
    # At least one chain is two steps long: an adaptation of an adaptation.
    assert adapted.filter(adapted_from__adapted_from__isnull=False).exists()
    collections = CollectionPage.objects.live()
    assert collections.count() == 3
    for collection in collections:
        assert collection.items.count() >= 3
        assert all(item.note for item in collection.items.all())


def test_a_change_package_has_a_full_key_driver_diagram():
    def complete(package):
        drivers = list(package.drivers)
        return len(drivers) >= 3 and all(
            primary.value["secondary_drivers"]
            and all(secondary["change_ideas"] for secondary in primary.value["secondary_drivers"])
            for primary in drivers
        )

    packages = [package for package in ChangePackagePage.objects.live() if complete(package)]
    assert packages
    package = packages[0]
    assert package.measures.filter(kind="outcome").exists() and package.measures.filter(kind="process").exists()
    assert any(idea["tool"] is not None for idea in package.change_ideas())


def extract_text(release_file):
    """The text of a release file, read with the library for its format."""
    with release_file.document.file.open("rb") as handle:
        data = handle.read()
    extension = release_file.document.filename.rsplit(".", 1)[-1].lower()
    if extension == "pdf":
        assert data.startswith(b"%PDF-")
        return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    assert zipfile.is_zipfile(io.BytesIO(data)), release_file.document.filename
    if extension == "docx":
        return "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(data)).paragraphs)
    assert extension == "xlsx", release_file.document.filename
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    lines = []
    for sheet in workbook.worksheets:
        lines.append(sheet.title)
        lines += [" ".join(str(cell) for cell in row if cell is not None) for row in sheet.iter_rows(values_only=True)]
    return "\n".join(lines)


def words(text):
    return set(re.findall(r"[a-z]{6,}", text.lower()))


def test_release_files_are_real_documents_about_their_resource():
    files = ReleaseFile.objects.filter(release__published_at__isnull=False).select_related(
        "document", "release__resource"
    )
    extensions = set()
    for release_file in files:
        extension = release_file.document.filename.rsplit(".", 1)[-1].lower()
        extensions.add(extension)
        text = extract_text(release_file)
        resource = release_file.release.resource
        assert release_file.title[:31] in text, release_file.document.filename
        shared = words(text) & words(f"{resource.title} {resource.summary}")
        assert shared, f"{release_file.document.filename} says nothing about “{resource.title}”"
        assert len(text.split()) >= 10
        assert release_file.sha256 == release_file.compute_sha256()
    assert extensions == {"pdf", "docx", "xlsx"}
