"""Is the resource's licence chosen, and compatible with the resource it adapts?

    check_licence(licence, source, grant=None) -> list[Finding]

``licence`` is the ``Licence`` chosen for the resource being published (None: not chosen yet).
``source`` is the ``Licence`` of the resource it adapts (None: not an adaptation). ``grant`` is the
recorded permission from the source's owners to adapt it: the granted ``ReuseRequest`` that
``resources.models.reuse.grant_for`` finds, or None. A grant is for the person who asked and the
organisation named on their request: ``grant_for`` finds only one made by the adaptation's owner or
for their organisation, never one borrowed through the adaptation's credits or organisations. Only
the licence flags are read (``network_only``, ``allows_derivatives``,
``requires_share_alike``, ``allows_commercial_use``, ``spdx_id``), so unsaved ``Licence`` objects
work too.

The rules, one row each (``RULES``): every row whose "source is" holds must have its "adaptation
needs" met. A grant satisfies only the rows that ask for one: it lets the adaptation exist, and
does not lift share-alike or non-commercial terms (a grant that does should say so, and will be
modelled with the grant).
"""

from collections.abc import Callable
from dataclasses import dataclass

from .findings import PAGE_TEXT, Finding

LOCATION = "field licence"


# What an adaptation may need, given (licence, source, grant):
def a_reuse_grant(licence, source, grant):
    return bool(grant)


def the_same_licence(licence, source, grant):
    return bool(licence.spdx_id) and licence.spdx_id == source.spdx_id


def a_non_commercial_licence(licence, source, grant):
    return not licence.allows_commercial_use


NEEDS_WORDS = {
    a_reuse_grant: (
        "adapting it needs a recorded reuse grant: ask the source's owners for permission and record it "
        "with this resource"
    ),
    the_same_licence: "the adaptation must use exactly the same licence ({source_label})",
    a_non_commercial_licence: (
        "the adaptation must use a non-commercial licence too (for example CC-BY-NC-4.0 or CC-BY-NC-SA-4.0)"
    ),
}


@dataclass(frozen=True)
class Rule:
    name: str
    source_is: Callable  # (source licence) -> bool: does the rule apply?
    adaptation_needs: Callable  # (licence, source, grant) -> bool: is it met?
    reason: str  # why, for the message: "{source_label} ..."


RULES = (
    #     name              the source is ...                          so the adaptation needs ...
    Rule(
        "network-only",
        lambda source: source.network_only,
        a_reuse_grant,
        "the source is shared with network members only",
    ),
    Rule(
        "no-derivatives",
        lambda source: not source.allows_derivatives,
        a_reuse_grant,
        "the source's licence ({source_label}) does not allow adaptations",
    ),
    Rule(
        "share-alike",
        lambda source: source.requires_share_alike,
        the_same_licence,
        "the source's licence ({source_label}) is share-alike",
    ),
    Rule(
        "non-commercial",
        lambda source: not source.allows_commercial_use,
        a_non_commercial_licence,
        "the source's licence ({source_label}) does not allow commercial use",
    ),
)


def broken_rules(licence, source, grant=None):
    """The rules an adaptation under ``licence`` of a work under ``source`` breaks, in RULES order."""
    if licence is None or source is None:
        return []
    return [rule for rule in RULES if rule.source_is(source) and not rule.adaptation_needs(licence, source, grant)]


def _label(licence):
    return getattr(licence, "label", None) or licence.spdx_id or "Network only"


def check_licence(licence, source, grant=None):
    """Findings about the licence: none chosen, or not compatible with the adapted source's. One
    finding per unmet need (a network-only source, which also allows no adaptations, asks for one
    grant, not two)."""
    if licence is None:
        return [
            Finding(
                file=PAGE_TEXT,
                kind="licence-missing",
                location=LOCATION,
                masked="",
                message="No licence has been chosen. Choose one so that others know how they may reuse this "
                "resource; if you are not sure, ask a reviewer.",
            )
        ]
    broken = broken_rules(licence, source, grant)
    labels = {"source_label": _label(source) if source is not None else "", "licence_label": _label(licence)}
    findings = []
    for needs in dict.fromkeys(rule.adaptation_needs for rule in broken):
        reasons = " and ".join(rule.reason.format(**labels) for rule in broken if rule.adaptation_needs is needs)
        requirement = NEEDS_WORDS[needs].format(**labels)
        findings.append(
            Finding(
                file=PAGE_TEXT,
                kind="licence-incompatible",
                location=LOCATION,
                masked=f"source {labels['source_label']}, this resource {labels['licence_label']}",
                message=f"This resource adapts another, and {reasons}, so {requirement}.",
            )
        )
    return findings
