"""Which public pages show which objects, for the full-page cache (commons_site/page_cache.py).

The cache knows nothing of resources. It asks this module three things (``PAGE_CACHE_DEPENDENCIES``):

- ``applies(request)``: whether the page at this URL is one the cache may keep, from the URL alone
  (no query): Wagtail's pages, releases, people and organisations, the sitemap, the release feeds
  (resources/feeds.py) and the search page
  without search text (a search with text is logged on every visit, search/presentation.py, and
  its result links are signed for that log entry: it is never kept).
- ``tags_for(request, response)``: once a page is rendered, the *tags* of what it shows; the cache
  keeps the page until one of them changes. ``None`` keeps nothing (a page under a view
  restriction, above all).
- ``changed``: the signal the receivers below send with the tags an edit changes, for the cache to
  purge them, at once and again when the transaction commits.

The tags:

- ``site``: everything. Vocabularies and licences (they label cards, facets and resource pages
  everywhere), images and documents, the home page and the library themselves, a move (every URL
  below it changes), and whatever this module cannot place more exactly.
- ``lists``: which resources are live and visible and what their cards say: the home page, the
  library, the search page, the sitemap, the release feeds, the people and organisation lists
  (their counts). A release being published purges it, as does a resource going live or leaving.
- ``page:<id>``: a page, and every page that shows it: collections listing a resource, the people
  and organisations it credits, resources it was adapted from or that adapt it, resources showing
  it as related, pages whose body links to it, its release pages.
- ``person:<id>``, ``organisation:<id>``: a profile's or organisation's own page and every
  resource (and release) that credits them; ``people``: the lists of people and organisations,
  the organisation pages listing their people, the sitemap (their addresses) and the feeds (the
  names of the people entries credit).

A resource that newly credits a person shows up on that person's page because publishing it
changes ``person:<id>`` for everyone it credits; one it stops crediting disappears because the
person's page showed it and so depends on ``page:<id>``. Related resources on a resource page come
from the search engine: the page changes when any resource it shows does, and it and the lists are
purged again when the index has caught up with a change (``search.signals.index_updated``, sent
after indexing, on the worker when a worker runs it). A resource page's usage figures follow the
same path: ``manage.py rollup_usage`` indexes again the resources whose views or downloads moved,
which purges their pages; a reuse request decided on a resource purges its page at once, and so
does a centre marking it as used, stopping or answering "did it work?". A change package's or
tool's Evidence section (resources/evidence/evidence_section.py) is purged with any change to a
series or note it may show, and carries the tags of the packages and centres it names. A protocol's "Review
overdue" flag changes with the date, not an edit: the daily job purges its page and the lists on
the day it first sees it overdue (resources/review/currency.py).
"""

import contextlib
import contextvars

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from contributors.models import ContributorProfile, Organisation
from search.signals import index_updated

from .evidence.adoption_summary import forget_page_marks
from .indexing.evidence import resources_for_annotation, resources_for_series
from .models import (
    Adoption,
    Audience,
    CollectionItem,
    CollectionPage,
    Condition,
    Licence,
    Release,
    ResourceContributor,
    ResourcePage,
    ResourceType,
    ReuseRequest,
    Series,
    SeriesAnnotation,
)
from .usage.figures import forget_page_figures

SITE = "site"
LISTS = "lists"
PEOPLE = "people"

# Sent with ``tags``: the cache purges every page that carries one of them.
changed = Signal()

# The views whose pages may be kept, by URL name.
PAGE_VIEWS = {
    "wagtail_serve",
    "release_detail",
    "contributor_list",
    "contributor_detail",
    "organisation_list",
    "organisation_detail",
    "search",
    "sitemap",
    "release_feed",
    "condition_release_feed",
}


# Pages listing resources and naming people or organisations (their names, counts or addresses).
LISTS_OF_PEOPLE = {"contributor_list", "organisation_list", "sitemap", "release_feed", "condition_release_feed"}


def page_tag(page_id):
    return f"page:{page_id}"


def person_tag(profile_id):
    return f"person:{profile_id}"


def organisation_tag(organisation_id):
    return f"organisation:{organisation_id}"


# What a page shows -------------------------------------------------------------------------------


