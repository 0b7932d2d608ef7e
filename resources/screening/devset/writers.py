"""One ``Doc`` as a real PDF, DOCX, XLSX, PPTX or CSV file, and where each of its blocks lands.

    write(doc, fmt) -> (bytes, locations)   # locations: {(block, row): part}

A part is named exactly as ``resources.files.extract`` names it ("page 2", "paragraph 7", "table 1
row 3", "sheet Run chart row 14", "slide 4", "slide 4 notes", "row 12"), so a label can be compared
with a finding's ``location``. ``row`` is None for a paragraph, else the table's data row index.
"""

import csv
import io
import textwrap

from resources.demo.files import LINES_PER_PAGE, make_pdf

from .documents import Table

FORMATS = ("pdf", "docx", "xlsx", "pptx", "csv")
PDF_WRAP = 90  # make_pdf wraps paragraphs at 90 characters


def _cells(row):
    return " | ".join(cell for cell in row if cell.strip())


def _items(doc):
    """(key, text) for every paragraph and table row, in order; a table header has row -1."""
    for index, block in enumerate(doc.blocks):
        if isinstance(block, Table):
            yield (index, -1), _cells(block.header)
            for row_index, row in enumerate(block.rows):
                yield (index, row_index), _cells(row)
        else:
            yield (index, None), block


def write_pdf(doc):
    """make_pdf's layout, followed line by line, so each paragraph's page is known; a paragraph
    that would straddle two pages starts the next one instead, so a value is never split."""
    paragraphs, locations = [], {}
    used = 2  # the title and the blank line after it
    for key, text in _items(doc):
        height = len(textwrap.wrap(text, PDF_WRAP) or [""])
        if used // LINES_PER_PAGE != (used + height - 1) // LINES_PER_PAGE:
            while used % LINES_PER_PAGE:  # pad with empty paragraphs (two lines each) to the next page
                paragraphs.append("")
                used += 2
        locations[key] = f"page {used // LINES_PER_PAGE + 1}"
        paragraphs.append(text)
        used += height + 1
    return make_pdf(doc.title, paragraphs), locations


def write_docx(doc):
    import docx

    document = docx.Document()
    document.add_heading(doc.title, level=1)
    locations, paragraphs, tables = {}, 1, 0
    for index, block in enumerate(doc.blocks):
        if isinstance(block, Table):
            tables += 1
            table = document.add_table(rows=0, cols=len(block.header))
            table.style = "Table Grid"
            for row_index, row in enumerate([block.header, *block.rows], start=-1):
                for cell, text in zip(table.add_row().cells, row, strict=True):
                    cell.text = text
                locations[(index, row_index)] = f"table {tables} row {row_index + 2}"
        else:
            paragraphs += 1
            document.add_paragraph(block)
            locations[(index, None)] = f"paragraph {paragraphs}"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), locations


def _sheet_title(name, taken):
    title = name[:31]
    number = 2
    while title in taken:
        title = f"{name[:28]} {number}"
        number += 1
    taken.add(title)
    return title


def write_xlsx(doc):
    """A "Summary" sheet (the title, then one paragraph a row in column A) and one sheet a table."""
    from openpyxl import Workbook

    workbook = Workbook()
    summary = workbook.active
    summary.title = "Summary"
    summary.append([doc.title])
    taken, locations = {"Summary"}, {}
    for index, block in enumerate(doc.blocks):
        if isinstance(block, Table):
            sheet = workbook.create_sheet(_sheet_title(block.name, taken))
            for row_index, row in enumerate([block.header, *block.rows], start=-1):
                sheet.append([_number_or_text(cell) for cell in row])
                locations[(index, row_index)] = f"sheet {sheet.title} row {sheet.max_row}"
        else:
            summary.append([block])
            locations[(index, None)] = f"sheet Summary row {summary.max_row}"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue(), locations


def _number_or_text(cell):
    # Counts are stored as numbers, as a spreadsheet would hold them; everything else as text.
    return int(cell) if cell.isdigit() and len(cell) < 10 else (cell or None)


def write_pptx(doc):
    """A title slide, then slides of up to three paragraphs (every fourth paragraph goes to the
    speaker notes of the slide before it) and one slide a table."""
    from pptx import Presentation
    from pptx.util import Inches, Pt

    presentation = Presentation()
    first = presentation.slides.add_slide(presentation.slide_layouts[0])
    first.shapes.title.text = doc.title
    first.placeholders[1].text = "Improvement team"
    locations = {}
    slide, lines, count = None, [], 0

    def flush():
        if slide is not None and lines:
            box = slide.shapes.add_textbox(Inches(0.5), Inches(1.5), Inches(9), Inches(5)).text_frame
            box.word_wrap = True
            box.text = "\n".join(lines)
            for paragraph in box.paragraphs:
                paragraph.font.size = Pt(16)

    for index, block in enumerate(doc.blocks):
        if isinstance(block, Table):
            flush()
            slide, lines = presentation.slides.add_slide(presentation.slide_layouts[5]), []
            slide.shapes.title.text = block.name
            rows = [block.header, *block.rows][:16]  # a slide holds a short table; the rest is not shown
            shape = slide.shapes.add_table(
                len(rows), len(block.header), Inches(0.3), Inches(1.3), Inches(9.4), Inches(5)
            )
            for row_index, row in enumerate(rows):
                for column, text in enumerate(row):
                    shape.table.cell(row_index, column).text = text
                locations[(index, row_index - 1)] = f"slide {len(presentation.slides)}"
            continue
        count += 1
        if slide is not None and count % 4 == 0:
            notes = slide.notes_slide.notes_text_frame
            notes.text = f"{notes.text}\n{block}" if notes.text else block
            locations[(index, None)] = f"slide {len(presentation.slides)} notes"
            continue
        if slide is None or len(lines) >= 3:
            flush()
            slide, lines = presentation.slides.add_slide(presentation.slide_layouts[6]), []
        lines.append(block)
        locations[(index, None)] = f"slide {len(presentation.slides)}"
    flush()
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue(), locations


def write_csv(doc):
    """The document's first table (or an Item/Text table), with its paragraphs as rows whose last
    cell holds the text, as teams paste notes into an export."""
    tables = [(i, b) for i, b in enumerate(doc.blocks) if isinstance(b, Table)]
    header = tables[0][1].header if tables else ["Item", "Text"]
    rows, locations = [header], {}
    if tables:
        locations[(tables[0][0], -1)] = "row 1"
    for index, block in enumerate(doc.blocks):
        if isinstance(block, Table):
            if block is not tables[0][1]:
                continue  # a CSV file holds one table
            for row_index, row in enumerate(block.rows):
                rows.append(row)
                locations[(index, row_index)] = f"row {len(rows)}"
        else:
            rows.append([str(len(rows))] + [""] * (len(header) - 2) + [block] if not tables else
                        [""] * (len(header) - 1) + [block])
            locations[(index, None)] = f"row {len(rows)}"
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode(), locations


WRITERS = {"pdf": write_pdf, "docx": write_docx, "xlsx": write_xlsx, "pptx": write_pptx, "csv": write_csv}


def write(doc, fmt):
    return WRITERS[fmt](doc)
