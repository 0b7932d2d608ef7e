"""Builds the demo network from the resource files under ``content/`` (read by ``reader.py``) and
the data modules beside this file.

Idempotent: every record is looked up by its natural key (slug, username, SPDX identifier) and
created only when missing, so a second run changes nothing and keeps what people edited.
"""

import datetime
import io
import json
from graphlib import TopologicalSorter
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site

from contributors.models import ContributorProfile, Organisation
from contributors.roles import EDITORS, NETWORK_ADMINS, PARTICIPANTS, REVIEWERS
from resources.models import (
    Audience,
    ChangePackagePage,
    Citation,
    CollectionItem,
    CollectionPage,
    Condition,
    HomePage,
    LibraryPage,
    Licence,
    Measure,
    ProtocolPage,
    Release,
    ReleaseFile,
    ResourceContributor,
    ResourcePage,
    ResourceType,
    ToolPage,
)
from resources.roles import ensure_roles
from resources.spdx import KNOWN_LICENCES

from . import collections, files, network, vocabularies
from .contributions import create_contributions
from .reader import CONTENT, read_resources
from .series import create_demo_series
from .typed_reviews import add_typed_reviewers

DEMO_PASSWORD = "improve-together"
GROUP_BY_ROLE = {"participant": PARTICIPANTS, "reviewer": REVIEWERS, "editor": EDITORS, "admin": NETWORK_ADMINS}
MODEL_BY_KIND = {"tools": ToolPage, "change-packages": ChangePackagePage, "protocols": ProtocolPage}


def all_resources(content=CONTENT):
    """Every resource record with the page model it becomes."""
    for kind, record in read_resources(content):
        yield MODEL_BY_KIND[kind], record


def site_address():
    """(hostname, port) of BASE_URL, the address people reach the commons at. Wagtail builds the
    links in e-mails and /sitemap.xml from the Site, not from the request, so the Site needs it."""
    url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return url.hostname or "localhost", url.port or (443 if url.scheme == "https" else 80)


def references(record):
    """Slugs a record points at, which must exist before it is created."""
    refs = {record.get("adapted_from"), record.get("superseded_by")}
    for primary in record.get("drivers", []):
        for secondary in primary["secondary"]:
            refs.update(idea.get("tool") for idea in secondary["change_ideas"])
    return refs - {None}


