"""The demo reviewers' kinds of typed review (``resources.review.typed``): Samuel, a physician,
reviews clinical safety and QI method; Helen, a nurse who works with families, licence and reuse
and patient and family language. The library's workflow stays "Contribution review"; switching it
to "Contribution review with typed reviews" (docs/contributions.md) finds them ready."""

from django.contrib.auth import get_user_model

from resources.models import ReviewType

TYPED_REVIEWERS = {
    "samuel.okafor": ["Clinical safety", "QI method"],
    "helen.fraser": ["Licence and reuse", "Patient and family language"],
}


def add_typed_reviewers():
    """Idempotent: each demo reviewer joins the groups of their types (those that exist)."""
    users = get_user_model().objects.filter(username__in=TYPED_REVIEWERS)
    for user in users:
        mine = ReviewType.objects.filter(name__in=TYPED_REVIEWERS[user.username]).select_related("group")
        groups = [review_type.group for review_type in mine]
        user.groups.add(*groups)
