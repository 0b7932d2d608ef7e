"""OAI identifiers: ``oai:<repository id>:resource/<page id>`` (``collection/<page id>`` for a
collection). The repository id is ``OAI_REPOSITORY_ID``, or the host the request came to; set it
in production, as identifiers must never change."""

import re

from django.conf import settings

from ..models import HarvestRecord
from .errors import IdDoesNotExist

IDENTIFIER = re.compile(r"^oai:(?P<repository>[^:\s]+):(?P<kind>resource|collection)/(?P<page_id>\d{1,18})$")


def repository_id(request):
    configured = getattr(settings, "OAI_REPOSITORY_ID", "")
    return configured or request.get_host().rsplit(":", 1)[0].strip("[]")


def identifier(request, record):
    return f"oai:{repository_id(request)}:{record.kind}/{record.page_id}"


def record_for(request, value):
    """The harvest record an identifier names, live or deleted, or ``idDoesNotExist``."""
    match = IDENTIFIER.match(value)
    if match is None or match["repository"] != repository_id(request):
        raise IdDoesNotExist(
            f"{value!r} is not an identifier of this repository: they look like "
            f"oai:{repository_id(request)}:resource/123 (ListIdentifiers lists them)."
        )
    record = HarvestRecord.objects.filter(page_id=int(match["page_id"]), kind=match["kind"]).first()
    if record is None:
        raise IdDoesNotExist(f"No record has the identifier {value!r}: ListIdentifiers lists them.")
    return record