def applies(request):
    match = request.resolver_match
    if match is None or match.view_name not in PAGE_VIEWS:
        return False
    return not any(text.strip() for text in request.GET.getlist("q"))


def tags_for(request, response):
    match = request.resolver_match
    kwargs = match.kwargs
    if match.view_name == "wagtail_serve":
        return _wagtail_page_tags(request, response)
    if match.view_name == "release_detail":
        resource_id = Release.objects.filter(pk=kwargs["release_id"]).values_list("resource_id", flat=True).first()
        return None if resource_id is None else [SITE, *_credit_tags(resource_id, _credits(resource_id))]
    if match.view_name == "contributor_detail":
        person = ContributorProfile.objects.filter(slug=kwargs["slug"]).values("pk", "organisation_id").first()
        if person is None:
            return None
        shown = ResourceContributor.objects.filter(contributor_id=person["pk"]).values_list("page_id", flat=True)
        tags = [SITE, person_tag(person["pk"]), *map(page_tag, shown)]
        if person["organisation_id"] is not None:
            tags.append(organisation_tag(person["organisation_id"]))
        return tags
    if match.view_name == "organisation_detail":
        organisation_id = Organisation.objects.filter(slug=kwargs["slug"]).values_list("pk", flat=True).first()
        if organisation_id is None:
            return None
        shown = ResourcePage.organisations.through.objects.filter(organisation_id=organisation_id).values_list(
            "resourcepage_id", flat=True
        )
        return [SITE, PEOPLE, organisation_tag(organisation_id), *map(page_tag, shown)]
    if match.view_name in LISTS_OF_PEOPLE:
        return [SITE, LISTS, PEOPLE]
    return [SITE, LISTS]  # the search page without text


def _wagtail_page_tags(request, response):
    # Wagtail's serve view keeps the route it found on the request (Page.route_for_request).
    route = getattr(request, "_wagtail_route_for_request", None)
    if not route:
        return None
    page = route[0]
    # Never kept, whoever asked: a members-only page is answered per person. (Anonymous visitors
    # are sent to sign in anyway; this makes it explicit, and covers a password someone entered.)
    if page.get_view_restrictions().exists():
        return None
    tags = [SITE, page_tag(page.pk), *map(page_tag, _pages_linked_from(page))]
    context = getattr(response, "context_data", None) or {}
    if isinstance(page, ResourcePage):
        # The credits the page showed (``credited`` is cached on it): no second query for them.
        credits = [(link.contributor_id, link.contributor.organisation_id) for link in page.credited]
        tags += _credit_tags(page.pk, credits)
        tags += [page_tag(source.pk) for source in page.adaptation_lineage()]
        tags += map(page_tag, page.adaptations.values_list("pk", flat=True))
        tags += [page_tag(related.pk) for related in context.get("related", [])]
        evidence = context.get("evidence")
        if evidence is not None:
            # The packages whose measures and visibility the Evidence section follows (a tool's
            # page shows other packages' measures), and the centres it names.
            tags += map(page_tag, evidence.package_ids)
            tags += map(organisation_tag, evidence.organisation_ids)
        summary = context.get("adoption_summary")
        if summary is not None:
            tags += [organisation_tag(centre.pk) for centre in summary.named]  # the centres it names
    elif isinstance(page, CollectionPage):
        tags += map(page_tag, page.items.values_list("resource_id", flat=True))
    else:
        tags.append(LISTS)  # the home page, the library, and any other page: lists of resources
    return tags


def _credits(resource_id):
    """(person id, their organisation's id) for everyone a resource credits."""
    return ResourceContributor.objects.filter(page_id=resource_id).values_list(
        "contributor_id", "contributor__organisation_id"
    )


def _credit_tags(resource_id, credits):
    """A resource's own tag and those of the people and organisations its page and citation name
    (``credits``: see ``_credits``)."""
    tags = [page_tag(resource_id)]
    for person_id, organisation_id in credits:
        tags.append(person_tag(person_id))
        if organisation_id is not None:
            tags.append(organisation_tag(organisation_id))
    organisations = ResourcePage.organisations.through.objects.filter(resourcepage_id=resource_id)
    tags += map(organisation_tag, organisations.values_list("organisation_id", flat=True))
    return tags


