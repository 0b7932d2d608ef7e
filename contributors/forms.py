"""The forms of invitations: the admin's (who is invited, where, as what) and the invitee's (the
account they choose)."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from wagtail.admin.forms import WagtailAdminModelForm

from .grants import may_grant
from .invitations import account_with_email, offered_roles
from .models import Invitation, RoleInCare, role_refused

User = get_user_model()


class InvitationForm(WagtailAdminModelForm):
    """Who is invited, to which organisation, as what. ``for_user`` is the person inviting: the
    roles offered are those they may give, and the model refuses any other (``Invitation.clean``)
    whatever is posted."""

    class Meta:
        model = Invitation
        fields = ["email", "organisation", "role"]
        help_texts = {
            "email": "The invitation is sent to this address; the link in it works once.",
            "role": "You may give only the roles whose permissions your own role holds.",
        }

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.instance.invited_by = for_user
        offered = [role for role in offered_roles() if may_grant(for_user, role)]
        # Every role is accepted by the field and refused, with the reason, by the model: a refusal
        # for a role not offered then says why, rather than "not one of the available choices".
        self.fields["role"].queryset = Group.objects.filter(pk__in=[role.pk for role in offered_roles()])
        self.fields["role"].choices = [("", "---------")] + [(role.pk, role.name) for role in offered]

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        account = account_with_email(email)
        if account:
            raise forms.ValidationError(
                f"There is already an account with this address ({account.get_username()}). Invitations make "
                "new accounts: a network admin can give that account this role and organisation under Users "
                "instead.",
                code="account_exists",
            )
        return email

    def clean_role(self):
        role = self.cleaned_data["role"]
        if role and not may_grant(self.for_user, role):
            raise forms.ValidationError(role_refused(role), code="escalation")
        return role

    def clean(self):
        cleaned_data = super().clean()
        email, organisation = cleaned_data.get("email"), cleaned_data.get("organisation")
        if email and organisation:
            pending = Invitation.objects.pending().filter(email=email, organisation=organisation).first()
            if pending:
                raise forms.ValidationError(
                    f"{email} already has an invitation to {organisation} waiting, until "
                    f"{pending.expires_at:%-d %B %Y}. Resend or revoke it from the list of invitations.",
                    code="duplicate",
                )
        return cleaned_data


class AcceptInvitationForm(forms.Form):
    """The account the invitee chooses: their name as the network will credit them, their role in
    care, a username and a password (held to AUTH_PASSWORD_VALIDATORS)."""

    display_name = forms.CharField(
        label="Your name", max_length=150,
        help_text="As it will appear on the resources you share, e.g. Dr Nadia Farouk.",
    )
    role_in_care = forms.ChoiceField(label="Your role in care", choices=[("", "Choose one"), *RoleInCare.choices])
    username = forms.CharField(
        label="Username", max_length=150, validators=[User.username_validator],
        help_text="You sign in with it. Letters, digits and . + - _ only.",
    )
    password1 = forms.CharField(
        label="Password", strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label="Password again", strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, invitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation
        self.fields["username"].widget.attrs["autocomplete"] = "username"

    def clean_username(self):
        username = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError("That username is taken. Choose another.", code="taken")
        return username

    def clean(self):
        cleaned_data = super().clean()
        password1, password2 = cleaned_data.get("password1"), cleaned_data.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", "The two passwords differ. Type the same password twice.")
        elif password1:
            # Checked against the account to be: a password like the username or the address is refused.
            candidate = User(
                username=cleaned_data.get("username", ""), email=self.invitation.email,
                first_name=cleaned_data.get("display_name", ""),
            )
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned_data
