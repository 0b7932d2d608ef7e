"""The demo network's data series and adoption marks, as data: ``content/series.yaml`` describes
each series (its CSV file under ``content/series/``, package, measure, centre, chart, who sees it,
its notes) and each centre's "we use this" mark. The files are read by the same upload checks a
centre's file goes through (``evidence/uploads.py``), so the demo exercises the real validation: a
file with an error stops the demo from loading, with the file's name and the errors.

Idempotent: a series its centre already has (same measure and title) and a mark a centre already
has for a resource (live or not) are left as they are.
"""

import datetime

from django.contrib.auth import get_user_model

from contributors.models import Organisation

from ..evidence.uploads import read_series_file, save_series
from ..models import Adoption, Measure, ResourcePage, Series, SeriesAnnotation
from .reader import CONTENT, load_yaml

SERIES_FILE = CONTENT / "series.yaml"
SERIES_FOLDER = CONTENT / "series"


def read_demo_data(path=SERIES_FILE):
    return load_yaml(path.read_text(encoding="utf-8"))


def _date(text):
    return datetime.date.fromisoformat(str(text)) if text else None


def _user(username):
    return get_user_model().objects.filter(username=username).first() if username else None


def _resource(slug):
    return ResourcePage.objects.filter(slug=slug).first() if slug else None


def create_series(record, folder=SERIES_FOLDER):
    """The series of one record, through the upload checks; None when its measure or centre is not
    in this database (a library without that package), or when the centre has it already."""
    measure = Measure.objects.filter(page__slug=record["package"], name=record["measure"]).first()
    centre = Organisation.objects.filter(slug=record["centre"]).first()
    if measure is None or centre is None:
        return None
    if Series.objects.filter(organisation=centre, measure=measure, title=record["title"]).exists():
        return None
    chart = record.get("chart") or ""
    with open(folder / record["file"], "rb") as file:
        upload = read_series_file(file, record["file"], chart_kind=chart)
    if not upload.ok:
        raise ValueError(f"The demo series file {record['file']} has errors: " + " ".join(upload.errors))
    series = save_series(
        upload, measure=measure, organisation=centre, created_by=_user(record.get("uploaded_by")),
        title=record["title"], chart_kind=chart, visibility=record.get("visibility", "network"),
        show_centre=bool(record.get("show_centre")),
    )
    for note in record.get("notes", []):
        SeriesAnnotation.objects.create(
            series=series, date=_date(note["date"]), text=note["text"], is_change=bool(note.get("change")),
            change_idea=note.get("change_idea", ""), resource=_resource(note.get("tool")),
        )
    return series


def create_adoption(record):
    """One centre's mark; None when its resource, centre or person is missing, or it has one."""
    resource = _resource(record["resource"])
    centre = Organisation.objects.filter(slug=record["centre"]).first()
    if resource is None or centre is None or Adoption.objects.filter(resource=resource, organisation=centre).exists():
        return None
    series = None
    if record.get("series"):
        series = Series.objects.filter(organisation=centre, title=record["series"]).first()
    return Adoption.objects.create(
        resource=resource, organisation=centre, marked_by=_user(record.get("marked_by")),
        started_on=_date(record["started_on"]), public=bool(record.get("public")),
        stopped_on=_date(record.get("stopped_on")),
        # Answered marks were asked first (by the daily job, on the answer's day at the latest).
        asked_on=_date(record.get("asked_on") or record.get("answered_on")), outcome=record.get("outcome", ""),
        outcome_note=record.get("outcome_note", ""), answered_on=_date(record.get("answered_on")),
        evidence_series=series,
    )


def create_demo_series(path=SERIES_FILE):
    """Each demo series and adoption mark not made yet; returns (series made, marks made)."""
    data = read_demo_data(path)
    series = [made for made in map(create_series, data.get("series", [])) if made is not None]
    marks = [made for made in map(create_adoption, data.get("adoptions", [])) if made is not None]
    return len(series), len(marks)
