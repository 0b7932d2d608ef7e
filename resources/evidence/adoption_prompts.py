"""The daily job's question to centres: "did it work?" (``ask_whether_it_worked``, in
resources/daily.py's JOBS).

A live mark is due when it started ``ADOPTION_CHECK_AFTER_DAYS`` (90) days ago or more and its
person was never asked, or when it was answered "too early to tell" that long ago and not asked
since (``AdoptionQuerySet.due_for_check``). The person who marked it gets one e-mail with a link to
the answer page (through the outbox, like every other mail); ``asked_on`` is set to the day, so a
second run on the same day, or any later day, sends nothing more until the next period. A mark
whose person has no account any more, no address or is inactive is left for the page (their
colleagues see the question there) and asked again the next day, should an address appear.
Resources no longer live are not asked about.
"""

from django.db import transaction
from django.urls import reverse

from ..models import Adoption
from ..models.adoption import check_after
from ..review.notifications import absolute, templates, write


def ask_whether_it_worked(today):
    due = list(
        Adoption.objects.due_for_check(today)
        .filter(resource__live=True, marked_by__is_active=True)
        .exclude(marked_by__email="")
        .select_related("resource", "organisation", "marked_by")
        .order_by("pk")
    )
    with transaction.atomic():
        for adoption in due:
            write(
                [adoption.marked_by],
                templates("adoption_check"),
                {
                    "adoption": adoption,
                    "check_url": absolute(reverse("adoption_check", args=[adoption.pk])),
                    "page_url": adoption.resource.full_url,
                    "again": bool(adoption.outcome),
                },
            )
        Adoption.objects.filter(pk__in=[adoption.pk for adoption in due]).update(asked_on=today)
    return f"Asked {len(due)} centre{'' if len(due) == 1 else 's'} whether a resource they use worked " \
        f"(after {check_after().days} days)."
