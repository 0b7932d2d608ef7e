"""Spreadsheet cells that a spreadsheet program would read as a formula.

A CSV cell, or an XLSX cell stored as text, that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab
or carriage return, which some programs skip before looking) is evaluated as a formula when the
file is opened in Excel, LibreOffice or Google Sheets: the way a shared spreadsheet runs commands
or sends its data elsewhere (CSV or formula injection). Plain numbers such as ``-3`` or ``+4.5%``
and cells made only of dashes (a common "no value" mark) are not formulas.

The extractor notes such cells while it reads a file (``ExtractedText.formula_cells``); screening
turns them into findings. Nothing here imports Django, so the parsing process can use it.
"""

import re

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
MAX_FORMULA_CELLS = 100  # noted per file; the count goes on

_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")


def formula_lead(value):
    """The character that would make a spreadsheet run ``value`` as a formula, or None."""
    if not isinstance(value, str) or not value or value[0] not in FORMULA_LEADS:
        return None
    stripped = value.strip()
    if not stripped.strip("-") or _PLAIN_NUMBER.fullmatch(stripped):
        return None
    return value[0]


def column_letter(number):
    """1 -> "A", 26 -> "Z", 27 -> "AA": the column names spreadsheets show."""
    letters = ""
    while number > 0:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters
