"""Reading a centre's uploaded data series: a CSV or XLSX file of periods and values, or periods,
numerators and denominators, checked row by row before anything is saved.

    read_series_file(file, filename, chart_kind="") -> Upload     # .errors, .warnings, .kind, .points
    save_series(upload, **fields) -> Series                        # one transaction

The file: CSV (UTF-8, with or without a byte-order mark; commas, or semicolons with decimal commas
as European spreadsheets save them) or XLSX (its first sheet, read with openpyxl in read-only mode,
the values cells hold rather than formulas). At most ``EVIDENCE_MAX_UPLOAD_MB`` (default 2) MB; an
XLSX is refused before it is opened when its ZIP would unpack to more than
``EVIDENCE_MAX_UNCOMPRESSED_MB`` (default 20) or breaks the file gate's other ZIP limits
(``resources/files/archives.py``: part count, compression ratio). The file itself is never kept:
only the numbers are, so it does not go through the gate's screening for health information
(aggregate counts per period hold none).

The first row names the columns, ``period,value`` or ``period,numerator,denominator`` (any case;
a few other words are understood, ``SYNONYMS``). Periods: ISO dates (2024-03-01), months
(2024-03, Mar 2024, March 2024) and spreadsheet dates; a month is stored as its first day. Dates
written 03/04/2024 are refused: they read differently in the UK and the US.

Errors (nothing is saved): an empty file, a wrong first row, a bad date, a period given twice, a
value that is not a number, a missing value, a negative numerator or denominator, a zero
denominator, a numerator over its denominator when a p chart was chosen. Warnings (saved anyway,
and shown): periods missing between others (a month not reported is common and the chart is still
right about the months it has; the warning lets the team check it was not lost in the export), and
numerators over their denominators when no chart kind was chosen (a u chart is chosen then).
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import transaction

from ..files import archives

MAX_ROWS = 5000
MAX_ERRORS_LISTED = 20
# Spreadsheet serial numbers from 1 January 1955 (20,090) to 31 December 2199: smaller numbers are
# more likely years or counts typed in the period column than dates.
EXCEL_SERIALS = (20_090, 109_574)
EXCEL_EPOCH = datetime.date(1899, 12, 30)

SYNONYMS = {
    "period": {"period", "date", "month", "week", "quarter", "time period", "period start"},
    "value": {"value", "result", "score", "count"},
    "numerator": {"numerator", "num", "numer", "events"},
    "denominator": {"denominator", "denom", "den", "total"},
}
HEADERS = {("period", "value"): "values", ("period", "numerator", "denominator"): "rates"}
EXPECTED_HEADER = "“period,value” (one number per period) or “period,numerator,denominator” (a rate per period)"

MONTH_FORMATS = ("%Y-%m", "%Y/%m", "%b %Y", "%B %Y", "%b-%Y", "%B-%Y", "%b-%y", "%b %y")
AMBIGUOUS_DATE = re.compile(r"^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}$")


def max_upload_bytes():
    return float(getattr(settings, "EVIDENCE_MAX_UPLOAD_MB", 2)) * 1024 * 1024


def max_uncompressed_bytes():
    return float(getattr(settings, "EVIDENCE_MAX_UNCOMPRESSED_MB", 20)) * 1024 * 1024


@dataclass(frozen=True)
class ParsedPoint:
    line: int
    period: datetime.date
    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None


@dataclass
class Upload:
    """What a file held: its kind ("values" or "rates"), its points in period order, and what is
    wrong with it (``errors``: nothing may be saved) or worth a second look (``warnings``)."""

    kind: str = ""
    points: list[ParsedPoint] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    monthly: bool = False

    @property
    def ok(self):
        return not self.errors

    def listed_errors(self):
        """The errors to show: the first ``MAX_ERRORS_LISTED``, and how many more there are."""
        shown = self.errors[:MAX_ERRORS_LISTED]
        more = len(self.errors) - len(shown)
        if more:
            shown.append(f"… and {more} more like these. Fix them all, then upload the file again.")
        return shown


class _Refused(Exception):
    """The whole file is refused (too big, unreadable, wrong kind): one message."""


def read_series_file(file, filename, chart_kind=""):
    """Check an uploaded file (a binary file object) and read its points. ``chart_kind`` is the
    chart chosen on the form ("" when left to the data)."""
    upload = Upload()
    try:
        rows, place = _rows(file, filename)
        _read_rows(rows, place, upload, chart_kind)
    except _Refused as refusal:
        upload.errors = [str(refusal)]
        upload.points = []
    return upload


# -- the file ---------------------------------------------------------------------------------------


def _size(file):
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, io.SEEK_END)
        size = file.tell()
    file.seek(0)
    return size


def _rows(file, filename):
    """(an iterator of (line number, list of cells), "line" or "row") for the file's rows."""
    size = _size(file)
    if size == 0:
        raise _Refused(f"{filename} is empty. Export the data again and upload the file it makes.")
    limit = max_upload_bytes()
    if size > limit:
        raise _Refused(
            f"{filename} is {size / 1024 / 1024:,.1f} MB; a data series file can be at most "
            f"{limit / 1024 / 1024:g} MB. Upload only the columns period and value (or numerator and denominator)."
        )
    head = file.read(8)
    file.seek(0)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _xlsx_rows(file, filename), "row"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise _Refused(
            f"{filename} is in the old Excel format (.xls). Save it as an Excel workbook (.xlsx) or as CSV and "
            "upload that."
        )
    return _csv_rows(file, filename), "line"


