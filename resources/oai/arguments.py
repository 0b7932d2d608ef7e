"""A request's verb and arguments, checked against what each verb allows (OAI-PMH 2.0, section 4).

GET and POST carry the same arguments (POST as ``application/x-www-form-urlencoded``). An argument
given twice, one the verb does not take, a missing required one, or a resumption token with other
arguments is ``badArgument``; a missing, unknown or repeated verb is ``badVerb``.
"""

import datetime
import re
from dataclasses import dataclass

from .errors import BadArgument, BadVerb

# verb: (required, optional, exclusive)
VERBS = {
    "Identify": ((), (), None),
    "ListMetadataFormats": ((), ("identifier",), None),
    "ListSets": ((), (), "resumptionToken"),
    "GetRecord": (("identifier", "metadataPrefix"), (), None),
    "ListIdentifiers": (("metadataPrefix",), ("from", "until", "set"), "resumptionToken"),
    "ListRecords": (("metadataPrefix",), ("from", "until", "set"), "resumptionToken"),
}

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SECOND = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
PREFIX = re.compile(r"^[A-Za-z0-9\-_.!~*'()]+$")
URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[A-Za-z0-9\-_.!~*'();/?:@&=+$,%#\[\]]+$")
SET_SPEC = re.compile(r"^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$")


@dataclass(frozen=True)
class UTCDate:
    """A ``from`` or ``until`` value: the moment it names and its granularity."""

    value: datetime.datetime
    day: bool

    def upper_bound(self):
        """The first moment after it (``until`` takes in the whole day or second it names)."""
        return self.value + (datetime.timedelta(days=1) if self.day else datetime.timedelta(seconds=1))


def parse_date(name, text):
    try:
        if DAY.match(text):
            day = datetime.date.fromisoformat(text)
            return UTCDate(datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC), True)
        if SECOND.match(text):
            moment = datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)
            return UTCDate(moment, False)
    except ValueError:
        pass
    raise BadArgument(
        f"'{name}' must be a UTC date as YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (for example 2026-01-31 or "
        f"2026-01-31T09:00:00Z); it was {text!r}."
    )


def arguments_of(request):
    """``{name: [values]}`` of a GET or POST request."""
    data = request.POST if request.method == "POST" else request.GET
    return {name: data.getlist(name) for name in data}


def parse(arguments):
    """``(verb, {name: value})``, or an ``OAIError``."""
    verbs = arguments.get("verb", [])
    if not verbs:
        raise BadVerb("No verb given: add verb=Identify, ListMetadataFormats, ListSets, GetRecord, "
                      "ListIdentifiers or ListRecords.")
    if len(verbs) > 1:
        raise BadVerb("The verb was given more than once: give exactly one.")
    verb = verbs[0]
    if verb not in VERBS:
        raise BadVerb(f"{verb!r} is not an OAI-PMH verb: use one of {', '.join(VERBS)}.")
    required, optional, exclusive = VERBS[verb]
    given = {name: values for name, values in arguments.items() if name != "verb"}
    repeated = sorted(name for name, values in given.items() if len(values) > 1)
    if repeated:
        raise BadArgument(f"Each argument may be given once: {', '.join(repeated)} was repeated.")
    allowed = {*required, *optional, *([exclusive] if exclusive else [])}
    illegal = sorted(name for name in given if name not in allowed)
    if illegal:
        raise BadArgument(f"{verb} does not take {', '.join(illegal)}"
                          + (f": it takes {', '.join(sorted(allowed))}." if allowed else "."))
    values = {name: values[0] for name, values in given.items()}
    if exclusive and exclusive in values:
        if len(values) > 1:
            raise BadArgument(f"A resumptionToken is the only argument besides the verb: send it alone with {verb}.")
        return verb, values
    missing = [name for name in required if name not in values]
    if missing:
        raise BadArgument(f"{verb} needs {', '.join(missing)}.")
    dates = {name: parse_date(name, values[name]) for name in ("from", "until") if name in values}
    if len(dates) == 2:
        if dates["from"].day != dates["until"].day:
            raise BadArgument("'from' and 'until' must have the same granularity: both days or both seconds.")
        if dates["from"].value > dates["until"].value:
            raise BadArgument("'from' is later than 'until': swap them.")
    if "metadataPrefix" in values and not PREFIX.match(values["metadataPrefix"]):
        raise BadArgument(f"{values['metadataPrefix']!r} is not a metadata prefix: ListMetadataFormats lists them.")
    if "identifier" in values and not URI.match(values["identifier"]):
        raise BadArgument(f"{values['identifier']!r} is not an identifier (a URI such as oai:host:resource/12).")
    if "set" in values and not SET_SPEC.match(values["set"]):
        raise BadArgument(f"{values['set']!r} is not a set spec: see ListSets for the sets there are.")
    return verb, values