def _pages_linked_from(page):
    """Pages the page's own fields link to (a change idea's tools, links in rich text), from
    Wagtail's reference index."""
    page_type = ContentType.objects.get_for_model(Page)
    return ReferenceIndex.get_references_for_object(page).filter(to_content_type=page_type).values_list(
        "to_object_id", flat=True
    )


# What an edit changes ----------------------------------------------------------------------------


_gathering = contextvars.ContextVar("page_cache_gathering", default=None)


def purge(*tags):
    gathered = _gathering.get()
    if gathered is not None:
        gathered.update(tags)
        return
    changed.send(sender=__name__, tags=set(tags))


@contextlib.contextmanager
def purged_once():
    """Inside the block, what edits say changed is gathered and purged once as it ends: for bulk
    writes (``manage.py import_resources``), which would otherwise purge the same tags, in a
    shared cache, a dozen times a row. Whatever happens in the block, what it gathered is purged,
    except the tags of pages made in the block: none can have been kept before it began (page ids
    are never reused), and an import of 500 new resources would otherwise write 500 tags."""
    newest_before = Page.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    gathered = set()
    token = _gathering.set(gathered)
    try:
        yield
    finally:
        _gathering.reset(token)
        gathered = {tag for tag in gathered if not _page_made_after(tag, newest_before)}
        if gathered:
            changed.send(sender=__name__, tags=gathered)


def _page_made_after(tag, newest_before):
    kind, _, page_id = tag.partition(":")
    return kind == "page" and page_id.isdigit() and int(page_id) > newest_before


def _resource_published_tags(resource):
    """A resource going live or leaving: its page and every page that shows it, and the pages of
    everyone it credits now (a newly credited person's page lists it from now on)."""
    tags = [LISTS, *_credit_tags(resource.pk, _credits(resource.pk))]
    if resource.adapted_from_id:
        tags.append(page_tag(resource.adapted_from_id))  # its source lists its adaptations
    return tags


def on_page_published_or_unpublished(sender, instance, **kwargs):
    if isinstance(instance, ResourcePage):
        purge(*_resource_published_tags(instance))
    elif isinstance(instance, CollectionPage):
        purge(page_tag(instance.pk), LISTS)  # the home page lists the collections
    else:
        purge(SITE)  # the home page, the library (in every page's navigation), anything else


def on_page_moved(sender, instance, **kwargs):
    purge(SITE)  # the page's URL and every URL below it changed, wherever they are shown


def on_page_deleted(sender, instance, **kwargs):
    # Deleting a tool deletes its ToolPage, ResourcePage and Page rows: up to three purges, all alike.
    if isinstance(instance, (ResourcePage, CollectionPage)):
        purge(page_tag(instance.pk), LISTS)
    else:
        purge(SITE)


