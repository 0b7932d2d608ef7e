"""Typed reviews in parallel, as the people involved do it: a participant shares, four kinds of
review wait at once, each reviewer acts for their own kinds through Wagtail's real admin URLs, and
the author follows each kind on /my/contributions/. (resources/models/typed_review.py,
resources/review/typed.py; docs/contributions.md, "Typed reviews".)"""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import TaskState, Workflow, WorkflowPage, WorkflowState

from resources.models import Decision, ReviewType, ToolPage, TypedReviewDecision, TypedReviewTask
from resources.review.guards import Refused
from resources.review.typed import TYPED_REVIEW_NAME, TYPED_WORKFLOW_NAME
from resources.review.workflow import WORKFLOW_NAME

from .conftest import login
from .html import read, visit
from .workflow import TITLE, assert_refused, current_task_state, mail_to, share_data

CLINICAL, QI, LICENCE, LANGUAGE = "Clinical safety", "QI method", "Licence and reuse", "Patient and family language"


@pytest.fixture
def typed_library(library):
    """The library switched to the typed workflow, as an administrator does in Settings → Workflows."""
    WorkflowPage.objects.filter(page=library).update(workflow=Workflow.objects.get(name=TYPED_WORKFLOW_NAME))
    return library


def types():
    return {review_type.name: review_type for review_type in ReviewType.objects.all()}


def user(username):
    return get_user_model().objects.get(username=username)


def share(client, **overrides):
    login(client, "grace.lin")
    response = client.post("/share/", share_data(**overrides))
    assert response.status_code == 302
    return ToolPage.objects.get(title=overrides.get("title", TITLE))


def action_url(page, action, task_state=None):
    task_state = task_state or current_task_state(page)
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))


def decide(client, page, verb, type_name, comment=""):
    """``client`` approves ("approve") or requests changes ("reject") for one type, through the
    admin's workflow action URL; returns the response."""
    return client.post(action_url(page, f"{verb}-{types()[type_name].pk}"), {"comment": comment})


def states(page):
    task_state = current_task_state(page)
    return {d.review_type.name: d.state for d in TypedReviewDecision.objects.filter(task_state=task_state)}


def as_reviewer(client_class, username):
    return login(client_class(), username)


def contributions_line(client, page):
    """The line of review types on the author's contributions page, for ``page``."""
    response = client.get(reverse("my_contributions"))
    html = response.content.decode()
    start = html.index(f'id="contribution-{page.pk}"')
    end = html.find('class="contribution ', start)
    part = html[start: end if end != -1 else None]
    return read(SimpleNamespace(status_code=response.status_code, content=part.encode())).text


@pytest.mark.django_db
def test_setup_makes_the_example_types_and_keeps_the_library_on_its_workflow(library):
    found = types()
    assert set(found) == {CLINICAL, QI, LICENCE, LANGUAGE}
    assert {name: found[name].group.name for name in found} == {
        CLINICAL: "Clinical safety reviewers",
        QI: "QI method reviewers",
        LICENCE: "Licence and reuse reviewers",
        LANGUAGE: "Patient and family language reviewers",
    }
    samuel, helen = user("samuel.okafor"), user("helen.fraser")
    assert set(samuel.groups.filter(review_types__isnull=False).values_list("review_types__name", flat=True)) == {
        CLINICAL, QI
    }
    assert set(helen.groups.filter(review_types__isnull=False).values_list("review_types__name", flat=True)) == {
        LICENCE, LANGUAGE
    }
    typed = Workflow.objects.get(name=TYPED_WORKFLOW_NAME)
    assert [task.name for task in typed.tasks] == ["Automated screening", TYPED_REVIEW_NAME, "Editorial approval"]
    # Offered, not switched on: the library keeps the single-review workflow.
    assert library.get_workflow().name == WORKFLOW_NAME


