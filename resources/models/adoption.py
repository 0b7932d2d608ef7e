"""Adoption: "our centre uses this". A centre's mark that it uses a resource (or one release of it),
since when, and what it found when asked "did it work?" (docs/evidence.md, "Adoption").

A mark belongs to the centre, not only to the person who made it: one live mark per resource and
centre, which the person who made it, their colleagues at the same centre and the editors may keep
current (stop it, answer the check, say whether the centre may be named). A person without a centre
on their contributor profile cannot mark anything: there would be no centre to count.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from contributors.models import centre_of

# Who may keep any centre's marks current, not only their own centre's (editors hold it).
CHANGE_ANY = "resources.change_adoption"

NO_CENTRE = (
    "Your profile does not name a centre, so there is no centre to mark this for. Ask an editor to add your "
    "organisation to your profile, then try again."
)


def check_after():
    """How long after a centre starts using something it is asked whether it worked (and how long
    after a "too early" answer it is asked again)."""
    return datetime.timedelta(days=int(getattr(settings, "ADOPTION_CHECK_AFTER_DAYS", 90)))


class AdoptionOutcome(models.TextChoices):
    YES = "yes", "Yes, it worked"
    PARTLY = "partly", "Partly"
    NO = "no", "No, it did not"
    TOO_EARLY = "too-early", "Too early to tell"


class AdoptionQuerySet(models.QuerySet):
    def live(self):
        """Marks still in use (not stopped)."""
        return self.filter(stopped_on__isnull=True)

    def answerable_by(self, user):
        """Marks this person speaks for: those they made and those of their own centre. Only they
        answer "did it work?" (an editor does not answer for a centre)."""
        if not user.is_authenticated:
            return self.none()
        mine = Q(marked_by=user)
        centre = centre_of(user)
        if centre is not None:
            mine |= Q(organisation=centre)
        return self.filter(mine)

    def editable_by(self, user):
        """Marks this person may keep current (stop them): those they answer for, and any for
        someone holding ``CHANGE_ANY`` (editors)."""
        if user.is_authenticated and user.has_perm(CHANGE_ANY):
            return self
        return self.answerable_by(user)

    def due_for_check(self, today):
        """Live marks whose person should be asked "did it work?" on ``today``: started at least
        ``check_after()`` ago and never asked, or answered "too early" at least that long ago and
        not asked since."""
        period = check_after()
        never_asked = Q(asked_on__isnull=True, started_on__lte=today - period)
        asked_again = Q(
            outcome=AdoptionOutcome.TOO_EARLY, answered_on__lte=today - period, asked_on__lte=models.F("answered_on")
        )
        return self.live().filter(never_asked | asked_again)


class Adoption(models.Model):
    """One centre's use of a resource, from ``started_on`` until ``stopped_on`` (None: still in use).

    The check ("did it work?") is asked of ``marked_by`` by the daily job (resources/evidence/
    adoption_prompts.py) and answered by them or a colleague, who may link one of the centre's own
    data series as what shows it (``evidence_series``).
    """

    resource = models.ForeignKey("resources.ResourcePage", on_delete=models.CASCADE, related_name="adoptions")
    release = models.ForeignKey(
        "resources.Release",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adoptions",
        help_text="The version the centre uses, if it is one in particular.",
    )
    organisation = models.ForeignKey(
        "contributors.Organisation", on_delete=models.CASCADE, related_name="adoptions", verbose_name="centre"
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="adoptions"
    )
    started_on = models.DateField("in use since", default=timezone.localdate)
    note = models.TextField(blank=True, help_text="Optional: how your centre uses it, for your colleagues.")
    public = models.BooleanField(
        "name our centre publicly",
        default=False,
        help_text="Show your centre's name on the resource's page. Otherwise it is only counted.",
    )
    stopped_on = models.DateField(null=True, blank=True)
    # The check.
    asked_on = models.DateField(null=True, blank=True, help_text="When the person was last asked whether it worked.")
    outcome = models.CharField("did it work?", max_length=10, choices=AdoptionOutcome.choices, blank=True)
    outcome_note = models.TextField("what you found", blank=True)
    answered_on = models.DateField(null=True, blank=True)
    # "Did it work? ... optionally a linked data series": one of the centre's own series (the answer
    # form offers only those). Deleting the series leaves the answer.
    evidence_series = models.ForeignKey(
        "resources.Series", null=True, blank=True, on_delete=models.SET_NULL, related_name="adoptions",
        verbose_name="the data series that shows it",
        help_text="Optional: one of your centre's data series that shows whether it worked.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AdoptionQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "-pk"]
        constraints = [
            # A centre uses a resource or does not: colleagues see the centre's one live mark.
            models.UniqueConstraint(
                fields=["resource", "organisation"], condition=Q(stopped_on__isnull=True), name="one_live_adoption"
            ),
        ]
        indexes = [models.Index(fields=["resource", "stopped_on"], name="adoption_resource_live")]

    def __str__(self):
        return f"{self.organisation} uses {self.resource_id} since {self.started_on}"

    @property
    def is_live(self):
        return self.stopped_on is None

    def check_is_due(self, today=None):
        """Whether the check belongs on the page now (the same rule as the daily job's, and also
        once the person has been asked and not answered)."""
        today = today or timezone.localdate()
        if not self.is_live:
            return False
        if self.outcome == AdoptionOutcome.TOO_EARLY:
            return self.answered_on + check_after() <= today
        return not self.outcome and self.started_on + check_after() <= today

    def clean(self):
        super().clean()
        today = timezone.localdate()
        errors = {}
        if self.started_on and self.started_on > today:
            errors["started_on"] = "The start date is in the future: mark it once your centre has started."
        if self.release_id is not None and self.resource_id is not None:
            from .releases import Release

            if not Release.objects.published().filter(pk=self.release_id, resource_id=self.resource_id).exists():
                errors["release"] = "Choose one of this resource's released versions."
        if self.stopped_on is not None and self.started_on and self.stopped_on < self.started_on:
            errors["stopped_on"] = "It cannot have stopped before it started."
        if errors:
            raise ValidationError(errors)

    def stop(self, on=None):
        self.stopped_on = max(on or timezone.localdate(), self.started_on)
        self.save(update_fields=["stopped_on"])

    def answer(self, outcome, note="", on=None, evidence_series=None):
        self.outcome, self.outcome_note = outcome, note
        self.answered_on = on or timezone.localdate()
        self.evidence_series = evidence_series
        self.save(update_fields=["outcome", "outcome_note", "answered_on", "evidence_series"])
