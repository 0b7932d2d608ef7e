"""Tables in a file's text (``phi.py``): rows under a PHI header read as "Header: cell".

A spreadsheet sheet, a CSV file or a Word table arrives as rows "a | b | c" whose first row is the
header (``resources.files.extract``). ``label_rows`` rewrites each later row with as many cells as
the header so that a cell under a PHI-cue header reads "Header: cell": a "DOB" column's dates or an
"MRN" column's numbers are found although no row repeats the cue. A plain "Name" or "Age" column
counts only when the table is about patients (another column is a PHI cue such as DOB, MRN or
"Patient", or columns of a person's clinical data such as Diagnosis, HbA1c or Last visit, with no
column saying the people are staff), so a team list of names and roles, or a count of patients by
age, is not a finding.
"""

import re

_TABLE_ROW = re.compile(r"^(?P<table>sheet .+|table \d+|section \d+ table \d+) row (?P<row>\d+)$|^row (?P<csvrow>\d+)$")
CELL_SEPARATOR = " | "
# A header cell that names a PHI column; a plain "Name" column needs one of the others beside it.
_PHI_HEADER = re.compile(
    r"\b(?:mrn|medical record|hosp(?:ital|\.)? ?(?:number|no|id)|patient (?:id|number|no)|nhs(?: number| no)?"
    r"|chi(?: number| no)?|unit number|ur ?n(?:umber)?|dob|d\.o\.b|date of birth|birth ?date|born|ssn|social security"
    r"|address|postcode|post code|eircode|zip|patient|child|baby|infant|parent|guardian|carer|mother|father"
    r"|next of kin|phone|telephone|mobile|e-?mail|serial(?: number| no)?|s/n|device id|member id|subscriber id"
    r"|medicaid|medicare|mbi|policy (?:number|no)|insurance (?:number|no|id))\b",
    re.I,
)
# Columns labelled only beside a PHI column: a name, or an age (an age over 89 identifies a patient).
_NAME_HEADER = re.compile(r"^(?:(?:full |first |given |last |family |sur)?name|age(?: \(?years\)?)?)$", re.I)


def _table_key(location):
    match = _TABLE_ROW.match(location)
    if not match:
        return None
    return match.group("table") if match.group("table") else "csv"


def label_rows(parts):
    """The text to analyse for each part: table rows under a PHI-cue header are rewritten
    "Header: cell | ..." (see the module docstring); everything else is unchanged. A table's header
    is its first row of two or more cells (a title row above it is skipped)."""
    texts, table, header = [], None, None
    for location, text in parts:
        key = _table_key(location)
        cells = text.split(CELL_SEPARATOR)
        if key != table:
            table, header = key, None
        if key is None or len(cells) < 2:
            texts.append(text)
            continue
        if header is None:
            header = _header(cells)
            texts.append(text)
            continue
        if header and len(cells) == len(header):
            texts.append(CELL_SEPARATOR.join(f"{h}: {c}" if h else c for h, c in zip(header, cells, strict=True)))
        else:
            texts.append(text)
    return texts


# Columns of a person's clinical data: beside a "Name" column they make the table a list of
# patients (a population-management report: Name | Age | Last visit | HbA1c), unless a column says
# the people are staff (Role, Job title, Bleep...).
_CLINICAL_HEADER = re.compile(
    r"\b(?:diagnos[ie]s|condition|hba1c|calprotectin|crp|bmi|weight|height|centile|medications?|medicines?"
    r"|treatment|therapy|insulin|pump|inhaler|allerg(?:y|ies)|admissions?|admitted|discharged?|last (?:clinic |)"
    r"(?:visit|appointment|review|seen)|next (?:appointment|review)|dna|did not attend|pucai|pcdai|a&e|symptoms?)\b",
    re.I,
)
_STAFF_HEADER = re.compile(r"\b(?:role|job|title|position|grade|bleep|extension|staff|team member|designation)\b", re.I)


def _header(cells):
    """For each header cell, the label to put before its column's values (None: leave the column
    alone); an empty list when no column is a PHI cue (nor a name column among clinical ones)."""
    phi = [bool(_PHI_HEADER.search(cell)) for cell in cells]
    patients = (
        any(_NAME_HEADER.match(cell.strip()) for cell in cells)
        and any(_CLINICAL_HEADER.search(cell) for cell in cells)
        and not any(_STAFF_HEADER.search(cell) for cell in cells)
    )
    if not any(phi) and not patients:
        return []
    return [
        cell.strip() if (is_phi or _NAME_HEADER.match(cell.strip())) else None
        for cell, is_phi in zip(cells, phi, strict=True)
    ]
