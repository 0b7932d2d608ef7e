"""The people and organisation pages, each with the resources it shares. They join contributors
with the library, so they live on the domain's side (contributors knows nothing of resources)."""

from itertools import groupby

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render

from contributors.models import ContributorProfile, Organisation
from contributors.names import index_letter, sort_key

from .models import ResourcePage, resource_cards
from .visibility import visible_pages


def _visible_resources(request):
    return visible_pages(ResourcePage.objects.all(), request)


def contributor_list(request):
    visible = _visible_resources(request)
    people = ContributorProfile.objects.select_related("organisation").annotate(
        resource_count=Count(
            "resource_links__page", filter=Q(resource_links__page__in=visible.values("pk")), distinct=True
        )
    )
    # By family name, under its first letter: "Dr Samuel Okafor" is filed under O, not D.
    people = sorted(people, key=lambda person: sort_key(person.display_name))
    groups = [
        (letter, list(members))
        for letter, members in groupby(people, key=lambda person: index_letter(person.display_name))
    ]
    return render(request, "resources/people/contributor_list.html", {"people": people, "groups": groups})


def contributor_detail(request, slug):
    person = get_object_or_404(ContributorProfile.objects.select_related("organisation", "avatar"), slug=slug)
    resources = resource_cards(
        _visible_resources(request).filter(contributor_links__contributor=person).distinct().order_by("title")
    )
    return render(request, "resources/people/contributor_detail.html", {"person": person, "resources": resources})


def organisation_list(request):
    visible = _visible_resources(request)
    organisations = Organisation.objects.prefetch_related("conditions").annotate(
        resource_count=Count("resources", filter=Q(resources__in=visible.values("pk")), distinct=True)
    ).order_by("name")
    return render(request, "resources/people/organisation_list.html", {"organisations": organisations})


def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation.objects.prefetch_related("conditions"), slug=slug)
    resources = resource_cards(_visible_resources(request).filter(organisations=organisation).order_by("title"))
    people = organisation.people.order_by("display_name")
    return render(
        request,
        "resources/people/organisation_detail.html",
        {"organisation": organisation, "resources": resources, "people": people},
    )
