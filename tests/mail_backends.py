"""E-mail backends that behave like real mail servers do when they say no."""

import smtplib

from django.conf import settings
from django.core.mail.backends import locmem


class RefusingBackend(locmem.EmailBackend):
    """Delivers to the test outbox like the locmem backend, except that it refuses every message to
    an address in ``settings.REFUSED_EMAIL_ADDRESSES`` the way an SMTP server does ("550 mailbox
    unavailable": smtplib raises ``SMTPRecipientsRefused``)."""

    def send_messages(self, messages):
        refused_addresses = set(getattr(settings, "REFUSED_EMAIL_ADDRESSES", ()))
        for message in messages:
            refused = {
                address: (550, b"5.1.1 Mailbox unavailable") for address in message.to if address in refused_addresses
            }
            if refused:
                raise smtplib.SMTPRecipientsRefused(refused)
        return super().send_messages(messages)
