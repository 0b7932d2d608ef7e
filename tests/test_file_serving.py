"""Files are served only to the people who may download them, through every URL that serves
them: Wagtail's /documents/<id>/<name>, a release's /releases/<id>/files/<id>/<name>, and never
the storage folder /media/documents/ (under DEBUG as well). Image renditions, and only they, are
served at /media/images/ in every setting, so cover images load without exposing anything else."""

import datetime
import importlib
import io
import re
import sys
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import clear_url_caches, reverse
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, ReferenceIndex
from wagtail.users.models import UserProfile

from resources.demo.files import make_cover_image, make_pdf
from resources.models import Licence, Release, ReleaseFile, ToolPage

from .builders import make_tool
from .conftest import login
from .test_settings import production_key, run

pytestmark = pytest.mark.django_db

PEOPLE = {
    "anonymous": None,
    "owner": "grace.lin",  # the participant who uploaded the file and owns the resource
    "other participant": "tom.alvarez",
    "reviewer": "samuel.okafor",
    "editor": "marcus.webb",
}
SERVED, NOT_FOUND, SIGN_IN = "served", "not found", "sign-in"


def user(username):
    return get_user_model().objects.get(username=username)


def upload(title, uploader="grace.lin", collection=None):
    """A PDF uploaded through the admin by ``uploader``: a document of its own, in no release."""
    document = get_document_model()(
        title=title,
        collection=collection or Collection.get_first_root_node(),
        uploaded_by_user=user(uploader),
    )
    document.file.save(
        f"{title.lower().replace(' ', '-')}.pdf", ContentFile(make_pdf(title, [f"{title}."])), save=False
    )
    document.save()
    return document


def release_with(page, document, publish=True):
    release = Release.objects.create(
        resource=page, label="1.0", release_date=datetime.date(2026, 3, 1), change_notes="First release."
    )
    release_file = ReleaseFile.objects.create(release=release, document=document)
    if publish:
        release.publish()
    return release_file


def link_from_body(page, document, publish=True):
    """The page's body links the document, as an editor choosing it in the admin does."""
    page.body = [("document", {"document": document, "title": ""})]
    revision = page.save_revision(user=page.owner)
    if publish:
        revision.publish()
    return page


def private_collection():
    """A collection only editors may open (Wagtail's "Privacy" setting on a collection)."""
    collection = Collection.get_first_root_node().add_child(name="Editors only")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name="Editors")])
    return collection


# Each kind of file: how it is made, and who gets it through /documents/ and through its release
# URL (None: it has no release URL).


def public_release_file():
    return release_with(make_tool("Huddle card"), upload("Huddle card file"))


def network_only_release_file():
    page = make_tool("Members huddle card", licence=Licence.objects.get(network_only=True))
    assert page.get_view_restrictions().exists()
    return release_with(page, upload("Members huddle card file"))


def draft_release_file():
    return release_with(make_tool("Huddle card"), upload("Draft release file"), publish=False)


def unlinked_upload():
    return upload("Unlinked upload")


def linked_from_a_live_public_page():
    document = upload("Linked handout")
    link_from_body(make_tool("Huddle card"), document)
    return document


def linked_only_from_a_draft():
    """The live page does not link it; only its unpublished draft does."""
    document = upload("Draft handout")
    page = link_from_body(make_tool("Huddle card"), document, publish=False)
    assert ToolPage.objects.get(pk=page.pk).has_unpublished_changes
    return document


def published_release_file_in_a_private_collection():
    return release_with(make_tool("Huddle card"), upload("Private file", collection=private_collection()))


EVERYONE = dict.fromkeys(PEOPLE, SERVED)
MEMBERS = {**EVERYONE, "anonymous": NOT_FOUND}
WORKERS = {
    "anonymous": NOT_FOUND,
    "owner": SERVED,
    "other participant": NOT_FOUND,
    "reviewer": SERVED,
    "editor": SERVED,
}
UPLOADER_AND_EDITORS = {**WORKERS, "reviewer": NOT_FOUND}
NOBODY = dict.fromkeys(PEOPLE, NOT_FOUND)
EDITORS_ONLY = {**dict.fromkeys(PEOPLE, SIGN_IN), "editor": SERVED}

KINDS = {
    "public release": (public_release_file, EVERYONE, EVERYONE),
    "network-only release": (network_only_release_file, MEMBERS, MEMBERS),
    # Reviewers and editors open the files of a contribution in review; the release URL exists
    # only once the release is published.
    "draft release": (draft_release_file, WORKERS, NOBODY),
    "unlinked upload": (unlinked_upload, UPLOADER_AND_EDITORS, None),
    "linked from a live public page": (linked_from_a_live_public_page, EVERYONE, None),
    "linked only from a draft": (linked_only_from_a_draft, UPLOADER_AND_EDITORS, None),
    "private collection": (published_release_file_in_a_private_collection, EDITORS_ONLY, EDITORS_ONLY),
}