@pytest.mark.django_db
def test_types_decide_in_parallel_and_all_approving_moves_it_on_to_publishing(client, typed_library, mailoutbox):
    page = share(client)
    task_state = current_task_state(page)
    assert task_state.task.name == TYPED_REVIEW_NAME
    assert states(page) == dict.fromkeys([CLINICAL, QI, LICENCE, LANGUAGE], Decision.PENDING)

    # Each reviewer is asked once, for their own types.
    samuel_mail = mail_to(mailoutbox, "samuel.okafor")
    assert len(samuel_mail) == 1 and "Clinical safety, QI method" in samuel_mail[0].subject
    helen_mail = mail_to(mailoutbox, "helen.fraser")
    assert len(helen_mail) == 1 and "Licence and reuse, Patient and family language" in helen_mail[0].subject
    assert all("waiting for your review" not in m.subject for m in mail_to(mailoutbox, "grace.lin"))

    samuel = as_reviewer(client.__class__, "samuel.okafor")
    helen = as_reviewer(client.__class__, "helen.fraser")
    # The decisions happen in any order, each for one type; a person in two groups decides each separately.
    assert decide(samuel, page, "approve", CLINICAL, "Doses and red flags are right.").status_code == 302
    assert states(page)[CLINICAL] == Decision.APPROVED and states(page)[QI] == Decision.PENDING
    assert current_task_state(page).pk == task_state.pk, "still waiting for the other types"
    assert decide(helen, page, "approve", LANGUAGE).status_code == 302
    line = contributions_line(client, page)
    assert "Clinical safety: approved" in line and "QI method: waiting" in line
    assert "Patient and family language: approved" in line and "Licence and reuse: waiting" in line
    assert decide(helen, page, "approve", LICENCE).status_code == 302
    assert current_task_state(page).pk == task_state.pk

    mailoutbox.clear()
    assert decide(samuel, page, "approve", QI).status_code == 302
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    assert "Clinical safety (Samuel Okafor): Doses and red flags are right." in task_state.comment
    assert current_task_state(page).task.name == "Editorial approval"
    assert mail_to(mailoutbox, "marcus.webb"), "the editors are asked next"

    editor = as_reviewer(client.__class__, "marcus.webb")
    editor.post(action_url(page, "approve"), {"comment": ""})
    page.refresh_from_db()
    assert page.live
    published = mail_to(mailoutbox, "grace.lin")
    assert any("is published" in m.subject and "Doses and red flags are right." in m.body for m in published)
    line = contributions_line(client, page)
    assert "Published" in line and "QI method: approved" in line


@pytest.mark.django_db
def test_one_request_for_changes_returns_it_and_a_resubmission_starts_every_type_afresh(
    client, typed_library, mailoutbox
):
    page = share(client)
    samuel = as_reviewer(client.__class__, "samuel.okafor")
    helen = as_reviewer(client.__class__, "helen.fraser")
    decide(samuel, page, "approve", CLINICAL)

    # Asking for changes needs a comment: without one nothing is recorded.
    decide(helen, page, "reject", LICENCE, "")
    assert states(page)[LICENCE] == Decision.PENDING

    mailoutbox.clear()
    comment = "please add the licence of the images"
    assert decide(helen, page, "reject", LICENCE, comment).status_code == 302
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    returned = mail_to(mailoutbox, "grace.lin")
    assert len(returned) == 1 and comment in returned[0].body and "Licence and reuse" in returned[0].body
    told = mail_to(mailoutbox, "samuel.okafor")
    assert len(told) == 1 and "You approved" in told[0].body and "Clinical safety" in told[0].body
    assert comment in told[0].body

    line = contributions_line(client, page)
    assert "Changes requested" in line
    assert (
        "Clinical safety: approved · Licence and reuse: changes requested — “please add the licence of the images” "
        "· Patient and family language: waiting · QI method: waiting"
    ) in line
    # Nobody acts on a returned review any more.
    assert decide(samuel, page, "approve", QI).status_code in (302, 403)
    assert TypedReviewDecision.objects.get(task_state=state.current_task_state, review_type__name=QI).state == (
        Decision.PENDING
    )

    # The author resubmits: every type waits again, Clinical safety's earlier approval included.
    response = client.post(reverse("edit_contribution", args=[page.pk]), share_data(summary="Now with image credits."))
    assert response.status_code == 302
    fresh = current_task_state(page)
    assert fresh.task.name == TYPED_REVIEW_NAME and fresh.pk != state.current_task_state_id
    assert states(page) == dict.fromkeys([CLINICAL, QI, LICENCE, LANGUAGE], Decision.PENDING)
    line = contributions_line(client, page)
    assert "Clinical safety: waiting" in line and "changes requested —" not in line
    actions = [name for name, _, _ in fresh.task.specific.get_actions(page, user("samuel.okafor"))]
    assert f"approve-{types()[CLINICAL].pk}" in actions


@pytest.mark.django_db
def test_every_type_s_approver_hears_when_the_editorial_step_returns_it(client, typed_library, mailoutbox):
    """The typed step is finished by whoever approved its last type, but each type's reviewer
    approved it: a later step's request for changes tells every one of them, once."""
    page = share(client)
    samuel = as_reviewer(client.__class__, "samuel.okafor")
    helen = as_reviewer(client.__class__, "helen.fraser")
    for reviewer, name in ((helen, LICENCE), (helen, LANGUAGE), (samuel, CLINICAL), (samuel, QI)):
        assert decide(reviewer, page, "approve", name).status_code == 302
    assert current_task_state(page).task.name == "Editorial approval"

    mailoutbox.clear()
    editor = as_reviewer(client.__class__, "marcus.webb")
    assert editor.post(action_url(page, "reject"), {"comment": "The dose table needs its source."}).status_code == 302
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    for name in ("samuel.okafor", "helen.fraser"):
        told = [message for message in mail_to(mailoutbox, name) if "You approved" in message.body]
        assert len(told) == 1, name
        assert "The dose table needs its source." in told[0].body and "editorial approval" in told[0].subject
    assert not [message for message in mail_to(mailoutbox, "marcus.webb") if "You approved" in message.body]


