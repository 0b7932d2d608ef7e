"""Signing in and resetting a password without telling a stranger who has an account.

The admin's password reset (/admin/password_reset/) answers every address with the same page.
Django's form, though, looks the address up, renders a message and talks to the mail server only
for known addresses, in the request: the answer came back measurably later for an address with an
account, which gave away who has one. Here the request does the same work for every address (check
the form, answer with the same redirect); looking the address up and sending the mail happen in a
background task that is handed off once the answer has been sent, whatever the address.
"""

import logging
import math

from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.contrib.sites.shortcuts import get_current_site
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm
from wagtail.admin.views import account

logger = logging.getLogger(__name__)


def locked_out(request, original_response=None, credentials=None):
    """The page django-axes shows (AXES_LOCKOUT_CALLABLE) when sign-in is paused after too many
    wrong passwords, on the site's sign-in page and the admin's alike."""
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "username": get_client_username(request, credentials) or "",
        "cooloff_minutes": math.ceil(cool_off.total_seconds() / 60) if cool_off else None,
    }
    return render(request, "contributors/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)


class PasswordResetForm(WagtailPasswordResetForm):
    """Wagtail's password reset form whose ``save()`` only describes the mail to send: the same
    description for every address, whether or not it belongs to an account."""

    def save(
        self,
        domain_override=None,
        subject_template_name="registration/password_reset_subject.txt",
        email_template_name="registration/password_reset_email.html",
        use_https=False,
        token_generator=default_token_generator,
        from_email=None,
        request=None,
        html_email_template_name=None,
        extra_email_context=None,
    ):
        if token_generator is not default_token_generator:
            raise ValueError("The password reset task makes its tokens with Django's default token generator.")
        if domain_override:
            site_name = domain = domain_override
        else:
            site = get_current_site(request)
            site_name, domain = site.name, site.domain
        self.mail = {
            "email": self.cleaned_data["email"],
            "domain": domain,
            "site_name": site_name,
            "use_https": use_https,
            "subject_template_name": subject_template_name,
            "email_template_name": email_template_name,
            "html_email_template_name": html_email_template_name,
            "from_email": from_email,
            "extra_email_context": extra_email_context or {},
        }
        return self.mail


@task()
def send_password_reset(email, domain, site_name, use_https, subject_template_name, email_template_name,
                        html_email_template_name=None, from_email=None, extra_email_context=None):
    """Mail a reset link to each active account with this address (usually one, often none)."""
    form = WagtailPasswordResetForm({"email": email})
    if not form.is_valid():
        return 0
    User = get_user_model()
    email_field_name = User.get_email_field_name()
    sent = 0
    for user in form.get_users(form.cleaned_data["email"]):
        context = {
            "email": getattr(user, email_field_name),
            "domain": domain,
            "site_name": site_name,
            "uid": urlsafe_base64_encode(force_bytes(User._meta.pk.value_to_string(user))),
            "user": user,
            "token": default_token_generator.make_token(user),
            "protocol": "https" if use_https else "http",
            **(extra_email_context or {}),
        }
        form.send_mail(
            subject_template_name, email_template_name, context, from_email, context["email"],
            html_email_template_name=html_email_template_name,
        )
        sent += 1
    return sent


class RedirectThenHandOff(HttpResponseRedirect):
    """A redirect that hands ``work`` off once it has been sent: WSGI servers (and Django's test
    client) call ``close()`` after the last byte of the response, so nothing ``work`` does can
    change how long the answer takes."""

    def __init__(self, redirect_to, work):
        super().__init__(redirect_to)
        self.work = work

    def close(self):
        try:
            super().close()
        finally:
            try:
                self.work()
            except Exception:
                # The answer has gone; a failure here must reach the logs, not the visitor.
                logger.exception("Could not hand off the password reset mail")


class PasswordResetView(account.PasswordResetView):
    """Wagtail's admin password reset, answering known and unknown addresses alike."""

    def get_form_class(self):
        return PasswordResetForm

    def form_valid(self, form):
        mail = form.save(
            use_https=self.request.is_secure(),
            token_generator=self.token_generator,
            from_email=self.from_email,
            email_template_name=self.email_template_name,
            subject_template_name=self.subject_template_name,
            request=self.request,
            html_email_template_name=self.html_email_template_name,
            extra_email_context=self.extra_email_context,
        )
        return RedirectThenHandOff(self.get_success_url(), lambda: send_password_reset.enqueue(**mail))