def outcome(response, document):
    """What the visitor got: the file's bytes, a "not found" page or Wagtail's sign-in redirect."""
    with document.file.open("rb") as handle:
        stored = handle.read()
    if response.status_code == 200:
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert body == stored
        assert response["X-Content-Type-Options"] == "nosniff"
        return SERVED
    body = b"" if response.streaming else response.content
    assert stored not in body
    if response.status_code == 302 and response["Location"].startswith("/accounts/login/?next="):
        return SIGN_IN
    assert response.status_code == 404, response.status_code
    return NOT_FOUND


@pytest.mark.parametrize("person", PEOPLE)
@pytest.mark.parametrize("kind", KINDS)
def test_who_gets_each_kind_of_file_through_each_url(client, kind, person):
    make, through_documents, through_release = KINDS[kind]
    made = make()
    release_file = made if isinstance(made, ReleaseFile) else None
    document = release_file.document if release_file else made
    login(client, PEOPLE[person])

    documents_url = reverse("wagtaildocs_serve", args=[document.pk, document.filename])
    assert outcome(client.get(documents_url), document) == through_documents[person]
    if release_file is not None:
        assert outcome(client.get(release_file.get_absolute_url()), document) == through_release[person]
    # The storage folder itself never serves a document, whoever asks.
    assert document.file.url.startswith("/media/documents/")
    assert outcome(client.get(document.file.url), document) == NOT_FOUND


def test_a_sign_in_redirect_comes_back_to_the_release_file(client):
    """An anonymous visitor asking for a file in a private collection through its release URL
    is sent to sign in, and back to the same URL."""
    release_file = published_release_file_in_a_private_collection()
    response = client.get(release_file.get_absolute_url())
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == "/accounts/login/"
    assert parse_qs(location.query)["next"] == [release_file.get_absolute_url()]


def test_a_draft_link_is_not_in_the_reference_index_but_the_live_one_is(client):
    """Wagtail indexes references from the page row (the live content of a live page), never from
    revisions: that is why a link from a draft does not make a file public, and publishing does."""
    document = upload("Handout")
    page = link_from_body(make_tool("Huddle card"), document, publish=False)
    assert not ReferenceIndex.get_references_to(document).exists()
    url = reverse("wagtaildocs_serve", args=[document.pk, document.filename])
    assert client.get(url).status_code == 404

    page.get_latest_revision().publish()
    assert ReferenceIndex.get_references_to(document).filter(object_id=str(page.pk)).exists()
    assert outcome(client.get(url), document) == SERVED


def test_a_page_that_was_never_published_makes_no_file_public(client):
    """A new page's content is in its row (and so in the reference index) before it is published:
    only pages that are live count."""
    document = upload("New page handout")
    page = make_tool("Unpublished card", live=False)
    page.body = [("document", {"document": document, "title": ""})]
    page.save()
    assert ReferenceIndex.get_references_to(document).filter(object_id=str(page.pk)).exists()
    url = reverse("wagtaildocs_serve", args=[document.pk, document.filename])
    assert outcome(client.get(url), document) == NOT_FOUND
    assert outcome(login(client, "tom.alvarez").get(url), document) == NOT_FOUND
    # A reviewer may edit the page, so opens what it links.
    assert outcome(login(client, "samuel.okafor").get(url), document) == SERVED


def test_a_file_linked_from_a_network_only_page_is_for_members(client):
    document = upload("Members handout")
    link_from_body(make_tool("Members card", licence=Licence.objects.get(network_only=True)), document)
    url = reverse("wagtaildocs_serve", args=[document.pk, document.filename])
    assert outcome(client.get(url), document) == NOT_FOUND
    assert outcome(login(client, "tom.alvarez").get(url), document) == SERVED


def test_an_unpublished_page_no_longer_makes_its_files_public(client):
    document = upload("Withdrawn handout")
    page = link_from_body(make_tool("Withdrawn card"), document)
    url = reverse("wagtaildocs_serve", args=[document.pk, document.filename])
    assert outcome(client.get(url), document) == SERVED
    page.unpublish()
    assert outcome(client.get(url), document) == NOT_FOUND


# /media/ under DEBUG: the URLconf is read once, so it is reloaded with DEBUG on.


@pytest.fixture
def debug_urlconf():
    import commons_site.urls

    with override_settings(DEBUG=True):
        importlib.reload(commons_site.urls)
        clear_url_caches()
        yield
    importlib.reload(commons_site.urls)
    clear_url_caches()


@pytest.mark.parametrize("person", ["anonymous", "owner", "editor"])
def test_media_folder_serves_no_document_under_debug(client, debug_urlconf, person):
    """`make run` (DEBUG) serves draft and network-only files from /media/documents/ no more."""
    draft = draft_release_file().document
    members = network_only_release_file().document
    login(client, PEOPLE[person])
    for document in (draft, members):
        assert outcome(client.get(document.file.url), document) == NOT_FOUND


