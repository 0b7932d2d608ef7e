from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from .validators import normalise_orcid, validate_orcid


class OrganisationKind(models.TextChoices):
    CARE_CENTRE = "care-centre", "Care centre"
    NETWORK_OFFICE = "network-office", "Network office"
    FAMILY_COUNCIL = "family-council", "Family advisory council"
    RESEARCH_GROUP = "research-group", "Research group"


class Organisation(index.Indexed, models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=OrganisationKind.choices, default=OrganisationKind.CARE_CENTRE)
    city = models.CharField(max_length=120, blank=True)
    description = models.TextField(blank=True)
    website = models.URLField(blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("city")]),
        FieldPanel("description"),
        FieldPanel("website"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("city")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisation_detail", args=[self.slug])


class RoleInCare(models.TextChoices):
    PHYSICIAN = "physician", "Physician"
    NURSE = "nurse", "Nurse"
    ALLIED_HEALTH = "allied-health", "Allied health professional"
    PARENT_CARER = "parent-carer", "Parent or carer"
    PATIENT = "patient", "Patient"
    RESEARCHER = "researcher", "Researcher"
    IMPROVEMENT_SPECIALIST = "improvement-specialist", "Improvement specialist"
    DATA_ANALYST = "data-analyst", "Data analyst"
    CARE_COORDINATOR = "care-coordinator", "Care coordinator"


class ContributorProfile(index.Indexed, models.Model):
    """A person credited on resources. Usually a signed-in member; may be someone without an
    account (a co-author from another network) when credit is due."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="contributor_profile"
    )
    display_name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=150, unique=True)
    role_in_care = models.CharField(max_length=30, choices=RoleInCare.choices)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    orcid = models.CharField(
        "ORCID iD", max_length=64, blank=True, validators=[validate_orcid],
        help_text="Optional, e.g. 0000-0002-1825-0097.",
    )
    bio = models.TextField(blank=True)
    avatar = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("user"),
        FieldRowPanel([FieldPanel("display_name"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("role_in_care"), FieldPanel("organisation")]),
        FieldPanel("orcid"),
        FieldPanel("bio"),
        FieldPanel("avatar"),
    ]
    search_fields = [index.SearchField("display_name"), index.AutocompleteField("display_name")]

    class Meta:
        ordering = ["display_name"]
        verbose_name = "contributor"

    def __str__(self):
        return self.display_name

    def clean_fields(self, exclude=None):
        # Accept what people paste (https://orcid.org/..., lower-case x) and store the bare iD.
        self.orcid = normalise_orcid(self.orcid)
        super().clean_fields(exclude=exclude)

    @property
    def orcid_url(self):
        return f"https://orcid.org/{self.orcid}" if self.orcid else ""

    def get_absolute_url(self):
        return reverse("contributor_detail", args=[self.slug])


def centre_of(user):
    """The organisation (the centre) this person's contributor profile names, or None. Read once
    per user object: one request's checks ask it several times."""
    if not user or not user.is_authenticated:
        return None
    if not hasattr(user, "_commons_centre"):
        profile = ContributorProfile.objects.filter(user=user).select_related("organisation").first()
        user._commons_centre = profile.organisation if profile is not None else None
    return user._commons_centre


class InvitationStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    ACCEPTED = "accepted", "Accepted"
    EXPIRED = "expired", "Expired"
    REVOKED = "revoked", "Revoked"


class InvitationQuerySet(models.QuerySet):
    def open(self):
        """Neither accepted nor revoked: its link works until it expires."""
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True)

    def pending(self):
        return self.open().filter(expires_at__gt=timezone.now())

    def with_status(self, status):
        now = timezone.now()
        if status == InvitationStatus.PENDING:
            return self.pending()
        if status == InvitationStatus.ACCEPTED:
            return self.filter(accepted_at__isnull=False)
        if status == InvitationStatus.REVOKED:
            return self.filter(accepted_at__isnull=True, revoked_at__isnull=False)
        if status == InvitationStatus.EXPIRED:
            return self.open().filter(expires_at__lte=now)
        return self


class Invitation(models.Model):
    """An invitation to join an organisation with a role, sent by e-mail (contributors/invitations.py).

    The link carries a secret; only its SHA-256 is kept (``token_hash``), so neither the database
    nor its backups hold a working link. A new link is made each time the invitation is sent, and
    the one before stops working. Nothing here is edited after it is made: an invitation is sent,
    accepted, revoked or left to expire, and each step keeps its date."""

    email = models.EmailField("e-mail address")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    role = models.ForeignKey("auth.Group", on_delete=models.CASCADE, related_name="+")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("invited", default=timezone.now, editable=False)
    expires_at = models.DateTimeField("expires", editable=False)
    token_hash = models.CharField(max_length=64, unique=True, null=True, editable=False)
    sent_at = models.DateTimeField("sent", null=True, editable=False)
    accepted_at = models.DateTimeField("accepted", null=True, editable=False)
    accepted_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+",
        verbose_name="account made",
    )
    revoked_at = models.DateTimeField("revoked", null=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["email", "organisation"])]

    def __str__(self):
        return f"{self.email} to {self.organisation}"

    @property
    def status(self):
        if self.accepted_at:
            return InvitationStatus.ACCEPTED
        if self.revoked_at:
            return InvitationStatus.REVOKED
        if self.expires_at <= timezone.now():
            return InvitationStatus.EXPIRED
        return InvitationStatus.PENDING

    def get_status_display(self):
        return self.status.label

    @property
    def is_open(self):
        return self.status == InvitationStatus.PENDING

    def clean(self):
        # The escalation guard, on the model so that every form and view that saves one is held
        # to it: nobody invites to a role that may do more than they may (contributors/grants.py).
        from .grants import may_grant

        self.email = self.email.strip().lower()
        if self.role_id and self.invited_by_id and not may_grant(self.invited_by, self.role):
            raise ValidationError({"role": role_refused(self.role)})


def role_refused(role):
    return (
        f"You cannot invite someone as one of the {role.name}: that role may do things yours may not. "
        "Ask a network admin to send this invitation."
    )


class PersonalTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class PersonalToken(models.Model):
    """A member's key to the REST API (``contributors.tokens``): whoever presents it is that
    member, and sees through the API what the member may see on the site. Only a SHA-256 of the
    secret is stored; the secret itself is shown once, when the token is made."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="personal_tokens")
    name = models.CharField(max_length=100, help_text="What it is for, e.g. “Our team's dashboard”.")
    # The secret's first characters, so its owner can tell which token a script uses.
    prefix = models.CharField(max_length=12, editable=False)
    secret_sha256 = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = PersonalTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "personal API token"

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"
