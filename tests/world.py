"""The records the route sweep and the permission matrix act on: a participant's draft whose title,
body, tag and file carry one unusual word, a published resource with a published release, a
network-only one, a pending reuse request, two administrators, a picture and a network admin's
pending invitation of another network admin.

Grace Lin (participant A) owns the draft; Tom Alvarez (participant B) is the stranger to it."""

from datetime import timedelta
from io import BytesIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection

from contributors.models import Invitation, Organisation
from contributors.roles import NETWORK_ADMINS
from resources.models import Adoption, Release, ReleaseFile, ResourcePage, ReuseRequest

from .builders import make_change_package, make_document, make_series, make_tool

SECRET = "zebrafinch"
ROLES = {
    "anonymous": None,
    "participant A": "grace.lin",
    "participant B": "tom.alvarez",
    "reviewer": "samuel.okafor",
    "editor": "marcus.webb",
    "network admin": "olivia.chen",
    "superuser": "root",
}
SIGNED_IN = set(ROLES) - {"anonymous"}
WHO_MAY_EDIT_GRACES_DRAFT = {"participant A", "reviewer", "editor", "network admin", "superuser"}


def png_bytes(size=(8, 8)):
    buffer = BytesIO()
    Image.new("RGB", size, "white").save(buffer, "PNG")
    return buffer.getvalue()


def build_world():
    User = get_user_model()
    root = User.objects.create_superuser("root", "root@example.org", "improve-together")
    other_root = User.objects.create_superuser("second.root", "second.root@example.org", "improve-together")
    draft = make_tool(f"{SECRET.title()} sleep diary", live=False, owner="grace.lin", tags=[f"{SECRET}-tag"])
    draft_release = Release.objects.create(resource=draft, label="1.0", change_notes=f"First {SECRET} release.")
    draft_document = make_document(f"{SECRET} diary sheet", f"The {SECRET} diary sheet.", "diary-sheet.pdf")
    ReleaseFile.objects.create(release=draft_release, document=draft_document)

    published = make_tool("Transition readiness checklist", owner="grace.lin", releases=1)
    published_release = published.releases.published().get()
    linked_document = make_document("Readiness sheet", "The readiness sheet.", "readiness-sheet.pdf")
    linked_document.uploaded_by_user = published.owner
    linked_document.save()
    published.body = [("document", {"document": linked_document, "title": ""})]
    published.save_revision(user=published.owner).publish()
    network_only = ResourcePage.objects.live().filter(licence__network_only=True).exclude(releases=None).order_by("pk")
    network_only_release = Release.objects.published().filter(resource__in=network_only).order_by("pk").first()

    image = get_image_model()(title="Clinic photo", collection=Collection.get_first_root_node())
    image.file.save("photo.png", ImageFile(BytesIO(png_bytes()), name="photo.png"), save=False)
    image.save()

    reuse_request = ReuseRequest.objects.create(
        resource=published, requester=User.objects.get(username="tom.alvarez"), purpose="For our clinic."
    )
    # A network admin's invitation of another network admin, still pending: editors may see it
    # listed but neither revoke nor resend it (contributors/grants.py).
    invitation = Invitation.objects.create(
        email="incoming.admin@example.org", organisation=Organisation.objects.order_by("pk").first(),
        role=Group.objects.get(name=NETWORK_ADMINS), invited_by=User.objects.get(username="olivia.chen"),
        expires_at=timezone.now() + timedelta(days=14), token_hash="0" * 64,
    )
    # Grace's centre uses the published tool (Samuel, the reviewer, works there too), and marked the
    # draft before it was withdrawn: nobody may reach that mark now.
    grace = User.objects.get(username="grace.lin")
    centre = grace.contributor_profile.organisation
    started = timezone.localdate() - timedelta(days=100)
    adoption = Adoption.objects.create(resource=published, organisation=centre, marked_by=grace, started_on=started)
    draft_adoption = Adoption.objects.create(resource=draft, organisation=centre, marked_by=grace, started_on=started)
    # Grace's centre's data series, one of a live package (the network sees it) and one of a draft
    # package, titled with the secret word: nobody but the centre and editors may see that one.
    northfield = Organisation.objects.get(slug="northfield-childrens")
    package = make_change_package("Clinic flow change package")
    series = make_series(package.measures.get(), organisation=northfield, title="Northfield clinic flow")
    draft_package = make_change_package(f"{SECRET.title()} change package", live=False)
    draft_series = make_series(draft_package.measures.get(), organisation=northfield, title=f"{SECRET.title()} series")
    draft_series_note = draft_series.annotations.create(date=draft_series.points.first().period, text="Huddles began.")
    return {
        "adoption": adoption,
        "draft_adoption": draft_adoption,
        "series": series,
        "draft_series": draft_series,
        "draft_series_note": draft_series_note,
        "invitation": invitation,
        "root": root,
        "other_root": other_root,
        "draft": draft,
        "draft_release": draft_release,
        "draft_document": draft_document,
        "published": published,
        "published_release": published_release,
        "published_file": published_release.files.get(),
        "linked_document": linked_document,
        "network_only_release": network_only_release,
        "image": image,
        "reuse_request": reuse_request,
    }
