"""Saving the share form as a draft resource with its files, and submitting it for review.

A contributor's files become a draft release of the resource: screened with it, published by the
editor's approval (``publish_pending_releases``), and from then on unchangeable like every release.

Saving is all or nothing: when storage fails part way (a full disk, an object store that refuses),
the database rows are rolled back and the files already stored are deleted, so no half-made
resource, release, document or orphan file is left behind.
"""

import contextlib
import logging
import re
from pathlib import PurePath

from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Collection, WorkflowState

from contributors.models import ContributorProfile

from ..models import ContributorRole, LibraryPage, Release, ReleaseFile, ResourceContributor

logger = logging.getLogger(__name__)

COLLECTION_NAME = "Contributions"
FIRST_RELEASE_LABEL = "1.0"
FIRST_RELEASE_NOTES = "First shared version."


def contributions_collection():
    """Where contributors' uploads are kept: a collection of their own, so editors can find them."""
    existing = Collection.objects.filter(name=COLLECTION_NAME).first()
    return existing or Collection.get_first_root_node().add_child(name=COLLECTION_NAME)


def next_release_label(page):
    """1.0 for a first release; after a published "x.y", "x.(y+1)"."""
    latest = page.releases.published().order_by("-published_at").first()
    if latest is None:
        return FIRST_RELEASE_LABEL
    match = re.fullmatch(r"(\d+)\.(\d+)", latest.label)
    if match:
        return f"{match[1]}.{int(match[2]) + 1}"
    return f"{latest.label}-1"


def pending_release(page):
    return page.releases.filter(published_at__isnull=True).order_by("-pk").first()


def pending_files(page):
    release = pending_release(page)
    return list(release.files.select_related("document").order_by("sort_order", "pk")) if release else []


class Lookups:
    """What saving a contribution looks up besides the form: the library a new resource goes in,
    the collection its files go in, the contributor's profile it is credited to. Looked up afresh
    for each contribution; the bulk import keeps them for the whole manifest (``KeptLookups``)."""

    def library(self):
        return LibraryPage.objects.get()

    def collection(self):
        return contributions_collection()

    def profile(self, user):
        return ContributorProfile.objects.filter(user=user).select_related("organisation").first()


class KeptLookups(Lookups):
    """Each looked up once, for many contributions saved by one user in one transaction."""

    def __init__(self):
        self._kept = {}

    def _keep(self, key, find):
        if key not in self._kept:
            self._kept[key] = find()
        return self._kept[key]

    def library(self):
        return self._keep("library", super().library)

    def collection(self):
        return self._keep("collection", super().collection)

    def profile(self, user):
        return self._keep(("profile", user.pk), lambda: super(KeptLookups, self).profile(user))


def credit_contributor(page, user, lookups):
    """A new resource is credited to the person sharing it (author, or adapter of an adaptation)
    and their organisation: /share/ and the bulk import's batches alike."""
    profile = lookups.profile(user)
    if profile is None:
        return
    role = ContributorRole.ADAPTER if page.adapted_from_id else ContributorRole.AUTHOR
    page.contributor_links = [ResourceContributor(contributor=profile, role=role)]
    if profile.organisation_id:
        page.organisations = [profile.organisation]


def new_document(upload, user, collection):
    """A document (not yet saved) for an uploaded file, titled after the file's name, and the name
    it downloads as (``ReleaseFile.filename``)."""
    name = PurePath(upload.name).name
    document = get_document_model()(
        title=PurePath(name).stem.replace("_", " ").replace("-", " ")[:255] or name,
        file=upload,
        collection=collection,
        uploaded_by_user=user,
    )
    document._set_document_file_metadata()
    return document, name[:255]


def _store_files(page, data, user, stored, release_label=None, lookups=None, new=False):
    """``stored``: (storage, name) of each file written, for ``save_contribution`` to remove on failure.
    ``release_label``: the version of a release made here (default ``next_release_label``); ``new``:
    the page was created just now, so it has no release yet."""
    release = None if new else pending_release(page)
    for release_file in data.get("remove_files") or []:
        document = release_file.document
        release_file.delete()
        document.delete()
    uploads = data["files"]
    if uploads and release is None:
        release = Release.objects.create(
            resource=page,
            label=release_label or next_release_label(page),
            change_notes=data["change_notes"] or FIRST_RELEASE_NOTES,
            created_by=user,
        )
    elif release is not None and data["change_notes"]:
        release.change_notes = data["change_notes"]
        release.save(update_fields=["change_notes"])
    collection = (lookups or Lookups()).collection() if uploads else None
    for upload in uploads:
        document, filename = new_document(upload, user, collection)
        try:
            document.save()
        finally:
            if document.file._committed and document.file.name:
                stored.append((document.file.storage, document.file.name))
        ReleaseFile.objects.create(release=release, document=document, filename=filename)
    if release is not None and not uploads and not release.files.exists():
        release.delete()


@contextlib.contextmanager
def removing_stored_files_on_failure(stored):
    """Around a transaction that stores files: when it fails, the files already stored (``stored``,
    filled by ``write_contribution``) are deleted too, since the rollback cannot take them back."""
    try:
        yield stored
    except BaseException:
        for storage, name in stored:
            try:
                storage.delete(name)
            except Exception:  # the storage that just failed may refuse this too: say what is left
                logger.exception("Could not remove %s after a failed contribution; delete it by hand", name)
        raise


def save_contribution(form, user):
    """Save a valid share form (``forms.share_form``) and its files; returns the page. A new
    resource is a draft owned by ``user``, credited to them, in the library; one being edited gets
    a new revision (a published one stays as it is until the new revision is approved). On any
    failure nothing is kept (see the module) and the error is raised."""
    with removing_stored_files_on_failure([]) as stored, transaction.atomic():
        return write_contribution(form, user, stored)


def write_contribution(form, user, stored, *, release_label=None, prepare=None, lookups=None):
    """``save_contribution``'s work, inside the caller's transaction (the bulk import saves many in
    one); the caller removes ``stored`` files when it fails (``removing_stored_files_on_failure``).
    ``prepare(page)``: called before the revision is saved, to set what the form does not hold
    (credits, body); ``release_label``: the version of a new release of the files; ``lookups``:
    a ``KeptLookups`` shared by the contributions of one import."""
    lookups = lookups or Lookups()
    page = form.save(commit=False)
    new = page.pk is None
    # Conditions, audiences and tags are kept on the page object until it is saved (it is a
    # modelcluster), so they go into the revision below with everything else.
    form.save_m2m()
    if new:
        page.owner, page.live = user, False
        credit_contributor(page, user, lookups)
        if prepare is not None:
            prepare(page)
        lookups.library().add_child(instance=page)
    elif prepare is not None:
        prepare(page)
    page.save_revision(user=user, log_action=True)
    _store_files(page, form.cleaned_data, user, stored, release_label=release_label, lookups=lookups, new=new)
    return page


@transaction.atomic
def submit_for_review(page, user):
    """Start the library's workflow, or resume it where changes were requested. The workflow decides
    what runs first: a resumed review screens the new revision again before anyone reviews it."""
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
    elif state is None:
        page.get_workflow().start(page, user)
    page.refresh_from_db()
    return page.current_workflow_state

