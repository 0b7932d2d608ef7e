"""Signed links for clicks on search results, so that the click log records only clicks on
results /search/ actually showed.

The click URL names the search (its query log), the page and its position in the list; the
signature over the three, salted for this use, is added as ``?sig=``. Anyone could otherwise
request /search/click/<any search>/<any page>/<any position>/ and skew the editors' analytics.
"""

from urllib.parse import urlencode

from django.core import signing
from django.urls import reverse
from django.utils.crypto import constant_time_compare

SALT = "search.click"


def _signature(search_id, page_id, position):
    return signing.Signer(salt=SALT).signature(f"{search_id}:{page_id}:{position}")


def click_url(search_id, page_id, position):
    """The URL that counts a click on result ``position`` (``page_id``) of search ``search_id``."""
    url = reverse("search_click", args=[search_id, page_id, position])
    return f"{url}?{urlencode({'sig': _signature(search_id, page_id, position)})}"


def is_signed(search_id, page_id, position, signature):
    """Whether ``signature`` is the one ``click_url`` gave for these three."""
    return bool(signature) and constant_time_compare(_signature(search_id, page_id, position), signature)
