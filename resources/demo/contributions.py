"""Contributions in the middle of the "Contribution review" workflow, so that the demo shows each
side of it: one waiting for a reviewer, one returned to its contributor with a reviewer's comment,
and a reuse request waiting for a decision.

Made through the same calls as the site (a draft with a revision, the library's workflow, the task's
own actions), with e-mail muted.
"""

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from ..models import Licence, Release, ReleaseFile, ReuseRequest, ToolPage
from ..review import notifications
from ..review.sharing import FIRST_RELEASE_NOTES, contributions_collection
from .files import make_pdf

IN_REVIEW = {
    "title": "Transition clinic huddle card",
    "slug": "transition-clinic-huddle-card",
    "summary": "A five-minute huddle card the clinic team runs through before each transition visit.",
    "owner": "grace.lin",
    "resource_type": "checklist",
    "conditions": ["ibd"],
    "tags": ["transition", "huddle"],
    "file": (
        "transition-huddle-card.pdf",
        [
            "Before the visit: has the young person seen the transition video? Is a joint visit with the adult "
            "team booked? Who will lead the self-management conversation?",
            "During the huddle (five minutes): agree who asks the young person to explain their medicines, and "
            "who checks the transition readiness score.",
        ],
    ),
}
CHANGES_REQUESTED = {
    "title": "Infusion day welcome letter",
    "slug": "infusion-day-welcome-letter",
    "summary": "A letter for families before their child's first infusion day: what happens, how long it takes.",
    "owner": "tom.alvarez",
    "resource_type": "template",
    "conditions": ["ibd"],
    "tags": ["infusion", "families"],
    "reviewer": "samuel.okafor",
    "comment": (
        "Thank you, this will help families. Please add how long the first infusion usually takes, and "
        "check the reading age: a few sentences are long for parents reading in a second language."
    ),
}
REUSE_REQUEST = {
    "resource": "jia-cjadas10-disease-activity-form",
    "requester": "amara.nwosu",
    "purpose": (
        "We would like to add a Spanish translation of the patient questions for our families, keeping the "
        "scoring instructions exactly as they are."
    ),
}


def create_contributions(library, conditions, types, people):
    """Idempotent: each item is made once."""
    users = get_user_model().objects.in_bulk([IN_REVIEW["owner"], CHANGES_REQUESTED["owner"],
                                              CHANGES_REQUESTED["reviewer"], REUSE_REQUEST["requester"]],
                                             field_name="username")
    with notifications.muted():
        if not ToolPage.objects.filter(slug=IN_REVIEW["slug"]).exists():
            _submitted(library, conditions, types, IN_REVIEW, users[IN_REVIEW["owner"]], people)
        if not ToolPage.objects.filter(slug=CHANGES_REQUESTED["slug"]).exists():
            page = _submitted(library, conditions, types, CHANGES_REQUESTED, users[CHANGES_REQUESTED["owner"]], people)
            task_state = page.current_workflow_task_state
            task_state.task.specific.on_action(
                task_state, users[CHANGES_REQUESTED["reviewer"]], "reject", comment=CHANGES_REQUESTED["comment"]
            )
        resource = ToolPage.objects.filter(slug=REUSE_REQUEST["resource"]).first()
        requester = users[REUSE_REQUEST["requester"]]
        if resource is not None and not ReuseRequest.objects.filter(resource=resource, requester=requester).exists():
            ReuseRequest.objects.create(
                resource=resource,
                requester=requester,
                organisation=people[requester.username].organisation,
                scope="adapt",
                purpose=REUSE_REQUEST["purpose"],
            )


def _submitted(library, conditions, types, record, owner, people):
    """A draft, with its file in a draft release, submitted to the library's workflow."""
    from ..models import ResourceContributor

    page = ToolPage(
        title=record["title"],
        slug=record["slug"],
        summary=record["summary"],
        resource_type=types[record["resource_type"]],
        licence=Licence.objects.get(spdx_id="CC-BY-4.0"),
        owner=owner,
        live=False,
    )
    page.conditions.set([conditions[slug] for slug in record["conditions"]])
    page.tags.set(record["tags"])
    page.contributor_links = [ResourceContributor(contributor=people[owner.username], role="author")]
    library.add_child(instance=page)
    page.save_revision(user=owner)
    if "file" in record:
        filename, paragraphs = record["file"]
        document = get_document_model()(title=record["title"], collection=contributions_collection(), uploaded_by_user=owner)
        document.file.save(filename, ContentFile(make_pdf(record["title"], paragraphs)), save=False)
        document.save()
        release = Release.objects.create(resource=page, label="1.0", change_notes=FIRST_RELEASE_NOTES, created_by=owner)
        ReleaseFile.objects.create(release=release, document=document, filename=filename)
    page.get_workflow().start(page, owner)
    return page