@pytest.mark.django_db
def test_a_reviewer_acts_only_for_their_own_types_on_every_admin_route(client, typed_library):
    page = share(client)
    task_state = current_task_state(page)
    by_name = types()
    samuel = as_reviewer(client.__class__, "samuel.okafor")

    # The workflow action URL, GET (the modal) and POST, for a type that is not his.
    licence_approve = action_url(page, f"approve-{by_name[LICENCE].pk}")
    assert_refused(samuel.get(licence_approve))
    assert_refused(samuel.post(licence_approve, {"comment": "fine"}))
    assert_refused(samuel.post(action_url(page, f"reject-{by_name[LANGUAGE].pk}"), {"comment": "no"}))
    # The editor's modal that collects the comment before acting is refused the same way.
    collect = reverse(
        "wagtailadmin_pages:collect_workflow_action_data",
        args=(page.pk, f"reject-{by_name[LICENCE].pk}", task_state.pk),
    )
    assert_refused(samuel.get(collect))
    # The REST API only reads: nothing there acts on a review (every type still waits, below).
    samuel.post(f"/api/v1/resources/{page.pk}/", {"action": f"approve-{by_name[LICENCE].pk}"})
    # Nor the untyped actions of a group review, nor a made-up type.
    assert_refused(samuel.post(action_url(page, "approve"), {"comment": ""}))
    assert_refused(samuel.post(action_url(page, "approve-999999"), {"comment": ""}))
    assert states(page) == dict.fromkeys([CLINICAL, QI, LICENCE, LANGUAGE], Decision.PENDING)

    # His own type's modal says what to check.
    modal = samuel.get(action_url(page, f"approve-{by_name[CLINICAL].pk}"))
    assert modal.status_code == 200 and "doses, thresholds" in modal.content.decode()

    # The editor's action menu offers him his types only.
    editing = samuel.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Approve (Clinical safety)" in editing and "Request changes (QI method)" in editing
    assert "Approve (Licence and reuse)" not in editing

    # People in no type's group: the author, another participant, an editor.
    for username in ("grace.lin", "tom.alvarez", "marcus.webb"):
        other = as_reviewer(client.__class__, username)
        assert_refused(other.post(action_url(page, f"approve-{by_name[CLINICAL].pk}"), {"comment": ""}))

    # Any code that acts on the task goes through on_action, which checks the type too.
    with pytest.raises(PermissionDenied):
        task_state.task.specific.on_action(task_state, user("samuel.okafor"), f"approve-{by_name[LICENCE].pk}")
    assert states(page)[LICENCE] == Decision.PENDING

    # The dashboard's "Awaiting your review": Samuel is offered his two types, not Helen's.
    dashboard = samuel.get(reverse("wagtailadmin_home")).content.decode()
    assert TITLE in dashboard
    assert "Approve (Clinical safety)" in dashboard and "Request changes (QI method)" in dashboard
    assert "Licence and reuse" not in dashboard and "Patient and family language" not in dashboard
    # Once his types are decided it is no longer waiting for him.
    decide(samuel, page, "approve", CLINICAL)
    decide(samuel, page, "approve", QI)
    assert TITLE not in samuel.get(reverse("wagtailadmin_home")).content.decode()
    assert TITLE in as_reviewer(client.__class__, "helen.fraser").get(reverse("wagtailadmin_home")).content.decode()
    # A decided type cannot be decided again.
    assert_refused(decide(samuel, page, "reject", CLINICAL, "changed my mind"))
    assert states(page)[CLINICAL] == Decision.APPROVED

    # Bulk actions: publishing in bulk is for those who may publish, which no reviewer may.
    bulk = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?id={page.pk}"
    samuel.post(bulk, {})
    page.refresh_from_db()
    assert not page.live


