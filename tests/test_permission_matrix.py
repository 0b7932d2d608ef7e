"""The permission matrix: every kind of visitor × every action that touches users, pages, documents,
images, releases and reuse requests, through the routes that reach each one.

A row names the action, who may do it, how it is done over HTTP and how to tell that it happened.
Each cell runs the action as that person on fresh records (tests/world.py) and checks the record
itself, not only the status: an action that is refused leaves everything as it was and never answers
500; an action that is allowed takes effect. Reading actions check what the person sees.
"""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Task, UploadedFile

from contributors.models import Invitation, Organisation
from contributors.roles import NETWORK_ADMINS, PARTICIPANTS
from resources.demo.files import make_pdf
from resources.models import Adoption, Licence, ProtocolPage, Release, ResourcePage, ReuseRequest

from .admin_forms import resource_form
from .conftest import login
from .world import (
    ROLES,
    SECRET,
    SIGNED_IN,
    WHO_MAY_EDIT_GRACES_DRAFT,
    build_world,
    png_bytes,
)

pytestmark = pytest.mark.django_db
User = get_user_model()
NOBODY = set()
ONLY_SUPERUSER = {"superuser"}


@dataclass
class Action:
    name: str
    allowed: set
    act: Callable  # (client, world, user) -> response
    happened: Callable  # (world, response, user) -> bool
    optional: frozenset = frozenset()  # who may or may not be shown it: either is right


def _body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def bulk_url(app_label, model_name, objects, action):
    query = urlencode({"id": [obj.pk for obj in objects]}, doseq=True)
    return reverse("wagtail_bulk_action", args=[app_label, model_name, action]) + "?" + query


def user_form(user, **changes):
    return {
        "username": user.username, "email": user.email, "first_name": user.first_name or "Root",
        "last_name": user.last_name or "Admin", "is_active": "on", "is_superuser": "on" if user.is_superuser else "",
        "groups": list(user.groups.values_list("pk", flat=True)), **changes,
    }


def fresh(obj):
    return type(obj).objects.filter(pk=obj.pk).first()


# Users. The target is an administrator who is not the one acting (``other_root``).

def _edit_admin(client, world, user):
    target = world["other_root"]
    return client.post(reverse("wagtailusers_users:edit", args=[target.pk]), user_form(target, first_name="Changed"))


def _copy_admin(client, world, user):
    target = world["other_root"]
    return client.post(
        reverse("wagtailusers_users:copy", args=[target.pk]),
        user_form(target, username="copy.of.root", email="copy@example.org", password1="improve-together-2026",
                  password2="improve-together-2026"),
    )


def _copy_self_as_admin(client, world, user):
    me = user or world["root"]
    return client.post(
        reverse("wagtailusers_users:copy", args=[me.pk]),
        user_form(me, username="my.twin", email="twin@example.org", is_superuser="on",
                  password1="improve-together-2026", password2="improve-together-2026"),
    )


def _non_admin_became_admin(world, response, user):
    twin = User.objects.filter(username="my.twin", is_superuser=True).exists()
    self_promoted = User.objects.filter(is_superuser=True).exclude(pk__in=[world["root"].pk, world["other_root"].pk])
    return twin or self_promoted.exists()


def _bulk_users(action, data):
    def act(client, world, user):
        return client.post(bulk_url("auth", "user", [world["other_root"]], action), data)

    return act


def _add_participant(client, world, user):
    return client.post(reverse("wagtailusers_users:add"), {
        "username": "nadia.farouk", "email": "nadia.farouk@example.org", "first_name": "Nadia", "last_name": "Farouk",
        "password1": "improve-together-2026", "password2": "improve-together-2026",
        "groups": [Group.objects.get(name=PARTICIPANTS).pk],
    })


# Pages: Grace's draft, and her published resource with a published release.

def _get(url_of):
    def act(client, world, user):
        return client.get(url_of(world))

    return act


