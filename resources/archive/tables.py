"""Which tables an archive carries, which a restore rebuilds, and which it leaves behind.

Every model of the project is named here once (tests/test_export_restore.py fails on one that is
not), so a new model is a decision, never a silent gap in people's backups. A many-to-many table
Django makes itself (``auth.user_groups``, ``resources.resourcepage_conditions``) follows the model
that declares the field.
"""

from django.apps import apps

from . import ArchiveError

# Carried in the archive, every row with its primary key, so that page ids, tree paths, URLs,
# release and file addresses stay what they were.
EXPORTED = (
    # People, their accounts and roles (password hashes included: see docs/backup.md).
    "auth.group",
    "auth.user",
    "wagtailusers.userprofile",
    "wagtailcore.apitoken",
    "contributors.organisation",
    "contributors.contributorprofile",
    "contributors.invitation",  # pending links keep working (only their hashes are stored)
    "contributors.personaltoken",  # members' API tokens keep working (only their hashes are stored)
    # Licences, vocabularies and tags.
    "resources.licence",
    "resources.condition",
    "resources.resourcetype",
    "resources.audience",
    "taggit.tag",
    "taggit.taggeditem",
    # The site and its pages: every revision, the live content in the page tables.
    "wagtailcore.locale",
    "wagtailcore.collection",
    "wagtailcore.page",
    "wagtailcore.site",
    "wagtailcore.revision",
    "resources.homepage",
    "resources.librarypage",
    "resources.resourcepage",
    "resources.toolpage",
    "resources.changepackagepage",
    "resources.protocolpage",
    "resources.collectionpage",
    "resources.collectionitem",
    "resources.resourcetag",
    "resources.resourcecontributor",
    "resources.measure",
    "resources.citation",
    # Releases, their files, images and the text read from files (kept by checksum, so a restore
    # does not read every file again).
    "resources.release",
    "resources.releasefile",
    "wagtaildocs.document",
    "wagtailimages.image",
    "resources.filetext",
    # Who may do and see what: roles' permissions and view restrictions (network-only pages).
    "wagtailcore.grouppagepermission",
    "wagtailcore.groupcollectionpermission",
    "wagtailcore.groupsitepermission",
    "wagtailcore.pageviewrestriction",
    "wagtailcore.collectionviewrestriction",
    # The review workflow and where each contribution is in it.
    "wagtailcore.workflow",
    "wagtailcore.task",
    "wagtailcore.groupapprovaltask",
    "resources.reviewtask",
    "resources.screeningtask",
    "resources.reviewtype",  # the kinds of typed review, each with its reviewer group
    "resources.typedreviewtask",
    "wagtailcore.workflowtask",
    "wagtailcore.workflowpage",
    "wagtailcore.workflowcontenttype",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "resources.screeningtaskstate",
    "resources.typedreviewdecision",  # each type's decision in a typed review
    # Reuse requests and grants.
    "resources.reuserequest",
    # What OAI-PMH harvesters were ever shown: a withdrawn resource stays a deleted record.
    "resources.harvestrecord",
    "resources.harvestrecordset",
    # Which resource each row of an imported manifest became, so that importing it again updates.
    "resources.importedresource",
    # Views and downloads per day (no personal data: resources/usage/).
    "resources.usagecount",
    # The protocol review reminders already sent: a restored commons does not send them again.
    "resources.protocolreminder",
    # Centres' data series for the change packages' measures, their points and notes (aggregate counts
    # per period: no personal data; members-only ones among them, like network-only pages).
    "resources.series",
    "resources.seriespoint",
    "resources.seriesannotation",
    # Which centres use which resources, and whether it worked (resources/models/adoption.py): after
    # the series, as an answer may link the series that shows it (``Adoption.evidence_series``).
    "resources.adoption",
    # The editorial record: history, comments, subscriptions, the admin's log, redirects, forms.
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.pagesubscription",
    "admin.logentry",
    "wagtailredirects.redirect",
    "wagtailforms.formsubmission",
    # Search words editors manage, and what people searched for.
    "commons_search.synonym",
    "commons_search.searchquerylog",
    "commons_search.searchclick",
)

# Made by ``migrate`` in every database, and named in the archive by their natural keys
# (["resources", "toolpage"], ["publish_page", "wagtailcore", "page"]): their ids differ from one
# database to the next.
BY_NATURAL_KEY = ("contenttypes.contenttype", "auth.permission")

# Derived from the rows above, and made again by the restore or on first use.
REBUILT = (
    "wagtailcore.referenceindex",  # rebuild_references_index
    "commons_search.searchentry",  # search_index rebuild
    "commons_search.searchfacetvalue",
    "commons_search.searchterm",
    "wagtailsearch.indexentry",  # Wagtail's admin search: update_index
    "wagtailsearch.sqliteftsindexentry",
    "wagtailimages.rendition",  # made again when a page first shows the image
    "wagtailembeds.embed",  # fetched again from the provider
)

# Not carried: state of the running server, not of the commons.
NOT_KEPT = (
    "sessions.session",  # everyone signs in again
    "axes.accessattempt",  # sign-in throttling
    "axes.accessattemptexpiration",
    "axes.accessfailurelog",
    "axes.accesslog",
    "django_tasks_database.dbtaskresult",  # the background queue
    "wagtailadmin.admin",
    "wagtailadmin.editingsession",
    "wagtailadmin.formstate",
    "wagtailcore.uploadedfile",  # uploads not yet attached to anything
    # Mail not yet sent belongs to the server that queued it: a copy restored for testing must not
    # write to people.
    "resources.pendingmail",
)


def owner_label(model):
    """The label a model is classified under: its own, or for a many-to-many table Django made, that
    of the model declaring the field."""
    owner = model._meta.auto_created or model
    return owner._meta.label_lower


def unclassified():
    """Labels of concrete models named in none of the lists above."""
    named = {*EXPORTED, *BY_NATURAL_KEY, *REBUILT, *NOT_KEPT}
    return sorted(
        {
            owner_label(model)
            for model in apps.get_models(include_auto_created=True)
            if not model._meta.proxy and owner_label(model) not in named
        }
    )


def exported_models():
    """The models whose rows an archive carries, in the order they are written and restored:
    those of EXPORTED, each followed by the many-to-many tables Django made for its fields."""
    missing = unclassified()
    if missing:
        raise ArchiveError(
            "These models are not classified in resources/archive/tables.py, so an archive would "
            f"silently leave them out: {', '.join(missing)}. Name each in EXPORTED, REBUILT or NOT_KEPT."
        )
    models = []
    for label in EXPORTED:
        try:
            model = apps.get_model(label)
        except LookupError:  # an app this database does not have (none today)
            continue
        models.append(model)
        models.extend(
            field.remote_field.through
            for field in model._meta.local_many_to_many
            if field.remote_field.through._meta.auto_created
        )
    return models


def rebuilt_models():
    found = []
    for label in REBUILT:
        try:
            found.append(apps.get_model(label))
        except LookupError:  # the engine-specific tables of another database
            continue
    return found