def _xlsx_rows(file, filename):
    try:
        why = archives.unpacking_problem(file, max_uncompressed_bytes())
    except archives.UNREADABLE as error:
        raise _Refused(f"{filename} could not be opened as an Excel workbook ({error}). Save it again "
                       "as .xlsx or CSV and upload that.") from None
    if why is not None:
        raise _Refused(f"{filename} can't be read: {why} Save the data on its own as CSV and upload that.")
    file.seek(0)
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(file, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged or foreign file
        raise _Refused(f"{filename} could not be read as an Excel workbook ({type(error).__name__}). Save it "
                       "again as .xlsx or CSV and upload that.") from None
    try:
        sheet = workbook.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(row)
    finally:
        workbook.close()


def _csv_rows(file, filename):
    data = file.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _Refused(
            f"{filename} is not saved as UTF-8 text. In your spreadsheet choose “Save as”, then “CSV UTF-8”, and "
            "upload that file."
        ) from None
    if "\x00" in text:
        raise _Refused(f"{filename} is not a CSV file. Upload a CSV or an Excel workbook (.xlsx).")
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for row in reader:
            yield reader.line_num, [_DecimalComma(cell) if delimiter == ";" else cell for cell in row]
    except csv.Error as error:
        raise _Refused(f"{filename} could not be read as CSV at line {reader.line_num}: {error}.") from None


class _DecimalComma(str):
    """A cell of a semicolon-separated file, where 12,5 means twelve and a half."""


# -- the rows ---------------------------------------------------------------------------------------


def _blank(cell):
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _column(name):
    name = " ".join(str(name).strip().lower().split()) if name is not None else ""
    for column, words in SYNONYMS.items():
        if name in words:
            return column
    return name


def _trim(cells):
    cells = list(cells)
    while cells and _blank(cells[-1]):
        cells.pop()
    return cells


def _read_rows(rows, place, upload, chart_kind):
    header = None
    seen = {}
    count = 0
    for number, cells in rows:
        cells = _trim(cells)
        if not cells:
            continue  # blank rows are left out, wherever they are
        if header is None:
            header = tuple(_column(cell) for cell in cells)
            upload.kind = HEADERS.get(header, "")
            if not upload.kind:
                written = ",".join("" if cell is None else str(cell).strip() for cell in cells)
                raise _Refused(f"The first {place} must name the columns {EXPECTED_HEADER}. {place.title()} "
                               f"{number} says “{written[:120]}”.")
            continue
        count += 1
        if count > MAX_ROWS:
            raise _Refused(f"The file has more than {MAX_ROWS:,} {place}s of data. A series holds one {place} per "
                           "period: check you exported the summary, not each patient or visit.")
        point = _point(number, place, cells, header, upload, chart_kind)
        if point is None:
            continue
        if point.period in seen:
            upload.errors.append(
                f"{place.title()} {number}: the period {_period_words(point.period, upload)} is given twice (also on "
                f"{place} {seen[point.period]}). Keep one {place} per period."
            )
            continue
        seen[point.period] = number
        upload.points.append(point)
    if header is None:
        raise _Refused(f"The file is empty. Its first {place} must name the columns {EXPECTED_HEADER}, and each "
                       f"{place} after it hold one period.")
    if count == 0:
        raise _Refused(f"The file has the column names but no data. Add one {place} per period under them.")
    upload.points.sort(key=lambda point: point.period)
    if upload.ok:
        _gaps(upload, place)
        _over_denominators(upload, place, chart_kind)


def _point(number, place, cells, header, upload, chart_kind):
    where = f"{place.title()} {number}"
    if len(cells) > len(header):
        upload.errors.append(f"{where} has {len(cells)} cells; the columns are {', '.join(header)}. Remove the extra "
                             "ones.")
        return None
    cells = cells + [None] * (len(header) - len(cells))
    period, problem = _period(cells[0])
    if problem:
        upload.errors.append(f"{where}: {problem}")
        return None
    if isinstance(cells[0], str) and _looks_monthly(cells[0]):
        upload.monthly = True
    numbers = {}
    for name, cell in zip(header[1:], cells[1:], strict=True):
        number_value, problem = _number(cell)
        if problem:
            upload.errors.append(f"{where}: the {name} {problem}")
            return None
        numbers[name] = number_value
    if upload.kind == "rates":
        numerator, denominator = numbers["numerator"], numbers["denominator"]
        if numerator < 0 or denominator < 0:
            upload.errors.append(f"{where}: a numerator or denominator can't be negative (they count things).")
            return None
        if denominator == 0:
            upload.errors.append(
                f"{where}: the denominator is 0, so there is no rate for {_period_words(period, upload)}. Leave the "
                f"{place} out if nothing was counted that period."
            )
            return None
        if numerator > denominator and chart_kind == "p":
            upload.errors.append(
                f"{where}: the numerator ({_shown(numerator)}) is larger than the denominator ({_shown(denominator)}). "
                "A p chart shows a proportion, a part of its whole: check the columns, or choose a u chart for a rate."
            )
            return None
        return ParsedPoint(number, period, numerator=numerator, denominator=denominator)
    return ParsedPoint(number, period, value=numbers["value"])


def _looks_monthly(text):
    text = text.strip()
    return not re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text)