def _shows_secret(world, response, user):
    return response.status_code == 200 and SECRET in _body(response).decode("utf-8", "replace").lower()


def _shows_title(world, response, user):
    """For searches, whose pages repeat the words searched for: the draft's title is listed."""
    return response.status_code == 200 and world["draft"].title in _body(response).decode("utf-8", "replace")


def _publish_draft(client, world, user):
    draft = world["draft"]
    data = resource_form(
        title=draft.title, slug=draft.slug, licence=Licence.objects.get(spdx_id="CC-BY-4.0").pk,
        **{"action-publish": "publish"},
    )
    return client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), data)


def _delete_published(client, world, user):
    return client.post(reverse("wagtailadmin_pages:delete", args=[world["published"].pk]))


def _published_gone(world, response, user):
    return not Release.objects.filter(pk=world["published_release"].pk).exists() or not ResourcePage.objects.filter(
        pk=world["published"].pk
    ).exists()


def _bulk_delete_published(client, world, user):
    return client.post(bulk_url("wagtailcore", "page", [world["published"]], "delete"))


# Documents and images.

def _download(document_of):
    def act(client, world, user):
        document = document_of(world)
        return client.get(reverse("wagtaildocs_serve", args=[document.pk, document.filename]))

    return act


def _downloaded(expected_of):
    def happened(world, response, user):
        return response.status_code == 200 and _body(response) == expected_of(world)

    return happened


def _replace_released_file(client, world, user):
    document = world["published_file"].document
    upload = SimpleUploadedFile("swap.pdf", make_pdf("Swap", ["Another text"]), content_type="application/pdf")
    return client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": document.title, "collection": document.collection_id, "tags": "", "file": upload},
    )


def _swap_linked_file(client, world, user):
    document = world["linked_document"]
    upload = SimpleUploadedFile("swap.pdf", make_pdf("Swap", ["Another text"]), content_type="application/pdf")
    return client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": document.title, "collection": document.collection_id, "tags": "", "file": upload},
    )


def _linked_file_changed(world, response, user):
    return fresh(world["linked_document"]).file.name != world["linked_document"].file.name


def _released_file_changed(world, response, user):
    release_file = world["published_file"]
    document = fresh(release_file.document)
    return (
        document is None
        or document.file.name != release_file.document.file.name
        or not document.file.storage.exists(release_file.document.file.name)
    )


def _delete_released_document(client, world, user):
    return client.post(reverse("wagtaildocs:delete", args=[world["published_file"].document_id]))


def _document_gone(world, response, user):
    return not get_document_model().objects.filter(pk=world["published_file"].document_id).exists()


def _upload_document(name, content):
    """Wagtail's multiple uploader: the file is stored as an upload first, then as a document."""

    def act(client, world, user):
        response = client.post(reverse("wagtaildocs:add_multiple"), {"files[]": SimpleUploadedFile(name, content)})
        # Without a collection the upload is kept and the second step (its title) makes the document.
        uploaded = UploadedFile.objects.filter(file__contains=name.rsplit(".", 1)[0]).order_by("-pk").first()
        if response.status_code == 200 and uploaded is not None:
            response = client.post(
                reverse("wagtaildocs:create_multiple_from_uploaded_document", args=[uploaded.pk]),
                {f"uploaded-document-{uploaded.pk}-title": name,
                 f"uploaded-document-{uploaded.pk}-collection": world["image"].collection_id},
            )
        return response

    return act


def _document_named(name):
    def happened(world, response, user):
        stem = name.rsplit(".", 1)[0]
        stored = UploadedFile.objects.filter(file__contains=stem).exists()
        return stored or get_document_model().objects.filter(title__in=[name, stem]).exists()

    return happened


def _upload_image(name, content):
    def act(client, world, user):
        return client.post(reverse("wagtailimages:add"), {
            "title": name, "collection": world["image"].collection_id, "tags": "",
            "file": SimpleUploadedFile(name, content),
        })

    return act