@pytest.mark.django_db
def test_administrators_act_for_any_type_and_authors_never_approve_their_own(client, typed_library):
    page = share(client)
    by_name = types()
    olivia = as_reviewer(client.__class__, "olivia.chen")  # a network admin
    assert decide(olivia, page, "approve", LICENCE, "Checked the image credits.").status_code == 302
    decision = TypedReviewDecision.objects.get(task_state=current_task_state(page), review_type=by_name[LICENCE])
    assert decision.state == Decision.APPROVED and decision.reviewer.username == "olivia.chen"

    # The author joins the Clinical safety group: she may ask for changes for it, never approve it.
    grace = user("grace.lin")
    grace.groups.add(by_name[CLINICAL].group)
    task = current_task_state(page).task.specific
    actions = [name for name, _, _ in task.get_actions(page, user("grace.lin"))]
    assert actions == [f"reject-{by_name[CLINICAL].pk}"]
    assert_refused(client.post(action_url(page, f"approve-{by_name[CLINICAL].pk}"), {"comment": ""}))
    with pytest.raises(Refused):
        task.on_action(current_task_state(page), user("grace.lin"), f"approve-{by_name[CLINICAL].pk}")
    assert states(page)[CLINICAL] == Decision.PENDING


@pytest.mark.django_db
def test_editors_keep_the_review_types_and_reviewers_may_not(client, typed_library):
    listing = reverse("wagtailsnippets_resources_reviewtype:list")
    editor = as_reviewer(client.__class__, "marcus.webb")
    seen = visit(editor, listing)
    assert "Clinical safety" in seen and "Clinical safety reviewers" in seen
    group = Group.objects.get(name="QI method reviewers")
    response = editor.post(
        reverse("wagtailsnippets_resources_reviewtype:add"),
        {"name": "Equity", "description": "Does it work for every family?", "group": group.pk, "active": "on"},
    )
    assert response.status_code == 302
    equity = ReviewType.objects.get(name="Equity")
    assert equity.group == group
    # A type with decisions on record is kept (made inactive instead); one without may go.
    share(client)
    clinical = types()[CLINICAL]
    editor.post(reverse("wagtailsnippets_resources_reviewtype:delete", args=[clinical.pk]))
    assert ReviewType.objects.filter(pk=clinical.pk).exists()
    # Nor is a step's only type: the step would wait for nobody.
    alone = TypedReviewTask.objects.create(name="Equity only")
    alone.review_types.set([equity])
    editor.post(reverse("wagtailsnippets_resources_reviewtype:delete", args=[equity.pk]))
    assert ReviewType.objects.filter(pk=equity.pk).exists()
    alone.review_types.add(clinical)
    editor.post(reverse("wagtailsnippets_resources_reviewtype:delete", args=[equity.pk]))
    assert not ReviewType.objects.filter(pk=equity.pk).exists()
    for username in ("samuel.okafor", "grace.lin"):
        other = as_reviewer(client.__class__, username)
        assert other.get(listing).status_code in (302, 403)
        other.post(reverse("wagtailsnippets_resources_reviewtype:add"), {"name": "Sneaky", "group": group.pk})
    assert not ReviewType.objects.filter(name="Sneaky").exists()


@pytest.mark.django_db
def test_an_inactive_type_is_not_asked_for_in_reviews_that_start_later(client, typed_library):
    ReviewType.objects.filter(name=LANGUAGE).update(active=False)
    page = share(client)
    assert set(states(page)) == {CLINICAL, QI, LICENCE}


@pytest.mark.django_db
def test_the_contributions_page_costs_the_same_with_many_typed_reviews(
    client, typed_library, django_assert_max_num_queries
):
    pages = [share(client, title=f"Huddle sheet {number}") for number in range(4)]
    helen = as_reviewer(client.__class__, "helen.fraser")
    for page in pages:
        decide(helen, page, "approve", LICENCE)
    login(client, "grace.lin")
    with django_assert_max_num_queries(40) as captured:
        response = client.get(reverse("my_contributions"))
    assert response.content.decode().count("Licence and reuse: approved") == 4
    few = len(captured.captured_queries)
    pages.append(share(client, title="Huddle sheet 5"))
    pages.append(share(client, title="Huddle sheet 6"))
    with django_assert_max_num_queries(few):
        client.get(reverse("my_contributions"))


@pytest.mark.django_db
def test_a_network_admin_makes_a_typed_review_step_in_the_workflow_admin(client):
    by_name = types()
    add = reverse("wagtailadmin_workflows:add_task", args=("resources", "typedreviewtask"))
    olivia = as_reviewer(client.__class__, "olivia.chen")
    form = visit(olivia, add)
    assert "Clinical safety" in form and "QI method" in form
    chosen = [by_name[CLINICAL].pk, by_name[LANGUAGE].pk]
    response = olivia.post(add, {"name": "Safety and language", "review_types": chosen})
    assert response.status_code == 302
    task = TypedReviewTask.objects.get(name="Safety and language")
    assert {review_type.name for review_type in task.required_types()} == {CLINICAL, LANGUAGE}
    # Reviewers do not change the workflow's steps.
    samuel = as_reviewer(client.__class__, "samuel.okafor")
    samuel.post(add, {"name": "Mine", "review_types": [by_name[QI].pk]})
    assert not TypedReviewTask.objects.filter(name="Mine").exists()
