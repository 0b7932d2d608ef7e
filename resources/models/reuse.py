"""Reuse requests: asking the owners of a network-only or no-derivatives resource for permission.

A granted request is the recorded reuse grant the licence check honours (``grant_for``): who may
reuse what, for which organisation, how far (use as it is, or adapt), since when and on whose word.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class ReuseScope(models.TextChoices):
    USE = "use", "Use it as it is"
    ADAPT = "adapt", "Adapt it"


class ReuseStatus(models.TextChoices):
    PENDING = "pending", "Waiting for a decision"
    GRANTED = "granted", "Granted"
    DECLINED = "declined", "Declined"


class ReuseRequestQuerySet(models.QuerySet):
    def granted(self):
        return self.filter(status=ReuseStatus.GRANTED)

    def pending(self):
        return self.filter(status=ReuseStatus.PENDING)

    def decidable_by(self, user):
        """Requests this person answers (see ``deciders``): all of them for an editor, else those on
        resources they own or are credited on."""
        from contributors.roles import EDITORS

        if user.groups.filter(name=EDITORS).exists():
            return self
        return self.filter(Q(resource__owner=user) | Q(resource__contributor_links__contributor__user=user)).distinct()


class ReuseRequest(models.Model):
    resource = models.ForeignKey("resources.ResourcePage", on_delete=models.CASCADE, related_name="reuse_requests")
    requester = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reuse_requests")
    organisation = models.ForeignKey(
        "contributors.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reuse_requests",
        help_text="The care centre or group that will use it, if any.",
    )
    scope = models.CharField(max_length=10, choices=ReuseScope.choices, default=ReuseScope.ADAPT)
    purpose = models.TextField(
        "how you will use it",
        help_text="Who will use it, where, and what you will change, so that its owners can decide.",
    )
    status = models.CharField(max_length=10, choices=ReuseStatus.choices, default=ReuseStatus.PENDING)
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_message = models.TextField(blank=True)

    objects = ReuseRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at", "-pk"]
        constraints = [
            # One open question per person and resource; decided ones stay as the record.
            models.UniqueConstraint(
                fields=["resource", "requester"],
                condition=Q(status="pending"),
                name="one_pending_reuse_request",
            )
        ]

    def __str__(self):
        return f"{self.requester} → {self.resource.title} ({self.get_status_display()})"

    @property
    def is_pending(self):
        return self.status == ReuseStatus.PENDING

    def decide(self, user, granted, message=""):
        self.status = ReuseStatus.GRANTED if granted else ReuseStatus.DECLINED
        self.decided_by = user
        self.decided_at = timezone.now()
        self.decision_message = message
        self.save(update_fields=["status", "decided_by", "decided_at", "decision_message"])


def deciders(resource):
    """Who answers reuse requests for a resource: its owner and credited contributors with an
    account, and the editors (the people ``ReuseRequestQuerySet.decidable_by`` lets decide)."""
    from django.contrib.auth import get_user_model

    from contributors.roles import EDITORS

    people = {resource.owner} if resource.owner_id else set()
    people |= {link.contributor.user for link in resource.credited if link.contributor.user_id}
    people |= set(get_user_model().objects.filter(groups__name=EDITORS, is_active=True))
    return people


def grant_for(source, page):
    """The grant that lets ``page`` adapt ``source``: a granted "adapt" request by one of the page's
    people (its owner or a credited contributor) or for one of its organisations. None if there is none."""
    people = {page.owner_id} if page.owner_id else set()
    people |= {
        link.contributor.user_id for link in page.contributor_links.all() if link.contributor.user_id is not None
    }
    organisations = {organisation.pk for organisation in page.organisations.all()}
    return (
        ReuseRequest.objects.granted()
        .filter(resource_id=source.pk, scope=ReuseScope.ADAPT)
        .filter(Q(requester_id__in=people) | Q(organisation_id__in=organisations))
        .order_by("-decided_at")
        .first()
    )
