"""Reuse requests: asking the owners of a network-only or no-derivatives resource for permission.

A granted request is the recorded reuse grant the licence check honours (``grant_for``): who may
reuse what, for which organisation, how far (use as it is, or adapt), since when and on whose word.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

# Who may decide any reuse request, not only those on their own resources (editors hold it).
DECIDE_ANY = "resources.change_reuserequest"


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
        """Requests this person answers (see ``deciders``): all of them for someone who may decide
        any request (editors, network admins, administrators), else those on resources they own or
        are credited on."""
        if user.has_perm(DECIDE_ANY):
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

    people = {resource.owner} if resource.owner_id else set()
    people |= {link.contributor.user for link in resource.credited if link.contributor.user_id}
    # Administrators are not written to about every request: they hold every permission anyway.
    deciding = get_user_model().objects.with_perm(
        DECIDE_ANY, include_superusers=False, backend="django.contrib.auth.backends.ModelBackend"
    )
    people |= set(deciding.filter(is_active=True))
    return people


def grant_for(source, page):
    """The grant that lets ``page`` adapt ``source``, or None: a granted "adapt" request made by the
    page's owner (the person adapting it), or made for the owner's organisation by one of its
    members, the organisation being the one the network records on their contributor profiles.

    A grant answers one person's request, for the organisation named on it. The page's credits and
    its organisations are not consulted: its author fills them in, so naming another organisation
    or crediting the person who was granted would borrow their grant."""
    from contributors.models import ContributorProfile

    if page.owner_id is None:
        return None
    mine = Q(requester_id=page.owner_id)
    organisation_id = (
        ContributorProfile.objects.filter(user_id=page.owner_id).values_list("organisation_id", flat=True).first()
    )
    if organisation_id is not None:
        mine |= Q(organisation_id=organisation_id, requester__contributor_profile__organisation_id=organisation_id)
    return (
        ReuseRequest.objects.granted()
        .filter(resource_id=source.pk, scope=ReuseScope.ADAPT)
        .filter(mine)
        .order_by("-decided_at")
        .first()
    )
