"""Contributions in the middle of the "Contribution review" workflow, so that the demo shows each
side of it: one waiting for a reviewer, one returned to its contributor with a reviewer's comment,
and a reuse request waiting for a decision.

Made through the same calls as the site (``save_contribution`` and ``submit_for_review``, as
/share/ does, then the review task's own action), with e-mail muted.
"""

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.datastructures import MultiValueDict

from ..forms import share_form
from ..models import Licence, ReuseRequest, ToolPage
from ..review import notifications
from ..review.sharing import save_contribution, submit_for_review
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


def create_contributions(conditions, types, people):
    """Idempotent: each item is made once."""
    users = get_user_model().objects.in_bulk([IN_REVIEW["owner"], CHANGES_REQUESTED["owner"],
                                              CHANGES_REQUESTED["reviewer"], REUSE_REQUEST["requester"]],
                                             field_name="username")
    with notifications.muted():
        if not ToolPage.objects.filter(slug=IN_REVIEW["slug"]).exists():
            _submitted(conditions, types, IN_REVIEW, users[IN_REVIEW["owner"]])
        if not ToolPage.objects.filter(slug=CHANGES_REQUESTED["slug"]).exists():
            page = _submitted(conditions, types, CHANGES_REQUESTED, users[CHANGES_REQUESTED["owner"]])
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


def _submitted(conditions, types, record, owner):
    """Shared and submitted the way /share/ does it: its form, filled in as a browser sends it."""
    files = []
    if "file" in record:
        filename, paragraphs = record["file"]
        pdf = make_pdf(record["title"], paragraphs)
        files.append(SimpleUploadedFile(filename, pdf, content_type="application/pdf"))
    data = MultiValueDict({
        "kind": ["tool"],
        "title": [record["title"]],
        "summary": [record["summary"]],
        "resource_type": [types[record["resource_type"]].pk],
        "licence": [Licence.objects.get(spdx_id="CC-BY-4.0").pk],
        "conditions": [conditions[slug].pk for slug in record["conditions"]],
        "tags": [", ".join(record["tags"])],
    })
    form = share_form(data, MultiValueDict({"files": files}), request=None)
    if not form.is_valid():
        raise ValueError(f"The demo contribution {record['title']!r} does not pass the share form: {form.errors}")
    page = save_contribution(form, owner)
    submit_for_review(page, owner)
    return page