def _period(cell):
    """(date, None) or (None, what is wrong in words)."""
    if _blank(cell):
        return None, "the period is empty. Give the month (2024-03) or the date (2024-03-01)."
    if isinstance(cell, datetime.datetime):
        return cell.date(), None
    if isinstance(cell, datetime.date):
        return cell, None
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        if EXCEL_SERIALS[0] <= cell <= EXCEL_SERIALS[1] and float(cell).is_integer():
            return EXCEL_EPOCH + datetime.timedelta(days=int(cell)), None
        return None, f"“{cell}” is not a date. Give the month (2024-03) or the date (2024-03-01)."
    text = " ".join(str(cell).split())
    try:
        return datetime.date.fromisoformat(text), None
    except ValueError:
        pass
    for pattern in MONTH_FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern).date(), None
        except ValueError:
            continue
    if AMBIGUOUS_DATE.match(text):
        return None, (f"“{text}” could mean two different days (day/month or month/day). Write dates as "
                      "year-month-day, 2024-03-01, or give the month, 2024-03.")
    return None, f"“{text[:40]}” is not a date. Give the month (2024-03 or Mar 2024) or the date (2024-03-01)."


def _number(cell):
    """(Decimal, None) or (None, the rest of a sentence saying what is wrong)."""
    if _blank(cell):
        return None, "is empty. Fill it in, or leave the whole row out if there is no data for that period."
    if isinstance(cell, bool):
        return None, f"“{cell}” is not a number."
    if isinstance(cell, (int, float, Decimal)):
        number = Decimal(str(cell))
    else:
        text = str(cell).strip().replace("\u00a0", "").replace(" ", "")
        if isinstance(cell, _DecimalComma):
            text = text.replace(".", "").replace(",", ".") if "," in text else text
        if text.endswith("%"):
            text = text[:-1]
        try:
            number = Decimal(text)
        except InvalidOperation:
            return None, f"“{str(cell).strip()[:40]}” is not a number. Write numbers with digits only, like 12 or 12.5."
    if not number.is_finite():
        return None, f"“{cell}” is not a number."
    if abs(number) >= Decimal(10) ** 14:
        return None, f"{_shown(number)} is too large for a data series."
    return number, None


