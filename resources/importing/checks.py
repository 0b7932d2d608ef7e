"""Checking every row of a manifest before anything is written.

    check_rows(rows, base, user, publish=False) -> (plans, problems)

Each row becomes a ``Plan``: the share form (``resources.forms.share_form``, the same form, model
validation and file gate as /share/) bound to the row's values, the resource it updates (found by
its external id) or None for a new one, and the files it brings. Everything wrong is a
``Problem`` with the row's line: a value missing or too long, a vocabulary word or licence the
commons does not know (with the words it does), a file that is missing or that the gate refuses
(size, a type disguised by its name, a decompression bomb, its name), an id given twice, a
resource the user may not change, a published release asked to change. With ``publish``, the
text and files are also screened for health information as the publish guard will screen them
(``resources.review.guards.check_publishable``), so a row it would refuse is reported here.
"""

import hashlib
import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files import File
from django.utils.datastructures import MultiValueDict
from taggit.utils import edit_string_for_tags

from contributors.models import ContributorProfile, Organisation

from ..forms import KINDS, kind_of, share_form
from ..models import (
    Audience,
    Condition,
    ContributorRole,
    ImportedResource,
    ImprovementPhase,
    LibraryPage,
    Licence,
    ResourceContributor,
    ResourcePage,
    ResourceType,
)
from ..review.screening import blocking, page_text
from ..screening.files import screen_file
from ..screening.licences import check_licence
from ..screening.text import screen_fields
from ..validators import validate_release_label
from .manifest import Problem

EXTERNAL_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,199}")
KIND_NAMES = {"tool": "tool", "change package": "change_package", "protocol": "protocol"}
# The manifest's column for each of the share form's fields, where the names differ.
COLUMN_OF_FIELD = {"change_notes": "release_notes", "kind": "kind", "__all__": ""}
LISTED = 30  # known values named in one message


@dataclass
class Plan:
    """What one row will write."""

    line: int
    external_id: str
    form: object
    page: object  # the resource it updates, or None
    files: list = field(default_factory=list)  # (path, clean name) of files to add
    replace_files: list = field(default_factory=list)  # pending release files they replace
    release_label: str = ""
    credits: list = field(default_factory=list)  # (ContributorProfile, role)
    organisations: list = field(default_factory=list)
    body: str = "[]"
    attribution: str = ""
    changed: bool = True

    def prepare(self, page):
        """Set on the page what the share form does not hold (see ``sharing.write_contribution``)."""
        page.body = self.body
        page.attribution = self.attribution
        if self.credits:
            page.contributor_links = [ResourceContributor(contributor=c, role=role) for c, role in self.credits]
        if self.organisations:
            page.organisations = self.organisations

    def opened_files(self):
        return [File(path.open("rb"), name=name) for path, name in self.files]


class Vocabulary:
    """One of the commons' word lists, looked up by slug or name (case does not matter)."""

    def __init__(self, label, column, pairs):
        self.label, self.column = label, column
        self.by_key = {}
        self.known = []
        for key, names, value in pairs:
            self.known.append(key)
            for name in (key, *names):
                self.by_key.setdefault(name.casefold(), value)

    def find(self, word, line, problems):
        value = self.by_key.get(word.casefold())
        if value is None:
            problems.append(Problem(line, f"{self.column}: unknown {self.label} “{word}”. {self.known_words()}"))
        return value

    def known_words(self):
        words = sorted(self.known)
        more = f" and {len(words) - LISTED} more" if len(words) > LISTED else ""
        return f"Known: {', '.join(words[:LISTED])}{more}." if words else "None are defined yet."


def vocabularies():
    def words(model):
        return [(item.slug, [item.name], item.pk) for item in model.objects.all()]

    licences = [
        (item.spdx_id or item.name, [item.name], item.pk) for item in Licence.objects.order_by("spdx_id", "name")
    ]
    people = [
        (profile.user.username if profile.user_id else profile.slug, [profile.slug], profile)
        for profile in ContributorProfile.objects.select_related("user")
    ]
    return {
        "kind": Vocabulary("kind", "kind", [(name, [name.replace(" ", "-"), value], value)
                                            for name, value in KIND_NAMES.items()]),
        "conditions": Vocabulary("condition", "conditions", words(Condition)),
        "audiences": Vocabulary("audience", "audiences", words(Audience)),
        "resource_type": Vocabulary("resource type", "resource_type", words(ResourceType)),
        "phase": Vocabulary("phase", "phase", [(value, [label], value) for value, label in ImprovementPhase.choices]),
        "licence": Vocabulary("licence", "licence", licences),
        "organisations": Vocabulary("organisation", "organisations", [
            (item.slug, [item.name], item) for item in Organisation.objects.all()
        ]),
        "contributors": Vocabulary("person", "contributors", people),
        "role": Vocabulary(
            "role", "contributors", [(value, [label], value) for value, label in ContributorRole.choices]
        ),
    }


