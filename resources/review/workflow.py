"""The "Contribution review" workflow on every library: screening, review, editorial approval.

``ensure_review_workflow(groups)`` is idempotent and runs with ``resources.roles.ensure_roles``
(after every migrate, in ``load_demo`` and ``manage.py setup_roles``): the tasks are found by name,
so an administrator may rename the workflow's groups or reorder nothing by accident, and a library
made later gets the workflow the next time roles are set up.

Beside it, ``resources.review.typed.ensure_typed_review`` keeps a second workflow ready, "Contribution
review with typed reviews", whose human review is several typed reviews in parallel: offered, not
assigned to any page (see docs/contributions.md, "Typed reviews").
"""

from django.db import transaction
from wagtail.models import Workflow, WorkflowPage, WorkflowTask

from contributors.roles import EDITORS, REVIEWERS

WORKFLOW_NAME = "Contribution review"
SCREENING_NAME = "Automated screening"
REVIEW_NAME = "Review"
EDITORIAL_NAME = "Editorial approval"


@transaction.atomic
def ensure_review_workflow(groups):
    """``groups``: the role groups by name (``ensure_roles``' result)."""
    from ..models import LibraryPage, ReviewTask, ScreeningTask
    from .typed import ensure_typed_review

    screening, _ = ScreeningTask.objects.get_or_create(name=SCREENING_NAME)
    review, created = ReviewTask.objects.get_or_create(name=REVIEW_NAME)
    if created:
        review.groups.set([groups[REVIEWERS]])
    editorial, created = ReviewTask.objects.get_or_create(name=EDITORIAL_NAME)
    if created:
        editorial.groups.set([groups[EDITORS]])

    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created:
        for order, task in enumerate([screening, review, editorial]):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    libraries = list(LibraryPage.objects.all())
    for library in libraries:
        WorkflowPage.objects.get_or_create(page=library, defaults={"workflow": workflow})
    ensure_typed_review(screening, editorial, libraries)
    return workflow