def _restriction_changed(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is not None and issubclass(page.specific_class or Page, ResourcePage):
        purge(page_tag(page_id), LISTS)
    else:
        purge(SITE)  # a restriction on anything else hides or shows a whole part of the site


def on_restriction_saved_or_deleted(sender, instance, **kwargs):
    _restriction_changed(instance.page_id)


def on_restriction_groups_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        _restriction_changed(instance.page_id)


def on_release_saved(sender, instance, **kwargs):
    if instance.published_at is not None:
        # The resource's page and release pages (a newer release supersedes the older ones), and
        # the cards showing its latest version.
        purge(page_tag(instance.resource_id), LISTS)


def on_collection_item_changed(sender, instance, **kwargs):
    purge(page_tag(instance.collection_id))


def on_credit_changed(sender, instance, **kwargs):
    purge(page_tag(instance.page_id), person_tag(instance.contributor_id), PEOPLE)


def on_resource_organisations_changed(sender, instance, action, pk_set=None, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        purge(page_tag(instance.pk), PEOPLE, *map(organisation_tag, pk_set or ()))


def on_reuse_request_changed(sender, instance, **kwargs):
    # A resource page shows how many reuse requests were granted (resources/usage/figures.py).
    forget_page_figures(instance.resource_id)
    purge(page_tag(instance.resource_id))


def on_adoption_changed(sender, instance, **kwargs):
    # A resource page shows how many centres use it, which are named and what they found
    # (resources/evidence/adoption_summary.py); the lists follow once the index has the new count.
    forget_page_marks(instance.resource_id)
    purge(page_tag(instance.resource_id))


def on_person_changed(sender, instance, **kwargs):
    purge(person_tag(instance.pk), PEOPLE)


def on_organisation_changed(sender, instance, **kwargs):
    # The resource pages naming it as a user keep their marks with its name (adoption_summary.page_marks).
    for resource_id in Adoption.objects.filter(organisation=instance).values_list("resource_id", flat=True).distinct():
        forget_page_marks(resource_id)
    purge(organisation_tag(instance.pk), PEOPLE)


def on_vocabulary_changed(sender, instance, **kwargs):
    # A condition, type, audience or licence labels cards, facets and resource pages everywhere;
    # a new one is listed at once (the home page's conditions, the library's facets).
    purge(SITE)


def on_file_changed(sender, instance, created=False, **kwargs):
    # A new image or document is shown nowhere yet; an edited or deleted one may be anywhere.
    if not created:
        purge(SITE)


def on_condition_organisations_changed(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        purge(SITE)


def on_series_changed(sender, instance, **kwargs):
    # The pages that may show a centre's series as evidence: its change package, the tools linked
    # to its measure, and the resources its documented changes name (a tool's page shows the series
    # that tested it). A point is never saved alone (``evidence/uploads.py`` saves the series with
    # them), so points need no receiver of their own.
    purge(*map(page_tag, resources_for_series(instance)))


def on_series_annotation_changed(sender, instance, **kwargs):
    # The note's own resource too: when a series is deleted, its notes go first and the series'
    # receiver no longer finds them.
    purge(*map(page_tag, resources_for_annotation(instance)))


def on_index_updated(sender, ids, **kwargs):
    # The lists count and order what the index says, and a resource page shows related resources
    # from it: once the index (perhaps on the worker, after the publish) has caught up, they change.
    purge(LISTS, *(page_tag(page_id) for page_id in ids))


def connect():
    def both(receiver, sender, name):
        post_save.connect(receiver, sender=sender, dispatch_uid=f"resources.page_cache.{name}_saved")
        post_delete.connect(receiver, sender=sender, dispatch_uid=f"resources.page_cache.{name}_deleted")

    index_updated.connect(on_index_updated, dispatch_uid="resources.page_cache.index_updated")
    page_published.connect(on_page_published_or_unpublished, dispatch_uid="resources.page_cache.published")
    page_unpublished.connect(on_page_published_or_unpublished, dispatch_uid="resources.page_cache.unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="resources.page_cache.moved")
    # Each page model by name: a receiver for every model would stop Django's fast deletes everywhere.
    for model in get_page_models():
        uid = f"resources.page_cache.{model._meta.label_lower}_deleted"
        post_delete.connect(on_page_deleted, sender=model, dispatch_uid=uid)
    both(on_restriction_saved_or_deleted, PageViewRestriction, "restriction")
    m2m_changed.connect(
        on_restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="resources.page_cache.restriction_groups",
    )
    post_save.connect(on_release_saved, sender=Release, dispatch_uid="resources.page_cache.release_saved")
    both(on_collection_item_changed, CollectionItem, "collection_item")
    both(on_credit_changed, ResourceContributor, "credit")
    m2m_changed.connect(
        on_resource_organisations_changed,
        sender=ResourcePage.organisations.through,
        dispatch_uid="resources.page_cache.resource_organisations",
    )
    both(on_reuse_request_changed, ReuseRequest, "reuse_request")
    both(on_adoption_changed, Adoption, "adoption")
    both(on_series_changed, Series, "series")
    both(on_series_annotation_changed, SeriesAnnotation, "series_annotation")
    both(on_person_changed, ContributorProfile, "person")
    both(on_organisation_changed, Organisation, "organisation")
    for model in (Condition, ResourceType, Audience, Licence, Site):
        both(on_vocabulary_changed, model, model._meta.label_lower.replace(".", "_"))
    for model in (get_image_model(), get_document_model()):
        both(on_file_changed, model, model._meta.label_lower.replace(".", "_"))
    m2m_changed.connect(
        on_condition_organisations_changed,
        sender=Condition.organisations.through,
        dispatch_uid="resources.page_cache.condition_organisations",
    )
