"""Real files for demo releases (and tests): PDFs with extractable text, DOCX, XLSX, images.

The PDF writer is deliberately tiny: one Helvetica font, left-aligned lines, as many A4 pages as
the text needs. That is all a demo handout needs, and it keeps a PDF library out of the runtime.
"""

import io
import textwrap

from PIL import Image, ImageDraw

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN, LEADING, FONT_SIZE, LINES_PER_PAGE = 56, 16, 11, 44


def _pdf_escape(text):
    # Helvetica in a PDF uses WinAnsi; anything outside Latin-1 is replaced rather than mangled.
    text = text.encode("latin-1", "replace").decode("latin-1")
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(title, paragraphs):
    """A PDF whose text pypdf (and any reader) can extract: title, then wrapped paragraphs."""
    lines = [title, ""]
    for paragraph in paragraphs:
        lines.extend(textwrap.wrap(paragraph, 90) or [""])
        lines.append("")
    pages = [lines[i:i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)] or [[title]]

    objects = []  # object bodies, numbered from 1

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    page_tree = add(None)
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    page_ids = []
    for page_lines in pages:
        text_ops = [f"BT /F1 {FONT_SIZE} Tf {LEADING} TL {MARGIN} {PAGE_HEIGHT - MARGIN} Td"]
        text_ops += [f"({_pdf_escape(line)}) Tj T*" for line in page_lines]
        text_ops.append("ET")
        stream = "\n".join(text_ops).encode("latin-1")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        page_ids.append(
            add(
                f"<< /Type /Page /Parent {page_tree} 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
                f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>".encode()
            )
        )
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {page_tree} 0 R >>".encode()
    kids = " ".join(f"{page_id} 0 R" for page_id in page_ids)
    objects[page_tree - 1] = f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>".encode()

    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref))
    return out.getvalue()


def make_docx(title, paragraphs):
    import docx

    document = docx.Document()
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_xlsx(title, rows):
    """Rows are strings with cells separated by " | "; the first row is the header."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    for row in rows:
        sheet.append([cell.strip() for cell in row.split("|")])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def make_file(filename, title, lines):
    """The bytes of a file named ``filename`` holding ``lines``, by its extension."""
    extension = filename.rsplit(".", 1)[-1].lower()
    makers = {"pdf": make_pdf, "docx": make_docx, "xlsx": make_xlsx}
    if extension not in makers:
        raise ValueError(f"Demo files are PDF, DOCX or XLSX, not {filename}")
    return makers[extension](title, lines)


def make_cover_image(title, colour, size=(1200, 675)):
    """A calm cover: a colour field, a few soft bands and the title. PNG bytes."""
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    width, height = size
    for band in range(6):
        shade = tuple(min(255, channel + 18 * band) for channel in colour)
        draw.rectangle([0, height - (band + 1) * height // 12, width, height - band * height // 12], fill=shade)
    y = height // 5
    for line in textwrap.wrap(title, 28)[:4]:
        draw.text((width // 12, y), line, fill=(255, 255, 255), font_size=64)
        y += 80
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