def plain_number(number):
    """A decimal as people write it: 12.500000 → 12.5, 100.000000 → 100."""
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _shown(number):
    return plain_number(number) if isinstance(number, Decimal) else str(number)


def _period_words(period, upload):
    return period.strftime("%B %Y") if upload.monthly and period.day == 1 else period.isoformat()


# -- what is worth a second look ---------------------------------------------------------------------


def _months_between(first, second):
    return (second.year - first.year) * 12 + second.month - first.month


def _gaps(upload, place):
    """Warn of periods missing between two others: months (every period a 1st of the month, one
    month apart at least once), quarters (three months apart) or weeks (seven days apart)."""
    points = upload.points
    if len(points) < 3:
        return
    pairs = list(zip(points, points[1:], strict=False))
    if all(point.period.day == 1 for point in points):
        steps = [_months_between(a.period, b.period) for a, b in pairs]
        step = min(steps)
        if step not in (1, 3) or any(gap % step for gap in steps):
            return
        unit = "month" if step == 1 else "quarter"
        for (before, after), gap in zip(pairs, steps, strict=True):
            if gap > step:
                missing = gap // step - 1
                upload.warnings.append(
                    f"No data for {missing} {unit}{'s' if missing > 1 else ''} between "
                    f"{before.period:%B %Y} ({place} {before.line}) and {after.period:%B %Y} ({place} {after.line}). "
                    "If that is right, there is nothing to do; if not, upload the file again with them."
                )
        return
    days = [(b.period - a.period).days for a, b in pairs]
    if min(days) == 7 and all(gap % 7 == 0 for gap in days):
        for (before, after), gap in zip(pairs, days, strict=True):
            if gap > 7:
                missing = gap // 7 - 1
                upload.warnings.append(
                    f"No data for {missing} week{'s' if missing > 1 else ''} between {before.period.isoformat()} "
                    f"({place} {before.line}) and {after.period.isoformat()} ({place} {after.line})."
                )


def _over_denominators(upload, place, chart_kind):
    # Only when the chart is chosen from the data: a chosen p chart refuses such rows (``_point``).
    if upload.kind != "rates" or chart_kind:
        return
    over = [point.line for point in upload.points if point.numerator > point.denominator]
    if over:
        lines = ", ".join(map(str, over[:10])) + (" …" if len(over) > 10 else "")
        where = f"{place}s {lines}" if len(over) > 1 else f"{place} {lines}"
        upload.warnings.append(
            f"Some numerators are larger than their denominators ({where}), so this is a rate rather than a "
            "proportion: it is shown on a u chart."
        )


# -- saving -----------------------------------------------------------------------------------------


@transaction.atomic
def save_series(upload, **fields):
    """A new ``Series`` with the upload's points, all or nothing. ``fields``: the series' own
    (measure, organisation, created_by, title, chart_kind, visibility, show_centre)."""
    from ..models.evidence import Series, default_chart_kind

    if not upload.ok:
        raise ValueError("An upload with errors is never saved.")
    fields.setdefault("chart_kind", "")
    if not fields["chart_kind"]:
        fields["chart_kind"] = default_chart_kind(upload.kind, upload.points)
    series = Series.objects.create(kind=upload.kind, **fields)
    _add_points(series, upload)
    return series


def _add_points(series, upload):
    """The upload's points, for a series made just now: its creation purged the pages showing
    its package (resources/page_cache.py), again when the transaction commits, after the points."""
    from ..models.evidence import SeriesPoint

    SeriesPoint.objects.bulk_create(
        SeriesPoint(
            series=series, period=point.period, value=point.value,
            numerator=point.numerator, denominator=point.denominator,
        )
        for point in upload.points
    )
