"""Who may know that a resource has "evidence of improvement" (the library's and search's filter,
the ``evidence`` facet: a ``by_access`` facet, search/registry.py): the access keys (``access.py``)
of those who may see a series that shows it (``series_charts.shows_improvement``).

Which series count for a resource: for a change package, its measures' series; for a tool, the
series of the measures it is linked to (``ToolPage.measures``) and those whose documented change
names it (``SeriesAnnotation.resource``). A series' keys are those of whoever
``Series.objects.visible_to`` lets see it:

- its change package must be live; the package's own keys apply (``access.keys_for_page``), so a
  series of a network-only package is known only to those who pass the package's restriction;
- a **public** series: the package's keys (``public`` for a public package);
- a **network** series: the members of the network, who hold ``resources.see_network_series``
  (``models.evidence.may_see_network_series``). Every role group holds it (resources/roles.py), but
  ``authenticated`` would be wrong: a signed-in account in no role sees public series only. So the
  keys are those of the groups that hold the permission (a superuser's request carries every
  group's key, ``access.keys_for_request``). Someone granted the permission on their own account
  rather than through a group is not reached: the index stores groups, not people.
"""

from django.contrib.auth.models import Group

from ..evidence import series_charts
from ..models import Series, SeriesAnnotation, ToolPage
from ..models.evidence import Visibility
from . import access


def network_member_keys():
    """The keys of the groups whose members may see network series."""
    groups = Group.objects.filter(
        permissions__content_type__app_label="resources", permissions__codename="see_network_series"
    ).values_list("pk", flat=True)
    return {access.group_key(pk) for pk in groups}


def series_for(page):
    """The series that may be evidence for this resource (``page`` specific), with what judging
    them reads."""
    return (
        Series.objects.concerning(page)
        .filter(measure__isnull=False)
        .select_related("measure", "package")
        .prefetch_related("points", "annotations")
    )


def _package_keys(package, cache):
    if package.pk not in cache:
        cache[package.pk] = set(access.keys_for_page(package)) if package.live else set()
    return cache[package.pk]


def keys_for_series(series, members, package_keys):
    """Who may see ``series``: ``members`` are ``network_member_keys()``."""
    keys = _package_keys(series.package, package_keys)
    if not keys or series.visibility == Visibility.PUBLIC:
        return keys
    if keys & {access.PUBLIC, access.AUTHENTICATED}:
        return set(members)  # any member passes a public or sign-in-only package
    return keys & members  # a group restriction: only the members in those groups


def evidence_keys(page):
    """The sorted access keys of those who may know this resource has evidence of improvement."""
    keys, members, package_keys = set(), None, {}
    for series in series_for(page):
        if series.package is None or not series_charts.shows_improvement(series):
            continue
        if members is None:
            members = network_member_keys()
        keys |= keys_for_series(series, members, package_keys)
    return sorted(keys)


def resources_for_series(series):
    """The resources whose evidence a series counts towards: its change package, the tools linked to
    its measure, and the resources its documented changes name."""
    ids = {series.package_id} if series.package_id else set()
    if series.measure_id:
        ids |= set(ToolPage.measures.through.objects.filter(measure_id=series.measure_id).values_list(
            "toolpage_id", flat=True))
    if series.pk:
        ids |= set(series.annotations.filter(resource__isnull=False).values_list("resource_id", flat=True))
    return ids


def resources_for_annotation(note):
    """The resources a note on a series concerns: its series' (``resources_for_series``) and the one
    it names, which counts even when the series is gone (deleting a series deletes its notes first,
    and the series' receivers no longer find them)."""
    ids = {note.resource_id} if note.resource_id else set()
    series = Series.objects.filter(pk=note.series_id).first()
    if series is not None:
        ids |= resources_for_series(series)
    return ids


def resources_for_series_of_packages(package_ids):
    """``resources_for_series`` for every series of these change packages, in three queries
    whatever their number (a package published, moved or restricted changes who may know)."""
    series = Series.objects.filter(package_id__in=package_ids)
    ids = set(series.values_list("package_id", flat=True))
    ids |= set(ToolPage.measures.through.objects.filter(measure__series__in=series).values_list(
        "toolpage_id", flat=True))
    ids |= set(SeriesAnnotation.objects.filter(series__in=series, resource__isnull=False).values_list(
        "resource_id", flat=True))
    return ids
