"""Builds this folder's worked example from the demo's data files (resources/demo/content/):

    python docs/examples/import/build.py

Three demo resources, as a network might hold them on a shared drive: their fields in
``manifest.csv`` and ``manifest.jsonl`` (the same rows, one in each format), their latest release's
files under ``files/``, made by the demo's own file writers. The ids are the paths the shared drive
knew them by. docs/import.md walks through it; tests/test_import_resources.py imports it.
"""

import csv
import html
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from resources.demo.files import make_file  # noqa: E402
from resources.demo.reader import CONTENT, read_resource  # noqa: E402

CHOSEN = [
    ("shared-drive/ibd/flare-action-plan", "tools/ibd-flare-action-plan.md", "tool"),
    ("shared-drive/ibd/steroid-free-remission", "change-packages/ibd-steroid-free-remission-change-package.md",
     "change package"),
    ("shared-drive/ibd/anaemia-protocol", "protocols/ibd-anaemia-screening-and-iron-replacement-protocol.md",
     "protocol"),
]
COLUMNS = [
    "id", "kind", "title", "summary", "body", "conditions", "resource_type", "phase", "audiences", "licence",
    "tags", "attribution", "aim", "scope", "population", "contributors", "organisations", "files", "release",
    "release_notes",
]


def plain(value):
    return html.unescape(re.sub(r"<[^>]+>", " ", value)).split()


def body_text(blocks):
    parts = []
    for block_type, value in blocks:
        if block_type == "heading":
            parts.append(f"## {value}")
        elif block_type == "paragraph":
            parts.append(" ".join(plain(value)))
    return "\n\n".join(parts)


def row(external_id, record, kind):
    release = record["releases"][-1]
    files = []
    for item in release["files"]:
        (HERE / "files").mkdir(exist_ok=True)
        (HERE / "files" / item["filename"]).write_bytes(
            make_file(item["filename"], item.get("title", record["title"]), item.get("text", []))
        )
        files.append(f"files/{item['filename']}")
    contributors = [f"{name}:{role}" for name, role in record["contributors"]]
    return {
        "id": external_id, "kind": kind, "title": record["title"], "summary": " ".join(record["summary"].split()),
        "body": body_text(record["body"]), "conditions": record["conditions"],
        "resource_type": record.get("resource_type", ""), "phase": record.get("phase", ""),
        "audiences": record.get("audiences", []), "licence": record["licence"], "tags": record.get("tags", []),
        "attribution": " ".join((record.get("attribution") or "").split()), "aim": record.get("aim", ""),
        "scope": record.get("scope", ""), "population": record.get("population", ""), "contributors": contributors,
        "organisations": record.get("organisations", []), "files": files, "release": str(release["label"]),
        "release_notes": " ".join(release["notes"].split()),
    }


def main():
    rows = [row(external_id, read_resource(CONTENT / path), kind) for external_id, path, kind in CHOSEN]
    with (HERE / "manifest.jsonl").open("w", encoding="utf-8") as out:
        for values in rows:
            out.write(json.dumps({key: value for key, value in values.items() if value}, ensure_ascii=False) + "\n")
    with (HERE / "manifest.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, COLUMNS)
        writer.writeheader()
        for values in rows:
            writer.writerow({key: ";".join(v) if isinstance(v, list) else v for key, v in values.items()})


if __name__ == "__main__":
    main()
