"""Whether a protocol is current, as lists, search results, the API and the feeds show it: "Review
overdue since 3 March 2026" and "Superseded by …" (docs/evidence.md, "Protocol currency").

Worked out when shown, from ``review_by`` and today's date, never stored or indexed: the flag is
right on the day the review falls due without anyone saving the page or rebuilding the index. A
successor is named and linked only for a viewer who may see it (a members-only successor stays
unnamed); that a protocol was superseded is said to everyone, as its own page says it.

Cards come from ``resource_cards`` with the protocol's row and its successor fetched alongside
(``CARD_RELATED``), so a list of any length asks no query per card.
"""

import datetime
from dataclasses import dataclass

from .models import ProtocolPage, ResourcePage
from .visibility import can_view_fetched

# What resource_cards and the API's lists fetch with each resource for its flags.
CARD_RELATED = ("protocolpage", "protocolpage__superseded_by")

_PROTOCOL = ResourcePage._meta.get_field("protocolpage")


@dataclass(frozen=True)
class Currency:
    review_by: datetime.date | None
    overdue_since: datetime.date | None  # the day after review_by, when that day has come
    superseded: bool
    successor: ProtocolPage | None = None  # only when the viewer may see it
    successor_url: str = ""

    @property
    def review_overdue(self):
        return self.overdue_since is not None

    @property
    def flagged(self):
        return self.review_overdue or self.superseded


def protocol_of(page):
    """The protocol a resource is, or None: the page itself, the row fetched with a card, or (for a
    page fetched without it) the specific page, at the cost of a query."""
    if isinstance(page, ProtocolPage):
        return page
    if _PROTOCOL.is_cached(page):
        return _PROTOCOL.get_cached_value(page)
    if page.specific_class is ProtocolPage:
        return page.specific
    return None


def currency_of(page, request=None, today=None):
    """The flags of ``page`` for this viewer, or None when it is not a protocol. Without a request
    the successor is never named."""
    protocol = protocol_of(page)
    if protocol is None:
        return None
    successor = protocol.superseded_by if protocol.superseded_by_id else None
    if request is None or not can_view_fetched(successor, request):
        successor = None
    return Currency(
        review_by=protocol.review_by,
        overdue_since=protocol.overdue_since(today),
        superseded=protocol.superseded_by_id is not None,
        successor=successor,
        successor_url=successor.get_url(request) if successor is not None else "",
    )