def body_stream(text):
    """The body column as the page's StreamField JSON: paragraphs separated by a blank line; a
    paragraph starting with "## " is a heading."""
    blocks = []
    for paragraph in re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip()):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        if paragraph.startswith("## "):
            blocks.append({"type": "heading", "value": " ".join(paragraph[3:].split())})
        else:
            lines = "<br/>".join(html.escape(line.strip()) for line in paragraph.split("\n"))
            blocks.append({"type": "paragraph", "value": f"<p>{lines}</p>"})
    return json.dumps(blocks)


def sha1_of(path):
    digest = hashlib.sha1()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def tags_text(tags):
    """Tags as the share form's tag field reads them (a tag with a comma or space in quotes)."""
    class Named:
        def __init__(self, name):
            self.name = name

    return edit_string_for_tags([Named(tag) for tag in tags])


class RowChecker:
    def __init__(self, base, user, publish):
        self.base, self.user, self.publish = Path(base), user, publish
        self.words = vocabularies()
        self.library = LibraryPage.objects.get()
        self.library_permissions = self.library.permissions_for_user(user)
        # What was imported before, each page as its own kind: one query per kind, not one a row.
        imported = dict(ImportedResource.objects.values_list("external_id", "resource_id"))
        pages = {page.pk: page for page in ResourcePage.objects.filter(pk__in=imported.values()).specific()}
        self.existing = {external_id: pages[page_id] for external_id, page_id in imported.items() if page_id in pages}

    def check(self, row):
        problems = []
        line = row.line
        external_id = row.text("id")
        if not external_id:
            problems.append(Problem(line, "id: missing. Every row needs a stable id of its own (e.g. the source "
                                          "system's id), so that importing the manifest again updates it."))
        elif not EXTERNAL_ID.fullmatch(external_id):
            problems.append(Problem(line, f"id: “{external_id[:60]}” is not a usable id: up to 200 letters, digits and "
                                          ". _ : / @ + - characters, starting with a letter or digit."))
        page = self.existing.get(external_id)
        kind = self._kind(row, page, problems)
        self._check_permission(line, page, problems)
        data = self._form_data(row, page, kind, problems)
        release_label = row.text("release")
        if release_label:
            try:
                validate_release_label(release_label)
            except Exception as error:  # Django's ValidationError: its messages say what is wrong
                problems.append(Problem(line, f"release: {' '.join(getattr(error, 'messages', [str(error)]))}"))
        paths = self._paths(row, problems)
        credits = self._credits(row, problems)
        organisations = [
            found for slug in row.items("organisations")
            if (found := self.words["organisations"].find(slug, line, problems)) is not None
        ]
        plan = Plan(
            line, external_id, None, page, release_label=release_label, credits=credits, organisations=organisations,
            body=body_stream(row.text("body")), attribution=row.text("attribution"),
        )
        # On past the first problem: the form and the file gate report theirs too, so one run lists them all.
        new_files = self._file_changes(plan, paths, problems)
        plan.form = self._bound_form(plan, data, new_files, problems)
        if problems:
            return None, problems
        if page is not None:
            plan.changed = bool(new_files) or self._changed(plan)
        if self.publish and plan.changed:
            problems += self._screen(plan)
        return (None if problems else plan), problems

    # The row's values ------------------------------------------------------------------------

    def _kind(self, row, page, problems):
        word = row.text("kind")
        if not word:
            if page is None:
                problems.append(Problem(row.line, f"kind: missing. {self.words['kind'].known_words()}"))
                return None
            return kind_of(page)
        kind = self.words["kind"].find(word, row.line, problems)
        if kind is not None and page is not None and kind != kind_of(page):
            problems.append(Problem(row.line, f"kind: “{row.text('id')}” was imported as a "
                                              f"{KINDS[kind_of(page)].label.lower()[2:]}; its kind cannot change."))
        return kind

    def _check_permission(self, line, page, problems):
        if page is None:
            allowed = self.library_permissions.can_add_subpage() and (
                not self.publish or self.library_permissions.can_publish_subpage()
            )
        else:
            permissions = page.permissions_for_user(self.user)
            allowed = permissions.can_edit() and (not self.publish or permissions.can_publish())
        if not allowed:
            name = self.user.get_username()
            target = "resources in the library" if page is None else f"“{page.title}”"
            if self.publish:
                message = f"{name} may not publish {target}. Without --publish, they are submitted for review."
            else:
                message = f"{name} may not {'add' if page is None else 'change'} {target}."
            problems.append(Problem(line, message))

    def _form_data(self, row, page, kind, problems):
        line, words = row.line, self.words
        data = MultiValueDict({
            "kind": [kind or ""],
            "title": [row.text("title")],
            "summary": [row.text("summary")],
            "tags": [tags_text(row.items("tags"))],
            "aim": [row.text("aim")],
            "scope": [row.text("scope")],
            "population": [row.text("population")],
            "change_notes": [row.text("release_notes")],
            "adapted_from": [""],
        })
        for column in ("conditions", "audiences"):
            found = [words[column].find(word, line, problems) for word in row.items(column)]
            data.setlist(column, [str(pk) for pk in found if pk is not None])
        for column in ("resource_type", "phase", "licence"):
            word = row.text(column)
            value = words[column].find(word, line, problems) if word else ""
            data[column] = "" if value is None else str(value)
        return data

    def _paths(self, row, problems):
        paths = []
        for name in row.items("files"):
            path = (self.base / name).resolve()
            if not path.exists():
                problems.append(Problem(row.line, f"files: {name} does not exist (looked for {path})."))
            elif not path.is_file():
                problems.append(Problem(row.line, f"files: {name} is not a file."))
            else:
                paths.append(path)
        return paths

    def _credits(self, row, problems):
        credits = []
        for entry in row.items("contributors"):
            name, _, role = entry.partition(":")
            person = self.words["contributors"].find(name.strip(), row.line, problems)
            role = self.words["role"].find(role.strip(), row.line, problems) if role.strip() else ContributorRole.AUTHOR
            if person is not None and role is not None:
                credits.append((person, role))
        return credits

    # Files ----------------------------------------------------------------------------------

    def _file_changes(self, plan, paths, problems):
        """The paths whose files are new to the resource (all of them, or none: a release's files
        go together). Sets ``plan.replace_files`` to the waiting files they take the place of."""
        page, label = plan.page, plan.release_label
        if not paths or page is None:
            return paths
        wanted = sorted((path.name, sha1_of(path)) for path in paths)
        releases = page.releases.prefetch_related("files__document")
        release = releases.filter(label=label).first() if label else None
        if release is None:
            release = releases.filter(published_at__isnull=True).order_by("-pk").first()
        if release is None and not label:
            release = releases.published().order_by("-published_at").first()
        if release is not None:
            held = sorted((item.filename, item.document.file_hash) for item in release.files.all())
            if held == wanted:
                return []
            if release.is_published and release.label == label:
                problems.append(Problem(plan.line, f"release: {label} of “{page.title}” is published and its files "
                                                   "cannot change. Give the new files a new version in “release”."))
                return []
            if not release.is_published:
                plan.replace_files = list(release.files.all())
        return paths

    def _bound_form(self, plan, data, paths, problems):
        """The share form on the row's values, its files through the gate as /share/ sends them."""
        uploads = [File(path.open("rb"), name=path.name) for path in paths]
        try:
            form = share_form(data, MultiValueDict({"files": uploads}), page=plan.page, request=None)
            if plan.page is not None and plan.page.adapted_from_id:
                del form.fields["adapted_from"]  # kept as it is: the manifest does not name it
            valid = form.is_valid()
        finally:
            for upload in uploads:
                upload.close()
        if not valid:
            # A column whose value was refused already (an unknown licence) is not also "required".
            said = {problem.message.split(":", 1)[0] for problem in problems}
            for name, errors in form.errors.items():
                column = COLUMN_OF_FIELD.get(name, name)
                if column in said:
                    continue
                for error in errors:
                    problems.append(Problem(plan.line, f"{column}: {error}" if column else error))
            return None
        plan.files = [(path, upload.name) for path, upload in zip(paths, form.cleaned_data["files"], strict=True)]
        return form

    def _changed(self, plan):
        page = plan.form.instance
        # Files were compared already (``_file_changes``); release notes go with new files.
        if set(plan.form.changed_data) - {"files", "change_notes"}:
            return True
        body = [{"type": block["type"], "value": block["value"]} for block in page.body.raw_data]
        if body != json.loads(plan.body) or page.attribution != plan.attribution:
            return True
        credits = [(link.contributor_id, link.role) for link in page.contributor_links.all()]
        if plan.credits and credits != [(person.pk, role) for person, role in plan.credits]:
            return True
        organisations = {organisation.pk for organisation in page.organisations.all()}
        return bool(plan.organisations) and organisations != {organisation.pk for organisation in plan.organisations}

    # Screening, as the publish guard will do it ---------------------------------------------

    def _screen(self, plan):
        page = plan.form.save(commit=False)
        plan.form.save_m2m()
        plan.prepare(page)
        findings = list(screen_fields(page_text(page)))
        for path, name in plan.files:
            with path.open("rb") as handle:
                findings += screen_file(File(handle, name=name), name)
        findings += check_licence(page.licence, None)
        return [Problem(plan.line, f"not publishable: {finding.message}") for finding in blocking(findings)]


def check_rows(rows, base, user, publish=False, progress=None):
    """(plans, problems) for every row; ``base``: the folder file paths are relative to."""
    checker = RowChecker(base, user, publish)
    plans, problems, first_line = [], [], {}
    for row in rows:
        external_id = row.text("id")
        if external_id and external_id in first_line:
            problems.append(Problem(row.line, f"id: “{external_id}” is also the id on line {first_line[external_id]}; "
                                              "each resource has an id of its own."))
        first_line.setdefault(external_id, row.line)
        plan, row_problems = checker.check(row)
        problems += row_problems
        if plan is not None:
            plans.append(plan)
        if progress is not None:
            progress.update(1)
    return plans, problems
