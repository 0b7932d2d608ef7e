"""Who may download a document: one rule for every URL that serves one.

Wagtail's /documents/<id>/<name> asks it through the ``before_serve_document`` hook below; a
release's /releases/<id>/files/<id>/<name> asks it in ``resources.views``; the storage folder
(/media/documents/) serves nothing at all (``commons_site/media.py``). A document is served when

(a) it is a file of a *published* release of a resource the person may see; or
(b) the live content of a page they may see links it; or
(c) they work on it: they uploaded it, they may change documents in its collection (editors), or
    they may edit a resource whose release holds it or a page that links it (reviewers open the
    files of contributions in review);

and, in every case, they pass the view restrictions of its collection (Wagtail's "Privacy"
setting on a collection). Anything else is answered as if the document did not exist.

Links are read from Wagtail's reference index. It records what is stored in each page's row,
never its revisions: for a live page that is the published content, so a link added in an
unpublished draft makes nothing public (nor is it seen here until the draft is published). A page
that was never published has its first content in its row, which is why (b) counts live pages only.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

from .models import ReleaseFile
from .visibility import can_view, visible_pages


def linking_pages(document):
    """The pages whose stored content (live content, for a live page) links this document."""
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return Page.objects.filter(pk__in=[int(page_id) for page_id in page_ids])


def _works_on(document, user, release_files, linking_pages):
    if document.uploaded_by_user_id == user.pk:
        return True
    if policy_registry.get_by_type(get_document_model()).user_has_permission_for_instance(user, "change", document):
        return True
    resources = [release_file.release.resource for release_file in release_files]
    return any(page.permissions_for_user(user).can_edit() for page in [*resources, *linking_pages])


def may_download(document, request):
    """Whether the rules (a)-(c) above let this request have the document, before its
    collection's view restrictions are considered."""
    release_files = list(ReleaseFile.objects.filter(document=document).select_related("release__resource"))
    if any(rf.release.is_published and can_view(rf.release.resource, request) for rf in release_files):
        return True
    linking = linking_pages(document)
    if visible_pages(linking, request).exists():
        return True
    user = request.user
    if not user.is_authenticated:
        return False
    return _works_on(document, user, release_files, linking)


def check_download(document, request):
    """None when this request may download the document. When only its collection's privacy
    stands in the way, Wagtail's own answer: the sign-in redirect or the shared-password form.
    Raises Http404 for everything else, so nobody learns that the file exists."""
    if not may_download(document, request):
        raise Http404("No such document")
    # Wagtail's own check, so a private collection behaves on every URL as on /documents/.
    # Imported here: importing it at module load would register Wagtail's document hooks early.
    from wagtail.documents.wagtail_hooks import check_view_restrictions

    return check_view_restrictions(document, request)


# order=-1: before Wagtail's own collection check, so a file nobody may have is "not found"
# rather than a sign-in page that tells it exists.
@hooks.register("before_serve_document", order=-1)
def serve_documents_only_to_people_who_may_download_them(document, request):
    return check_download(document, request)