def _image_named(name):
    def happened(world, response, user):
        return get_image_model().objects.filter(title=name).exists()

    return happened


# Releases.

def _edit_published_release(client, world, user):
    release = world["published_release"]
    release_file = world["published_file"]
    return client.post(reverse("wagtailsnippets_resources_release:edit", args=[release.pk]), {
        "resource": release.resource_id, "label": release.label, "release_date": release.release_date.isoformat(),
        "change_notes": "Rewritten history", "files-TOTAL_FORMS": "1", "files-INITIAL_FORMS": "1",
        "files-MIN_NUM_FORMS": "1", "files-MAX_NUM_FORMS": "1000", "files-0-id": release_file.pk,
        "files-0-document": release_file.document_id, "files-0-title": "", "files-0-filename": release_file.filename,
        "files-0-ORDER": "1",
    })


def _release_rewritten(world, response, user):
    release = fresh(world["published_release"])
    return release is None or release.change_notes == "Rewritten history"


def _release_gone(world, response, user):
    return not Release.objects.filter(pk=world["published_release"].pk).exists()


def _download_release_file(release_of):
    def act(client, world, user):
        release_file = release_of(world).files.order_by("pk").first()
        return client.get(release_file.get_absolute_url())

    return act


def _release_file_served(release_of):
    def happened(world, response, user):
        release_file = release_of(world).files.order_by("pk").first()
        with release_file.document.file.open("rb") as handle:
            return response.status_code == 200 and _body(response) == handle.read()

    return happened


# Reuse requests.

def _grant_reuse(client, world, user):
    item = world["reuse_request"]
    return client.post(
        reverse("decide_reuse", args=[item.pk]),
        {f"r{item.pk}-decision": "grant", f"r{item.pk}-message": "Go ahead."},
    )


def _reuse_granted(world, response, user):
    return ReuseRequest.objects.get(pk=world["reuse_request"].pk).status == "granted"


# Adoption: the centre's people keep its mark current, editors may stop any; only the centre answers.

def _adoption(world):
    return Adoption.objects.get(pk=world["adoption"].pk)


def _answer_adoption(client, world, user):
    return client.post(reverse("adoption_check", args=[world["adoption"].pk]), {"outcome": "yes"})


# Invitations: editors and network admins invite, nobody to a role above their own.

def _invite(email, role_name):
    def act(client, world, user):
        return client.post("/admin/invitations/new/", {
            "email": email, "organisation": Organisation.objects.order_by("pk").first().pk,
            "role": Group.objects.get(name=role_name).pk,
        })

    return act


def _invited(email):
    return lambda w, r, u: Invitation.objects.filter(email=email).exists()


# Data series: Grace's centre's (Northfield, Samuel's too), members-only, of a live change package.

SERIES_CENTRE_AND_EDITORS = {"participant A", "reviewer", "editor", "network admin", "superuser"}


def _shows_series(world, response, user):
    return response.status_code == 200 and world["series"].title in _body(response).decode("utf-8", "replace")


def _series_csv_given(world, response, user):
    return response.status_code == 200 and _body(response).decode().startswith("period,value")


def _series_png_given(world, response, user):
    return response.status_code == 200 and _body(response).startswith(b"\x89PNG\r\n\x1a\n")


def _series_svg_given(world, response, user):
    return response.status_code == 200 and f"{world['series'].title}</title>" in _body(response).decode()


def _publish_series(client, world, user):
    series = world["series"]
    return client.post(reverse("series_edit", args=[series.pk]), {
        "title": series.title, "chart_kind": "run", "visibility": "public", "show_centre": "on",
    })


def _series_public(world, response, user):
    return fresh(world["series"]).visibility == "public"


def _series_gone(world, response, user):
    return fresh(world["series"]) is None


EXE = b"MZ\x90\x00" + b"\x00" * 200 + b"This program cannot be run in DOS mode."
HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"

