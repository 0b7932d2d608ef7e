"""The demo network's data series: a few centres' monthly data for their change packages' measures,
some with a clear shift after a documented change, some steady. Made the same way every time
(each series draws from its own seeded generator), and only once: a series a centre already has
is left as it is.
"""

import datetime
import random
from decimal import Decimal

from contributors.models import Organisation

from ..models import Measure, Series, SeriesAnnotation, SeriesPoint
from ..models.evidence import default_chart_kind

FIRST_MONTH = datetime.date(2024, 1, 1)
MONTHS = 24

# Each: the package's slug, the measure's name, the centre's slug, the series' title and who sees it; for
# rates, the ``rate`` before and after the ``change`` month (None: no change) and the ``denominator``
# per month (mean, spread), with the change idea tested and the note; for values, ``value`` (mean, spread).
DEMO_SERIES = [
    {
        "package": "ibd-anaemia-reduction-change-package", "measure": "Anaemia at most recent haemoglobin",
        "centre": "northfield-childrens", "title": "Northfield IBD clinic, all patients",
        "visibility": "network", "show_centre": False,
        "rate": (0.36, 0.25), "denominator": (150, 12), "change": datetime.date(2025, 1, 1),
        "change_idea": "Standing order set",
        "note": "Standing order set for iron studies with every routine blood test went live.",
    },
    {
        "package": "ibd-anaemia-reduction-change-package", "measure": "Anaemia at most recent haemoglobin",
        "centre": "kingsbridge-community-paediatrics", "title": "Kingsbridge IBD clinic",
        "visibility": "public", "show_centre": False,
        "rate": (0.33, 0.33), "denominator": (70, 8), "change": None,
    },
    {
        "package": "t1d-dka-prevention-change-package", "measure": "DKA at diagnosis",
        "centre": "bayside-diabetes-centre", "title": "Bayside new diagnoses under 18",
        "visibility": "public", "show_centre": True,
        "rate": (0.40, 0.22), "denominator": (24, 5), "change": datetime.date(2024, 10, 1),
        "change_idea": "Run a local awareness campaign",
        "note": "Awareness campaign in schools and GP surgeries began (the four Ts).",
    },
    {
        "package": "jia-inactive-disease-and-uveitis-screening-change-package",
        "measure": "Uveitis screening up to date",
        "centre": "westmoor-childrens", "title": "Westmoor rheumatology clinic",
        "visibility": "network", "show_centre": False,
        "rate": (0.72, 0.87), "denominator": (90, 6), "change": datetime.date(2025, 3, 1),
        "change_idea": "Recall children with an EYES flag",
        "note": "EYES flag on the population report; overdue children recalled every week.",
    },
    {
        "package": "t1d-technology-equity-change-package", "measure": "Team time spent on device support",
        "centre": "prairie-childrens", "title": "Prairie diabetes team",
        "visibility": "network", "show_centre": False,
        "value": (11.0, 1.4),
    },
]


def _month(number):
    year, month = divmod(FIRST_MONTH.month - 1 + number, 12)
    return datetime.date(FIRST_MONTH.year + year, month + 1, 1)


def _points(record, generator):
    points = []
    for number in range(MONTHS):
        period = _month(number)
        if "value" in record:
            mean, spread = record["value"]
            value = Decimal(str(round(generator.gauss(mean, spread), 1)))
            points.append(SeriesPoint(period=period, value=value))
            continue
        before, after = record["rate"]
        rate = after if record["change"] and period >= record["change"] else before
        base, spread = record["denominator"]
        denominator = max(5, round(generator.gauss(base, spread)))
        numerator = sum(generator.random() < rate for _ in range(denominator))
        points.append(SeriesPoint(period=period, numerator=Decimal(numerator), denominator=Decimal(denominator)))
    return points


def create_demo_series():
    """Each demo series its centre does not have yet; returns how many were made."""
    made = 0
    for record in DEMO_SERIES:
        measure = Measure.objects.filter(page__slug=record["package"], name=record["measure"]).first()
        centre = Organisation.objects.filter(slug=record["centre"]).first()
        if measure is None or centre is None:
            continue
        if Series.objects.filter(organisation=centre, measure=measure, title=record["title"]).exists():
            continue
        points = _points(record, random.Random(f"{record['centre']}:{record['measure']}"))
        kind = "values" if "value" in record else "rates"
        series = Series.objects.create(
            measure=measure, organisation=centre, title=record["title"], kind=kind,
            chart_kind=default_chart_kind(kind, points), visibility=record["visibility"],
            show_centre=record["show_centre"],
        )
        for point in points:
            point.series = series
        SeriesPoint.objects.bulk_create(points)
        if record.get("change"):
            SeriesAnnotation.objects.create(
                series=series, date=record["change"], text=record["note"], is_change=True,
                change_idea=record["change_idea"],
            )
        made += 1
    return made
