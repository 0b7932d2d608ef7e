"""What a resource's adoption marks add up to: "Used at N centres; M report it worked, K partly", the
centres that agreed to be named, and (on the page, for a signed-in member) their own centre's mark.

- **Used at** counts centres whose mark is live (not stopped).
- **Outcomes** count centres, each by its latest answer, whether it still uses the resource or not:
  a centre that stopped after finding it did not work is evidence too. "Too early" is not counted.
- **Named** centres are those with a live mark they chose to make public; every other centre is
  only counted, on the page, in the API and everywhere else.

``summarise(marks_of(page_id))`` answers for one resource in one query. A resource page reads its
marks from the default cache (``page_marks``), so rendering it asks the database nothing more (its
query count is pinned: tests/test_query_counts.py); any change to a mark forgets them
(``forget_page_marks``, from resources/page_cache.py).
"""

from dataclasses import dataclass, field

from django.template.defaultfilters import pluralize
from django.utils import timezone

from contributors.models import centre_of

from ..models import Adoption, AdoptionOutcome
from ..page_kept import forget_for_page, kept_for_page
from .adoption_forms import AdoptionForm, CheckForm


@dataclass(frozen=True)
class AdoptionSummary:
    centres: int = 0
    worked: int = 0
    partly: int = 0
    did_not_work: int = 0
    too_early: int = 0
    stopped: int = 0  # centres that used it and no longer do
    named: tuple = field(default=())  # Organisations, by name

    @property
    def text(self):
        """The summary in one sentence."""
        if not (self.centres or self.stopped or self.worked or self.partly or self.did_not_work):
            return "No centre has said it uses this yet."
        used = "Not in use at any centre now"
        if self.centres:
            used = f"Used at {self.centres} centre{pluralize(self.centres)}"
        reports = []
        if self.worked:
            reports.append(f"{self.worked} report{'s' if self.worked == 1 else ''} it worked")
        if self.partly:
            reports.append(
                f"{self.partly} partly" if reports else f"{self.partly} report{'s' if self.partly == 1 else ''} "
                "it partly worked"
            )
        if self.did_not_work:
            reports.append(
                f"{self.did_not_work} that it did not" if reports
                else f"{self.did_not_work} report{'s' if self.did_not_work == 1 else ''} it did not work"
            )
        return f"{used}; {', '.join(reports)}." if reports else f"{used}."

    def as_data(self):
        """The figures, for the API (the named centres are serialised by the caller)."""
        return {
            "centres": self.centres, "worked": self.worked, "partly": self.partly,
            "did_not_work": self.did_not_work, "too_early": self.too_early, "stopped": self.stopped,
            "text": self.text,
        }


def summarise(adoptions):
    """The summary of one resource's marks (Adoption objects with their organisations)."""
    live, centres = {}, set()
    latest_answer = {}
    for adoption in sorted(adoptions, key=lambda a: (a.answered_on is not None, a.answered_on, a.pk)):
        centres.add(adoption.organisation_id)
        if adoption.is_live:
            live[adoption.organisation_id] = adoption
        if adoption.outcome:
            latest_answer[adoption.organisation_id] = adoption.outcome  # the last wins
    outcomes = list(latest_answer.values())
    named = sorted((a.organisation for a in live.values() if a.public), key=lambda organisation: organisation.name)
    return AdoptionSummary(
        centres=len(live),
        worked=outcomes.count(AdoptionOutcome.YES),
        partly=outcomes.count(AdoptionOutcome.PARTLY),
        did_not_work=outcomes.count(AdoptionOutcome.NO),
        too_early=outcomes.count(AdoptionOutcome.TOO_EARLY),
        stopped=len(centres - set(live)),
        named=tuple(named),
    )


def marks_of(page_id):
    """A resource's marks, with their centres and releases, from the database (the API reads them
    so: what is kept for the page is not forgotten when a centre's name changes)."""
    return list(Adoption.objects.filter(resource_id=page_id).select_related("organisation", "release"))


PAGE_MARKS_SECONDS = 3600
KEPT_AS = "adoption-marks"


def page_marks(page_id):
    """A resource's marks, kept in the cache (resources/page_kept.py)."""
    return kept_for_page(KEPT_AS, page_id, lambda: marks_of(page_id), PAGE_MARKS_SECONDS)


def forget_page_marks(page_id):
    """A change to one of its marks (resources/page_cache.py)."""
    forget_for_page(KEPT_AS, page_id)


def page_context(page, request):
    """What a resource page shows of its adoption: ``adoption_summary`` for everyone and, for a
    signed-in member, ``adoption`` (their centre's live mark, or None), ``adoption_centre``, and the
    forms they may use. The page is never kept in the cache for signed-in members
    (commons_site/page_cache.py), so their part is rendered with the page."""
    marks = page_marks(page.pk)
    context = {"adoption_summary": summarise(marks)}
    user = request.user
    if not user.is_authenticated:
        return context
    centre = centre_of(user)
    mine = next((a for a in marks if a.is_live and centre is not None and a.organisation_id == centre.pk), None)
    context.update(adoption_centre=centre, adoption=mine)
    if centre is None:
        return context
    if mine is None:
        context["adoption_form"] = AdoptionForm(resource=page, initial={"started_on": timezone.localdate()})
    elif mine.check_is_due():
        context["check_form"] = CheckForm(instance=mine)
    return context