def _open_protocol_currency_report(client, world, user):
    overdue = ProtocolPage.objects.live().order_by("pk").first()
    ProtocolPage.objects.filter(pk=overdue.pk).update(review_by=overdue.first_published_at.date(), superseded_by=None)
    world["overdue_protocol"] = overdue.title
    return client.get("/admin/reports/protocol-currency/")


ACTIONS = [
    Action("read a centre's members-only data series", SIGNED_IN,
           _get(lambda w: reverse("series_detail", args=[w["series"].pk])), _shows_series),
    Action("download a centre's members-only data series", SIGNED_IN,
           _get(lambda w: reverse("series_csv", args=[w["series"].pk])), _series_csv_given),
    Action("download a members-only series' chart as PNG", SIGNED_IN,
           _get(lambda w: reverse("series_png", args=[w["series"].pk])), _series_png_given),
    Action("download a members-only series' chart as SVG", SIGNED_IN,
           _get(lambda w: reverse("series_svg", args=[w["series"].pk])), _series_svg_given),
    Action("publish a centre's data series", SERIES_CENTRE_AND_EDITORS, _publish_series, _series_public),
    Action("delete a centre's data series", SERIES_CENTRE_AND_EDITORS,
           lambda c, w, u: c.post(reverse("series_delete", args=[w["series"].pk])), _series_gone),
    Action("delete a centre's data series in the admin", {"editor", "network admin", "superuser"},
           lambda c, w, u: c.post(f"/admin/evidence-series/delete/{w['series'].pk}/"), _series_gone),
    # Users: only an administrator changes an administrator, by any route.
    Action("edit an administrator's account", ONLY_SUPERUSER, _edit_admin,
           lambda w, r, u: fresh(w["other_root"]).first_name == "Changed"),
    Action("copy an administrator's account", ONLY_SUPERUSER, _copy_admin,
           lambda w, r, u: User.objects.filter(username="copy.of.root").exists()
           or fresh(w["other_root"]).password != w["other_root"].password),
    Action("make oneself an administrator by copying one's account", NOBODY, _copy_self_as_admin,
           _non_admin_became_admin, optional=frozenset({"superuser"})),
    Action("deactivate an administrator in bulk", ONLY_SUPERUSER,
           _bulk_users("set_active_state", {"mark_as_active": "False"}),
           lambda w, r, u: not fresh(w["other_root"]).is_active),
    Action("delete an administrator in bulk", ONLY_SUPERUSER, _bulk_users("delete", {}),
           lambda w, r, u: fresh(w["other_root"]) is None),
    Action("give an administrator a role in bulk", ONLY_SUPERUSER,
           lambda c, w, u: _bulk_users("assign_role", {"role": Group.objects.get(name=PARTICIPANTS).pk})(c, w, u),
           lambda w, r, u: fresh(w["other_root"]).groups.filter(name=PARTICIPANTS).exists()),
    Action("delete an administrator", ONLY_SUPERUSER,
           lambda c, w, u: c.post(reverse("wagtailusers_users:delete", args=[w["other_root"].pk])),
           lambda w, r, u: fresh(w["other_root"]) is None),
    Action("add a participant", {"network admin", "superuser"}, _add_participant,
           lambda w, r, u: User.objects.filter(username="nadia.farouk").exists()),
    # Pages: a participant's draft is for her and the people who review it.
    Action("open another's draft in the editor", WHO_MAY_EDIT_GRACES_DRAFT,
           _get(lambda w: reverse("wagtailadmin_pages:edit", args=[w["draft"].pk])), _shows_secret),
    Action("read another's draft through the admin API", WHO_MAY_EDIT_GRACES_DRAFT,
           _get(lambda w: f"/admin/api/main/pages/{w['draft'].pk}/"), _shows_secret),
    Action("find another's draft with the admin search", WHO_MAY_EDIT_GRACES_DRAFT,
           _get(lambda w: f"/admin/pages/search/?q={SECRET}"), _shows_title),
    Action("find another's draft in the page chooser", WHO_MAY_EDIT_GRACES_DRAFT,
           _get(lambda w: f"/admin/choose-page/search/?q={SECRET}"), _shows_title),
    Action("see another's draft in the site history", WHO_MAY_EDIT_GRACES_DRAFT,
           _get(lambda w: "/admin/reports/site-history/"), _shows_secret),
    Action("see a draft's tag among the sharing suggestions", NOBODY,
           _get(lambda w: reverse("share")), _shows_secret, optional=frozenset(WHO_MAY_EDIT_GRACES_DRAFT)),
    Action("see a draft's tag in the admin tag autocomplete", WHO_MAY_EDIT_GRACES_DRAFT,
           _get(lambda w: f"/admin/tag-autocomplete/?term={SECRET[:5]}"), _shows_secret),
    Action("publish another's draft", {"editor", "network admin", "superuser"}, _publish_draft,
           lambda w, r, u: fresh(w["draft"]).live),
    Action("delete a resource with a published release", NOBODY, _delete_published, _published_gone),
    Action("delete a resource with a published release in bulk", NOBODY, _bulk_delete_published, _published_gone),
    # Documents.
    Action("download a draft's file", WHO_MAY_EDIT_GRACES_DRAFT, _download(lambda w: w["draft_document"]),
           _downloaded(lambda w: w["draft_document"].file.open("rb").read())),
    Action("replace a published release's file", NOBODY, _replace_released_file, _released_file_changed),
    Action("delete a published release's document", NOBODY, _delete_released_document, _document_gone),
    Action("swap the file a live page links", {"editor", "network admin", "superuser"}, _swap_linked_file,
           _linked_file_changed),
    Action("delete a published release's document from the multiple uploader", NOBODY,
           lambda c, w, u: c.post(reverse("wagtaildocs:delete_multiple", args=[w["published_file"].document_id])),
           _document_gone),
    Action("delete a draft release's document in bulk", NOBODY,
           lambda c, w, u: c.post(bulk_url("wagtaildocs", "document", [w["draft_document"]], "delete")),
           lambda w, r, u: not get_document_model().objects.filter(pk=w["draft_document"].pk).exists()),
    Action("upload an executable named .docx", NOBODY, _upload_document("plan.docx", EXE),
           _document_named("plan.docx")),
    Action("upload a web page named .pdf", NOBODY, _upload_document("plan.pdf", HTML), _document_named("plan.pdf")),
    Action("upload a clean PDF", SIGNED_IN, _upload_document("clean-plan.pdf", make_pdf("Plan", ["A clinic plan."])),
           _document_named("clean-plan.pdf")),
    # Images.
    Action("upload a web page named .png", NOBODY, _upload_image("page.png", HTML), _image_named("page.png")),
    Action("upload a picture", SIGNED_IN, _upload_image("ward.png", png_bytes()), _image_named("ward.png")),
    # Releases.
    Action("rewrite a published release", NOBODY, _edit_published_release, _release_rewritten),
    Action("delete a published release", NOBODY,
           lambda c, w, u: c.post(
               reverse("wagtailsnippets_resources_release:delete", args=[w["published_release"].pk])
           ),
           _release_gone),
    Action("delete a published release in bulk", NOBODY,
           lambda c, w, u: c.post(bulk_url("resources", "release", [w["published_release"]], "delete")), _release_gone),
    Action("download a public release's file", set(ROLES), _download_release_file(lambda w: w["published_release"]),
           _release_file_served(lambda w: w["published_release"])),
    Action("download a network-only release's file", SIGNED_IN,
           _download_release_file(lambda w: w["network_only_release"]),
           _release_file_served(lambda w: w["network_only_release"])),
    # Snippets: no copy screen (Wagtail's would save the copy over the original).
    Action("change a licence through its copy screen", NOBODY,
           lambda c, w, u: c.post(
               f"/admin/snippets/resources/licence/copy/{Licence.objects.get(spdx_id='CC-BY-4.0').pk}/",
               {"name": "Renamed by a copy", "label": "X", "summary": "X"}),
           lambda w, r, u: Licence.objects.filter(name="Renamed by a copy").exists()),
    # Workflows: only those who run the site add review steps.
    Action("add a workflow task", {"network admin", "superuser"},
           lambda c, w, u: c.post(reverse("wagtailadmin_workflows:add_task", args=["wagtailcore", "groupapprovaltask"]),
                                  {"name": "Skip review", "groups": [Group.objects.get(name=PARTICIPANTS).pk]}),
           lambda w, r, u: Task.objects.filter(name="Skip review").exists()),
    # Reuse requests: the resource's people and the editors decide.
    Action("grant a reuse request", {"participant A", "editor", "network admin", "superuser"}, _grant_reuse,
           _reuse_granted),
    Action("stop a centre's adoption mark", {"participant A", "reviewer", "editor", "network admin", "superuser"},
           lambda c, w, u: c.post(reverse("adoption_stop", args=[w["adoption"].pk])),
           lambda w, r, u: _adoption(w).stopped_on is not None),
    Action("answer whether it worked for a centre", {"participant A", "reviewer"}, _answer_adoption,
           lambda w, r, u: _adoption(w).outcome == "yes"),
    Action("stop a mark on a withdrawn resource", NOBODY,
           lambda c, w, u: c.post(reverse("adoption_stop", args=[w["draft_adoption"].pk])),
           lambda w, r, u: Adoption.objects.get(pk=w["draft_adoption"].pk).stopped_on is not None),
    Action("invite a participant", {"editor", "network admin", "superuser"},
           _invite("nadia.farouk@example.org", PARTICIPANTS), _invited("nadia.farouk@example.org")),
    Action("invite a network admin", {"network admin", "superuser"},
           _invite("new.boss@example.org", NETWORK_ADMINS), _invited("new.boss@example.org")),
    Action("see who is invited", {"editor", "network admin", "superuser"}, _get(lambda w: "/admin/invitations/"),
           lambda w, r, u: r.status_code == 200 and w["invitation"].email in _body(r).decode()),
    # Reports: the protocols due for review are for the people who may publish them.
    Action("see which protocols are overdue for review", {"editor", "network admin", "superuser"},
           _open_protocol_currency_report,
           lambda w, r, u: r.status_code == 200 and w["overdue_protocol"] in _body(r).decode()),
    Action("revoke a network admin's invitation", {"network admin", "superuser"},
           lambda c, w, u: c.post(f"/admin/invitations/revoke/{w['invitation'].pk}/"),
           lambda w, r, u: fresh(w["invitation"]).revoked_at is not None),
]


@pytest.mark.parametrize("action", ACTIONS, ids=[action.name for action in ACTIONS])
def test_permission_matrix(client, action):
    """One action as each kind of visitor, each on records of its own (a savepoint per visitor)."""
    from django.db import transaction

    world = build_world()
    problems = []
    for role, username in ROLES.items():
        client.logout()
        login(client, username)
        user = User.objects.get(username=username) if username else None
        sid = transaction.savepoint()
        try:
            response = action.act(client, world, user)
            if response.status_code >= 500:
                problems.append(f"{role}: answered {response.status_code}")
            elif role not in action.optional:
                happened = action.happened(world, response, user)
                if happened and role not in action.allowed:
                    problems.append(f"{role}: was able to {action.name}")
                elif not happened and role in action.allowed:
                    problems.append(f"{role}: could not {action.name} (answered {response.status_code})")
        except Exception as error:
            problems.append(f"{role}: raised {error!r}")
        finally:
            transaction.savepoint_rollback(sid)
    assert not problems, "\n".join(problems)
