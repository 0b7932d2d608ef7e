"""Reading a manifest: JSON Lines (``.jsonl``) or CSV (``.csv``), one resource per row.

    read_manifest(path) -> (rows, problems)

Nothing here touches the database: each row comes back as a ``Row`` (its line number and its
values, every one a string or a list of strings), and everything wrong with the file itself (its
encoding, a line that is not JSON, a column nobody knows) as a ``Problem`` with its line. What the
values mean is checked by ``resources.importing.checks``.
"""

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

# Every column, in the order docs/import.md explains them. Those that hold several values take a
# JSON list, or in a CSV cell (or a JSON string) the values separated by semicolons.
COLUMNS = (
    "id", "kind", "title", "summary", "body", "conditions", "resource_type", "phase", "audiences",
    "licence", "tags", "attribution", "aim", "scope", "population", "contributors", "organisations",
    "files", "release", "release_notes",
)
LIST_COLUMNS = frozenset({"conditions", "audiences", "tags", "contributors", "organisations", "files"})
SEPARATOR = ";"
FORMATS = {".csv": "CSV", ".jsonl": "JSON Lines", ".ndjson": "JSON Lines"}


@dataclass(frozen=True)
class Problem:
    """Something that stops the import: ``line`` of the manifest (0 for the manifest as a whole)."""

    line: int
    message: str

    def __str__(self):
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass
class Row:
    line: int
    values: dict = field(default_factory=dict)

    def text(self, column):
        value = self.values.get(column)
        if isinstance(value, list):
            return SEPARATOR.join(value)
        return (value or "").strip()

    def items(self, column):
        """The values of a list column, without blanks."""
        value = self.values.get(column)
        if value is None:
            return []
        if isinstance(value, str):
            value = value.split(SEPARATOR)
        return [item.strip() for item in value if item.strip()]


def read_manifest(path):
    """(rows, problems) of the manifest at ``path``, by its extension."""
    path = Path(path)
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        known = ", ".join(sorted(FORMATS))
        return [], [Problem(0, f"{path.name}: a manifest is a CSV or JSON Lines file, named {known}.")]
    try:
        data = path.read_bytes()
    except OSError as error:
        return [], [Problem(0, f"{path}: cannot be read ({error.strerror or error}).")]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a byte order mark, as spreadsheet programs write UTF-8
    problems = _encoding_problems(data)
    if problems:
        return [], problems
    text = data.decode("utf-8")
    if kind == "CSV":
        return _read_csv(text)
    return _read_json_lines(text)


def _encoding_problems(data):
    """Every line that is not UTF-8: reading on past one would only guess at the rest."""
    problems = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as error:
            problems.append(Problem(
                number,
                f"not UTF-8 (byte {line[error.start]:#04x} at character {error.start + 1}). Save the manifest as "
                "UTF-8 (in a spreadsheet: “CSV UTF-8”) and run it again.",
            ))
    return problems


def _unknown_columns(names, line):
    unknown = [name for name in names if name not in COLUMNS]
    if not unknown:
        return []
    return [Problem(line, f"unknown column{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}. "
                          f"The columns are: {', '.join(COLUMNS)}.")]


def _read_csv(text):
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows, problems = [], []
    try:
        header = next(reader, None)
    except csv.Error as error:
        return [], [Problem(1, f"the header cannot be read as CSV ({error}).")]
    if not header:
        return [], [Problem(1, "the manifest is empty: its first line names the columns, e.g. id,kind,title,…")]
    header = [name.strip() for name in header]
    problems += _unknown_columns(header, 1)
    if "id" not in header:
        problems.append(Problem(1, "there is no “id” column: every row needs a stable id of its own."))
    seen = {}
    for name in header:
        if name in seen:
            problems.append(Problem(1, f"the column {name!r} is named twice."))
        seen[name] = True
    if problems:
        return [], problems
    start = 2
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(Problem(start, f"this row cannot be read as CSV ({error}). Check its quotes."))
            break
        line, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            problems.append(Problem(line, f"{len(cells)} cells where the header has {len(header)} columns."))
            continue
        rows.append(Row(line, dict(zip(header, cells, strict=True))))
    return rows, problems


def _read_json_lines(text):
    rows, problems = [], []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            values = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(Problem(number, f"not valid JSON ({error.msg} at character {error.colno})."))
            continue
        if not isinstance(values, dict):
            problems.append(Problem(number, "each line is one JSON object, {\"id\": …, \"title\": …}."))
            continue
        line_problems = _unknown_columns(list(values), number)
        for key, value in values.items():
            if key in COLUMNS and not _is_text_or_list(value, key in LIST_COLUMNS):
                kind = "a string or a list of strings" if key in LIST_COLUMNS else "a string"
                line_problems.append(Problem(number, f"“{key}” must be {kind}."))
        if line_problems:
            problems += line_problems
            continue
        rows.append(Row(number, {key: "" if value is None else value for key, value in values.items()}))
    return rows, problems


def _is_text_or_list(value, may_be_list):
    if value is None or isinstance(value, str):
        return True
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return False
    return may_be_list and isinstance(value, list) and all(isinstance(item, str) for item in value)
