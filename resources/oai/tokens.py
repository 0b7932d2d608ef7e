"""Resumption tokens: stateless and signed (``django.core.signing``), so any app server can answer
the next request and nothing is stored per harvest.

A token carries the list request (verb, metadataPrefix, from, until, set), how many items were
sent before (the protocol's ``cursor``) and the position after the last one sent: its datestamp
and record id. Lists are ordered by (datestamp, id), and a record that changes moves to the end
of that order with a new datestamp, so a harvest in progress neither skips nor repeats a record
that stayed put, and sees a changed one again at the end. An expired or altered token is
``badResumptionToken``.
"""

import datetime

from django.conf import settings
from django.core import signing

from .errors import BadResumptionToken

SALT = "resources.oai.resumption"


def max_age():
    return getattr(settings, "OAI_TOKEN_MAX_AGE", 24 * 60 * 60)


def batch_size():
    return getattr(settings, "OAI_BATCH_SIZE", 100)


def make(verb, query, after, cursor):
    """A token for the rest of a list. ``after``: (datestamp, record id) of the last item sent
    (``None`` for ListSets, whose position is ``cursor`` alone)."""
    position = None if after is None else [after[0].isoformat(), after[1]]
    payload = {"v": verb, "q": query, "a": position, "c": cursor}
    return signing.dumps(payload, salt=SALT, compress=True)


def expiration():
    return datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=max_age())


def read(token, verb):
    """``(query, after, cursor)`` from a token made by ``make`` for the same verb."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=max_age())
    except signing.SignatureExpired:
        raise BadResumptionToken("This resumption token has expired: start the list again without it.") from None
    except signing.BadSignature:
        raise BadResumptionToken("This resumption token is not one this repository issued, or it was altered: "
                                 "start the list again without it.") from None
    if not isinstance(payload, dict) or payload.get("v") != verb:
        raise BadResumptionToken(f"This resumption token belongs to another verb, not {verb}: send it with the "
                                 "verb that returned it.")
    position = payload.get("a")
    after = None if position is None else (datetime.datetime.fromisoformat(position[0]), position[1])
    return payload["q"], after, payload["c"]