def stream(blocks):
    """Demo body blocks, as the StreamField's JSON."""
    raw = []
    for block_type, value in blocks:
        if block_type == "steps":
            value = [{"title": step["title"], "text": step.get("text", "")} for step in value]
        elif block_type == "table":
            value = {
                "data": [value["header"], *value["rows"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": value.get("caption", ""),
            }
        raw.append({"type": block_type, "value": value})
    return json.dumps(raw)


def steps_stream(steps):
    return stream([("steps", steps)]) if steps else "[]"


class DemoLoader:
    def __init__(self, stdout=None, content=CONTENT):
        self.stdout = stdout
        self.content = content  # the folder of resource files: another one loads other resources
        self.created = []

    def say(self, message):
        if self.stdout:
            self.stdout.write(message)

    @transaction.atomic
    def load(self):
        self.conditions = self.upsert_vocabulary(Condition, vocabularies.CONDITIONS, extra=("network_name",))
        self.types = self.upsert_vocabulary(ResourceType, vocabularies.RESOURCE_TYPES)
        self.audiences = self.upsert_vocabulary(Audience, vocabularies.AUDIENCES)
        self.licences = self.upsert_licences()
        self.organisations = self.upsert_organisations()
        self.home, self.library = self.ensure_site()
        groups = ensure_roles()
        self.people = self.upsert_people(groups)
        add_typed_reviewers()
        self.covers = {}
        new_pages = self.create_resources()
        self.create_collections()
        ensure_roles()
        create_contributions(self.conditions, self.types, self.people)
        create_demo_series()
        self.say(f"Demo network ready: {len(new_pages)} resources created this run, "
                 f"{ResourcePage.objects.live().count()} published in the library.")
        return new_pages

    # Vocabularies, licences, organisations, people

    def upsert_vocabulary(self, model, records, extra=()):
        existing = {obj.slug: obj for obj in model.objects.all()}
        for record in records:
            if record["slug"] not in existing:
                fields = {key: record[key] for key in ("name", "description", *extra) if key in record}
                existing[record["slug"]] = model.objects.create(slug=record["slug"], **fields)
        return existing

    def upsert_licences(self):
        licences = {}
        for record in vocabularies.LICENCES:
            key = record["key"]
            commercial, derivatives, share_alike = record["flags"]
            network_only = key == "network-only"
            lookup = {"network_only": True, "spdx_id": ""} if network_only else {"spdx_id": key}
            name, url = (record["name"], "") if network_only else KNOWN_LICENCES[key]
            licences[key], _ = Licence.objects.get_or_create(
                **lookup,
                defaults={
                    "name": name,
                    "url": url,
                    "summary": record["summary"],
                    "allows_commercial_use": commercial,
                    "allows_derivatives": derivatives,
                    "requires_share_alike": share_alike,
                    "requires_attribution": record.get("attribution", True),
                    "recommended": record.get("recommended", False),
                },
            )
        return licences

    def upsert_organisations(self):
        existing = {org.slug: org for org in Organisation.objects.all()}
        for record in network.ORGANISATIONS:
            if record["slug"] in existing:
                continue
            org = Organisation.objects.create(
                slug=record["slug"], name=record["name"], kind=record["kind"], city=record.get("city", ""),
                description=record.get("description", ""),
            )
            org.conditions.set(self.conditions[slug] for slug in record["conditions"])
            existing[org.slug] = org
        return existing

    def upsert_people(self, groups):
        User = get_user_model()
        people = {profile.user.username: profile for profile in
                  ContributorProfile.objects.filter(user__isnull=False).select_related("user")}
        for record in network.PEOPLE:
            username = record["username"]
            if username in people:
                continue
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User.objects.create_user(
                    username=username, email=record["email"], password=DEMO_PASSWORD,
                    first_name=record["first_name"], last_name=record["last_name"],
                )
            if record.get("group"):
                user.groups.add(groups[GROUP_BY_ROLE[record["group"]]])
            people[username] = ContributorProfile.objects.create(
                user=user,
                display_name=record["display_name"],
                slug=username.replace(".", "-"),
                role_in_care=record["role_in_care"],
                organisation=self.organisations.get(record["organisation"]),
                orcid=record.get("orcid") or "",
                bio=record.get("bio", ""),
            )
        return people

    # Site structure

    def ensure_site(self):
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            # Wagtail's stock welcome page has nothing on it: remove it (its Site goes with it)
            # so that the commons' home page takes its place and slug.
            for page in root.get_children():
                if page.specific_class is Page and not page.get_children().exists():
                    page.delete()
            home = root.add_child(instance=HomePage(
                title="Improvement Commons",
                slug="home",
                introduction=(
                    "<p>The shared library of our learning health network. Care centres, clinicians, "
                    "patients and families publish the tools, change packages and protocols that made "
                    "care better, so that every team can find them, adapt them and make them better "
                    "again. All teach, all learn.</p>"
                ),
            ))
            home.save_revision().publish()
            Site.objects.update(is_default_site=False)
            hostname, port = site_address()
            Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True,
                                site_name="Improvement Commons")
        self.follow_base_url(home)
        library = LibraryPage.objects.first()
        if library is None:
            library = home.add_child(instance=LibraryPage(
                title="Library",
                slug="library",
                introduction=(
                    "<p>Every tool, change package and protocol shared in the network. Filter by "
                    "condition, type of resource, improvement phase, audience or licence.</p>"
                ),
            ))
            library.save_revision().publish()
        return home, library

    def follow_base_url(self, home):
        """Keep the commons' site at BASE_URL's address on every run, so that a database loaded
        before (or for another BASE_URL) follows the setting; a default site someone rooted
        elsewhere is left alone."""
        hostname, port = site_address()
        site = Site.objects.filter(is_default_site=True, root_page=home).first()
        if site is None or (site.hostname, site.port) == (hostname, port):
            return
        if Site.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk).exists():
            self.say(f"Another site already has the address {hostname}:{port}; the commons' site keeps "
                     f"{site.hostname}:{site.port}. Change one of them under Settings > Sites.")
            return
        site.hostname, site.port = hostname, port
        site.save()  # save(), not update(): Wagtail's cache of site root paths is cleared on save

    # Resources

    def create_resources(self):
        records = {record["slug"]: (model, record) for model, record in all_resources(self.content)}
        existing = dict(ResourcePage.objects.values_list("slug", "pk"))
        order = TopologicalSorter({slug: references(record) for slug, (_, record) in records.items()})
        new_pages = []
        for slug in order.static_order():
            if slug in existing:
                continue
            model, record = records[slug]
            page = self.create_resource(model, record)
            existing[slug] = page.pk
            new_pages.append(page)
        return new_pages

    def cover_for(self, condition_slug):
        if condition_slug not in self.covers:
            condition = next(c for c in vocabularies.CONDITIONS if c["slug"] == condition_slug)
            Image = get_image_model()
            title = f"Cover: {condition['name']}"
            image = Image.objects.filter(title=title).first()
            if image is None:
                png = files.make_cover_image(condition["name"], condition["colour"])
                image = Image.objects.create(
                    title=title,
                    collection=Collection.get_first_root_node(),
                    file=ImageFile(io.BytesIO(png), name=f"cover-{condition_slug}.png"),
                )
            self.covers[condition_slug] = image
        return self.covers[condition_slug]

    def page_for(self, slug):
        return ResourcePage.objects.get(slug=slug).specific

    def create_resource(self, model, record):
        transfer = record.get("transferability", {})
        page = model(
            title=record["title"],
            slug=record["slug"],
            summary=record["summary"],
            body=stream(record.get("body", [])),
            resource_type=self.types[record["resource_type"]],
            phase=record["phase"],
            licence=self.licences[record["licence"]],
            attribution=record.get("attribution", ""),
            adapted_from=self.page_for(record["adapted_from"]) if record.get("adapted_from") else None,
            care_setting=transfer.get("care_setting", ""),
            centre_size=transfer.get("centre_size", ""),
            ehr=transfer.get("ehr", ""),
            staff_time=transfer.get("staff_time", ""),
            resources_needed=transfer.get("resources_needed", ""),
            cover_image=self.cover_for(record["conditions"][0]),
        )
        if model is ToolPage:
            page.how_to_use = steps_stream(record.get("how_to_use"))
            page.time_to_adopt = record.get("time_to_adopt", "")
        elif model is ChangePackagePage:
            page.aim = record["aim"]
            page.drivers = json.dumps([self.driver_block(driver) for driver in record["drivers"]])
            page.measures = [Measure(kind=m["kind"], name=m["name"], operational_definition=m["definition"],
                                     numerator=m.get("numerator", ""), denominator=m.get("denominator", ""),
                                     unit=m.get("unit", ""), desired_direction=m.get("direction", ""))
                             for m in record["measures"]]
        elif model is ProtocolPage:
            page.scope = record["scope"]
            page.population = record["population"]
            page.steps = steps_stream(record.get("protocol_steps"))
            page.effective_date = datetime.date.fromisoformat(record["effective_date"])
            page.review_by = datetime.date.fromisoformat(record["review_by"])
            page.citations = [Citation(text=c["text"], doi=c.get("doi") or "") for c in record.get("citations", [])]
        page.conditions.set([self.conditions[slug] for slug in record["conditions"]])
        page.audiences.set([self.audiences[slug] for slug in record["audiences"]])
        page.organisations.set([self.organisations[slug] for slug in record.get("organisations", [])])
        page.tags.set(record.get("tags", []))
        page.contributor_links = [
            ResourceContributor(contributor=self.people[username], role=role)
            for username, role in record.get("contributors", [])
        ]
        first_release = min((r["date"] for r in record["releases"]), default=None)
        self.library.add_child(instance=page)
        author = page.contributor_links.first()
        revision = page.save_revision(user=author.contributor.user if author else None)
        revision.publish()
        if first_release:
            # The demo network's history: first published with its first release.
            published = datetime.datetime.fromisoformat(first_release).replace(tzinfo=datetime.UTC)
            ResourcePage.objects.filter(pk=page.pk).update(first_published_at=published)
        if model is ProtocolPage and record.get("superseded_by"):
            ProtocolPage.objects.filter(pk=page.pk).update(superseded_by=self.page_for(record["superseded_by"]))
        for release in record["releases"]:
            self.create_release(page, release)
        return page

    def driver_block(self, driver):
        def idea_value(idea):
            tool = self.page_for(idea["tool"]).pk if idea.get("tool") else None
            return {"title": idea["title"], "description": idea.get("description", ""), "tool": tool,
                    "measures": idea.get("measures", [])}

        return {
            "type": "primary_driver",
            "value": {
                "title": driver["title"],
                "description": driver.get("description", ""),
                "secondary_drivers": [
                    {"title": secondary["title"], "change_ideas": [idea_value(i) for i in secondary["change_ideas"]]}
                    for secondary in driver["secondary"]
                ],
            },
        }

    def create_release(self, page, record):
        Document = get_document_model()
        release = Release.objects.create(
            resource=page,
            label=record["label"],
            release_date=datetime.date.fromisoformat(record["date"]),
            change_notes=record["notes"],
        )
        for position, file_record in enumerate(record["files"]):
            document = Document(title=f"{page.title}: {file_record['title']} ({record['label']})",
                                collection=Collection.get_first_root_node())
            content = files.make_file(file_record["filename"], file_record["title"], file_record["text"])
            document.file.save(file_record["filename"], ContentFile(content), save=False)
            document.save()
            ReleaseFile.objects.create(release=release, document=document, title=file_record["title"],
                                       filename=file_record["filename"], sort_order=position)
        release.publish()

    # Collections and visibility

    def create_collections(self):
        existing = set(CollectionPage.objects.values_list("slug", flat=True))
        for record in collections.COLLECTIONS:
            if record["slug"] in existing:
                continue
            collection = CollectionPage(title=record["title"], slug=record["slug"],
                                        introduction=record["introduction"])
            collection.items = [
                CollectionItem(resource=ResourcePage.objects.get(slug=slug), note=note)
                for slug, note in record["items"]
            ]
            self.home.add_child(instance=collection)
            collection.save_revision().publish()
            if record.get("featured") and self.home.featured_collection_id is None:
                self.home.featured_collection = collection
                self.home.save_revision().publish()


def demo_logins():
    """(role, username, display name) for the printed sign-in list: one person per role."""
    rows = []
    for role in ("admin", "editor", "reviewer", "participant"):
        person = next(p for p in network.PEOPLE if p.get("group") == role)
        rows.append((GROUP_BY_ROLE[role], person["username"], person["display_name"]))
    return rows
