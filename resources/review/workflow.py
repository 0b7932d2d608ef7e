"""The "Contribution review" workflow on every library: screening, review, editorial approval.

``ensure_review_workflow(groups)`` is idempotent and runs with ``resources.roles.ensure_roles``
(after every migrate, in ``load_demo`` and ``manage.py setup_roles``): the tasks are found by name,
so an administrator may rename the workflow's groups or reorder nothing by accident, and a library
made later gets the workflow the next time roles are set up.
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
    for library in LibraryPage.objects.all():
        WorkflowPage.objects.get_or_create(page=library, defaults={"workflow": workflow})
    return workflow
