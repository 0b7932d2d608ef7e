"""Keeping protocols current: the daily reminders about review-by dates (docs/evidence.md,
"Protocol currency").

``remind_protocol_owners(today)`` is one of the daily jobs (resources/daily.py). It looks at every
live protocol that has a review-by date and has not been superseded (a superseded protocol is not
reviewed any more: its successor is), and reminds:

- once when the date comes within ``PROTOCOL_REVIEW_NOTICE_DAYS`` (default 30) days (``due``);
- once when the date has passed (``overdue``: from the day after it), and again every
  ``PROTOCOL_OVERDUE_REMINDER_DAYS`` (default 30) while it stays overdue.

Each reminder sent is kept (``ProtocolReminder``: which protocol, which review-by date, which day), so
running the job again the same day, or the next, sends nothing twice; setting a new review-by date
starts afresh. A protocol that is already overdue when first seen gets the overdue reminder only.

Who is told: the protocol's people, that is its owner (who shared it) and the people it credits as
authors or adapters who have an account (a credited reviewer checked it once and does not keep it),
and its editors, the people whose groups may publish it (Editors and Network admins,
resources/roles.py; administrators hold every permission and are not written to about each one).
Each person gets one digest a day listing every protocol they are told about, through the outbox.

The overdue flag the site shows is computed from the date when a page is rendered
(resources/protocol_flags.py); the anonymous page cache may hold a page rendered the day before, so
on the day a protocol is first seen overdue the job purges its pages and the lists showing it.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from wagtail.models import GroupPagePermission

from .. import page_cache
from ..models import ContributorRole, ProtocolPage, ProtocolReminder, ReminderKind, ResourceContributor
from .notifications import absolute, templates, write


def notice_days():
    return settings.PROTOCOL_REVIEW_NOTICE_DAYS


def repeat_days():
    return settings.PROTOCOL_OVERDUE_REMINDER_DAYS


def current_protocols():
    """Live protocols that nothing supersedes: the ones whose review matters."""
    return ProtocolPage.objects.live().filter(superseded_by__isnull=True)


def notice_horizon(today):
    """The last review-by date within the notice window that starts ``today``."""
    return today + datetime.timedelta(days=notice_days())


def coming_due(today):
    """Current protocols whose review-by date is past or within the notice window."""
    return current_protocols().filter(review_by__isnull=False, review_by__lte=notice_horizon(today))


def reminder_due(protocol, sent, today):
    """Which reminder ``protocol`` needs ``today`` (a ReminderKind, or None), given ``sent``: the
    reminders already sent about its present review-by date."""
    if protocol.review_by < today:
        last = max((reminder.sent_on for reminder in sent if reminder.kind == ReminderKind.OVERDUE), default=None)
        if last is None or (today - last).days >= repeat_days():
            return ReminderKind.OVERDUE
        return None
    return None if any(reminder.kind == ReminderKind.DUE for reminder in sent) else ReminderKind.DUE


def protocols_people(protocols):
    """{protocol id: its people with an account}: its owner, and who it credits as author or adapter."""
    people = defaultdict(set)
    for protocol in protocols:
        if protocol.owner_id:
            people[protocol.pk].add(protocol.owner)
    credits = (
        ResourceContributor.objects.filter(page__in=[protocol.pk for protocol in protocols])
        .exclude(role=ContributorRole.REVIEWER)
        .filter(contributor__user__isnull=False)
        .select_related("contributor__user")
    )
    for credit in credits:
        people[credit.page_id].add(credit.contributor.user)
    return people


def protocols_editors(protocols):
    """{protocol id: the active people whose groups may publish it} (page permissions are granted
    on a page and hold for everything below it)."""
    grants = list(GroupPagePermission.objects.filter(permission__codename="publish_page").values_list(
        "group_id", "page__path"
    ))
    members = defaultdict(set)
    memberships = get_user_model().groups.through.objects.filter(
        group_id__in={group_id for group_id, _ in grants}, user__is_active=True
    ).select_related("user")
    for membership in memberships:
        members[membership.group_id].add(membership.user)
    return {
        protocol.pk: {user for group_id, path in grants if protocol.path.startswith(path) for user in members[group_id]}
        for protocol in protocols
    }


@dataclass
class Digest:
    """What one person is told today."""

    overdue: list = field(default_factory=list)
    due: list = field(default_factory=list)


def _item(protocol, today):
    return {
        "title": protocol.title,
        "review_by": protocol.review_by,
        "overdue_since": protocol.overdue_since(today),
        "days_left": (protocol.review_by - today).days,
        "page_url": protocol.full_url,
        "edit_url": absolute(reverse("wagtailadmin_pages:edit", args=[protocol.pk])),
    }


@transaction.atomic
def remind_protocol_owners(today):
    """The daily job: remind protocols' people and editors of reviews coming due or overdue."""
    protocols = list(coming_due(today).select_related("owner").order_by("review_by", "title", "pk"))
    # Only the reminders about a protocol's present review-by date count: a new date starts afresh.
    sent = defaultdict(list)
    for reminder in ProtocolReminder.objects.filter(page__in=[protocol.pk for protocol in protocols]):
        sent[reminder.page_id, reminder.review_by].append(reminder)
    to_remind = []
    for protocol in protocols:
        kind = reminder_due(protocol, sent[protocol.pk, protocol.review_by], today)
        if kind is not None:
            to_remind.append((protocol, kind))
    if not to_remind:
        return "no protocol reviews to remind anyone of"

    reminded = [protocol for protocol, _ in to_remind]
    people, editors = protocols_people(reminded), protocols_editors(reminded)
    digests = defaultdict(Digest)
    recipients = {}
    for protocol, kind in to_remind:
        told = people[protocol.pk] | editors[protocol.pk]
        recipients[protocol.pk] = len({user.pk for user in told if user.is_active and user.email})
        for user in told:
            getattr(digests[user], kind).append(_item(protocol, today))
    for user, digest in sorted(digests.items(), key=lambda pair: pair[0].pk):
        write([user], templates("protocol_reviews"), {
            "overdue": digest.overdue, "due": digest.due, "notice_days": notice_days(), "repeat_days": repeat_days(),
            "report_url": absolute(reverse("resources_protocol_currency")),
        })
    ProtocolReminder.objects.bulk_create([
        ProtocolReminder(page=protocol, kind=kind, review_by=protocol.review_by, sent_on=today,
                         recipients=recipients[protocol.pk])
        for protocol, kind in to_remind
    ])
    _purge_newly_overdue(to_remind, sent)

    overdue = sum(1 for _, kind in to_remind if kind == ReminderKind.OVERDUE)
    return (
        f"{len(to_remind)} protocol(s) reminded ({overdue} overdue, {len(to_remind) - overdue} coming due) "
        f"in {len(digests)} digest(s)"
    )


def _purge_newly_overdue(to_remind, sent):
    """The pages showing a protocol seen overdue for the first time (its first overdue reminder
    for this review-by date; ``sent``: {(protocol id, review-by date): reminders sent}): a page kept
    from before would still show it current."""
    newly = [
        protocol for protocol, kind in to_remind
        if kind == ReminderKind.OVERDUE
        and not any(r.kind == ReminderKind.OVERDUE for r in sent[protocol.pk, protocol.review_by])
    ]
    if newly:
        page_cache.purge(page_cache.LISTS, *(page_cache.page_tag(protocol.pk) for protocol in newly))