def test_media_folder_serves_no_original_image_under_debug(client, debug_urlconf):
    image = cover_image()
    assert image.file.url.startswith("/media/original_images/")
    response = client.get(image.file.url)
    assert response.status_code == 404


# Image renditions


# Wagtail caches renditions; conftest's empty_caches keeps a rolled-back test's from the next.


def cover_image(title="Cover", collection=None):
    return get_image_model().objects.create(
        title=title,
        file=ContentFile(make_cover_image(title, (42, 111, 151)), name=f"{title.lower()}.png"),
        collection=collection or Collection.get_first_root_node(),
    )


def assert_png(response):
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert Image.open(io.BytesIO(body)).format == "PNG"
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    return body


@pytest.mark.parametrize("debug", [False, True], ids=["production-like", "debug"])
def test_cover_image_on_a_public_resource_page_loads(client, debug, request):
    if debug:
        request.getfixturevalue("debug_urlconf")
    page = make_tool("Illustrated card", cover_image=cover_image())
    response = client.get(page.url)
    assert response.status_code == 200
    sources = re.findall(r'<div class="resource-header__image"><img [^>]*src="([^"]+)"', response.content.decode())
    assert len(sources) == 1 and sources[0].startswith("/media/images/")
    response = client.get(sources[0])
    assert_png(response)
    assert "max-age=31536000" in response["Cache-Control"] and "public" in response["Cache-Control"]


def test_only_renditions_are_served_from_the_images_folder(client):
    image = cover_image()
    rendition = image.get_rendition("fill-480x270")
    assert_png(client.get(rendition.url))
    # A file in the folder that is no rendition, and names that try to leave the folder.
    with open(rendition.file.path.replace(".png", ".stray.png"), "wb") as handle:
        handle.write(rendition.file.open("rb").read())
    for url in (
        rendition.url.replace(".png", ".stray.png"),
        "/media/images/../documents/" + upload("Secret").filename,
        "/media/images/%2e%2e/original_images/" + image.filename,
        "/media/images/",
    ):
        assert client.get(url).status_code == 404, url


def test_renditions_of_images_in_a_private_collection_are_for_people_who_pass_it(client):
    image = cover_image("Private cover", collection=private_collection())
    rendition = image.get_rendition("fill-480x270")
    assert client.get(rendition.url).status_code == 404
    assert client.get(rendition.url.replace("/media/", "/media/images/../")).status_code == 404
    response = login(client, "marcus.webb").get(rendition.url)
    assert_png(response)
    assert "private" in response["Cache-Control"]


PRODUCTION_RENDITION_CHECK = """
import django, io
django.setup()
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection
from resources.demo.files import make_cover_image

call_command("migrate", verbosity=0)
call_command("collectstatic", interactive=False, verbosity=0)  # the "not found" page uses static files
image = get_image_model().objects.create(
    title="Cover", file=ContentFile(make_cover_image("Cover", (42, 111, 151)), name="cover.png"),
    collection=Collection.get_first_root_node(),
)
rendition = image.get_rendition("fill-960x540")
client = Client()
response = client.get(rendition.url, secure=True)
body = b"".join(response.streaming_content)
print(rendition.url, response.status_code, response["Content-Type"], PILImage.open(io.BytesIO(body)).format)
print(image.file.url, client.get(image.file.url, secure=True).status_code)
"""


def test_cover_image_renditions_load_with_production_settings(tmp_path):
    result = run(
        [sys.executable, "-c", PRODUCTION_RENDITION_CHECK],
        SECRET_KEY=production_key(),
        ALLOWED_HOSTS="testserver",
        DATABASE_URL=f"sqlite:///{tmp_path / 'commons.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        STATIC_ROOT=str(tmp_path / "static"),
        CACHE_DIR=str(tmp_path / "cache"),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    rendition_line, original_line = result.stdout.strip().splitlines()[-2:]
    url, status, content_type, image_format = rendition_line.split()
    assert url.startswith("/media/images/cover.")
    assert (status, content_type, image_format) == ("200", "image/png", "PNG")
    assert original_line.startswith("/media/original_images/cover") and original_line.endswith(" 404")


@pytest.mark.django_db
def test_an_avatar_is_served_to_signed_in_people_only(client):
    profile = UserProfile.get_for_user(get_user_model().objects.get(username="grace.lin"))
    profile.avatar.save("grace.png", ContentFile(_avatar_png()), save=True)
    url = profile.avatar.url
    assert url.startswith("/media/avatar_images/")

    assert client.get(url).status_code == 404
    login(client, "tom.alvarez")
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == _avatar_png()
    # Only names a profile records: not other files in the folder, not other folders.
    assert client.get("/media/avatar_images/other.png").status_code == 404
    assert client.get("/media/original_images/grace.png").status_code == 404


def _avatar_png():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "navy").save(buffer, "PNG")
    return buffer.getvalue()
