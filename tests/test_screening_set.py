"""The screening's development set (resources/screening/devset) and ``screen --evaluate``: the set
is deterministic, broad and honestly labelled; the scoring counts catches, misses and false
alarms as docs/screening.md defines them.

No database. The whole set is generated once (~3 s); only a sample of it (one file per kind and
format) is opened, each in the extraction process (~0.1 s a file).
"""

import io
import json
import re
from collections import Counter
from types import SimpleNamespace

import pytest
from django.core.management import call_command

from resources.demo.files import make_docx, make_pdf
from resources.files.extract import extract_text
from resources.screening.devset import CLEAN, build_set, plan
from resources.screening.devset.evaluate import blocks, check_floor, evaluate, matches
from resources.screening.devset.writers import FORMATS


def squash(text):
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def full_set(tmp_path_factory):
    directory = tmp_path_factory.mktemp("screening-set")
    return directory, build_set(directory)


@pytest.fixture(scope="module")
def sample(full_set):
    """The first file of each kind (and of clean files) in each format, with its parts."""
    directory, labels = full_set
    chosen = {}
    for label in labels["files"]:
        chosen.setdefault((label["kind"], label["format"]), label)
    return [(label, dict(extract_text(directory / label["file"]).parts)) for label in chosen.values()]


# -- the generator ---------------------------------------------------------------------------------


def test_the_same_seed_writes_the_same_set_and_a_count_is_its_beginning(tmp_path, full_set):
    first = build_set(tmp_path / "a", seed=7, count=12)
    again = build_set(tmp_path / "b", seed=7, count=12)
    other = build_set(tmp_path / "c", seed=8, count=12)

    assert first == again
    assert first["files"] != other["files"]
    for name in ("001", "006", "012"):
        (a,) = (tmp_path / "a").glob(f"{name}-*")
        (b,) = (tmp_path / "b").glob(f"{name}-*")
        assert extract_text(a).parts == extract_text(b).parts
    # --count gives the first files of the full set, not another set
    small = build_set(tmp_path / "d", count=12)
    assert small["files"] == full_set[1]["files"][:12]


def test_the_set_is_broad(full_set):
    directory, labels = full_set
    files = labels["files"]
    seeded = [f for f in files if f["kind"] != CLEAN]

    assert len(files) >= 150 and len([f for f in files if f["kind"] == CLEAN]) >= 45
    assert {f["format"] for f in files} == set(FORMATS)
    assert sorted(p.name for p in directory.iterdir() if p.name != "labels.json") == sorted(f["file"] for f in files)
    kinds = {f["kind"] for f in seeded}
    assert len(kinds) >= 10
    for kind in kinds:  # every kind in every format
        assert {f["format"] for f in seeded if f["kind"] == kind} == set(FORMATS), kind
    assert len({(f["kind"], f["phrasing"]) for f in seeded}) >= 35
    # no sentence is what the set measures: phrases do not repeat
    phrases = Counter(f["phrase"] for f in seeded)
    assert phrases.most_common(1)[0][1] == 1
    assert all(f["severity"] == "block" for f in seeded)
    checks = [c for f in files for c in f["checks"]]
    assert {c["kind"] for c in checks} == {"phone-number", "email-address"}
    assert all(c["severity"] == "check" for c in checks)


def test_the_first_files_cover_every_kind():
    kinds = {kind for kind, _, _ in plan(14)}
    assert len(kinds) == 12  # 11 kinds and clean files


def test_labels_point_at_text_really_in_that_part(sample):
    assert {label["format"] for label, _ in sample} == set(FORMATS)
    for label, parts in sample:
        items = [(label["value"], label["part"])] if label["kind"] != CLEAN else []
        items += [(check["value"], check["part"]) for check in label["checks"]]
        for value, part in items:
            assert part in parts, (label["file"], part, list(parts))
            # a PDF wraps lines, so compare without white space
            assert squash(value) in squash(parts[part]), (label["file"], part, value)
        if label["kind"] != CLEAN:
            assert squash(label["phrase"]) in squash(" ".join(parts.values())), label["file"]


def test_clean_files_hold_no_seeded_value(full_set, sample):
    _, labels = full_set
    values = {squash(f["value"]) for f in labels["files"] if f["kind"] != CLEAN and len(squash(f["value"])) >= 6}
    for label, parts in sample:
        if label["kind"] == CLEAN:
            assert "value" not in label and "part" not in label
            text = squash(" ".join(parts.values()))
            assert not [value for value in values if value in text], label["file"]


def test_make_screening_set_command(tmp_path):
    out = io.StringIO()
    call_command("make_screening_set", str(tmp_path), count=6, seed=3, stdout=out)
    labels = json.loads((tmp_path / "labels.json").read_text())
    assert len(labels["files"]) == 6 and labels["seed"] == 3
    assert "Wrote 6 files" in out.getvalue()


# -- scoring ---------------------------------------------------------------------------------------


def test_a_masked_snippet_matches_the_value_where_it_stands():
    phrase = "Follow up MRN 40392871 before the huddle."
    assert matches("Follow up MRN ******71 before…", "40392871", phrase)
    assert matches("MRN ********", "40392871", phrase)  # wholly masked, with its context
    assert not matches("Follow up MRN 40392871 before", "40392871", phrase)  # shown, not masked
    assert not matches("…to i**********@****************.org to", "Ayesha Adeyemi", "Her aunt, Ayesha Adeyemi, works")
    assert matches("We called J**** R*****'s mother", "Jamie Rivers", "We called Jamie Rivers's mother.")
    assert matches("Mr. O*****", "Okafor", "Mr. Okafor (age 14) attended.")  # part of the value masked: counts
    assert matches("DOB: **/**/2013", "14/06/2013", "DOB: 14/06/2013")
    assert matches("", "40392871", phrase)  # a finding that quotes nothing: its part is enough


def test_severity_check_and_file_findings_do_not_block():
    assert blocks(SimpleNamespace(kind="phone-number"))  # findings have no severity yet: they block
    assert not blocks(SimpleNamespace(kind="phone-number", severity="check"))
    assert blocks(SimpleNamespace(kind="phone-number", severity="block"))
    assert not blocks(SimpleNamespace(kind="formula-cell"))


@pytest.fixture
def tiny_set(tmp_path):
    """Four hand-made files whose outcome does not depend on how good the recognizers are."""
    catch = "MRN: 40392871 - results not yet filed."
    (tmp_path / "caught.docx").write_bytes(make_docx("Huddle", ["Clinic list: 14 booked.", catch]))
    (tmp_path / "wrong-part.docx").write_bytes(make_docx("Huddle", ["Clinic list: 14 booked.", catch]))
    (tmp_path / "alarm.pdf").write_bytes(make_pdf("Protocol", ["Version 2.1.", catch]))
    (tmp_path / "quiet.pdf").write_bytes(make_pdf("Protocol", ["Version 2.1, review 12/03/2025; HbA1c 58 mmol/mol."]))
    seeded = {"kind": "medical-record-number", "phrasing": "mrn", "value": "40392871", "severity": "block",
              "phrase": catch, "checks": []}
    files = [
        {"file": "caught.docx", "format": "docx", **seeded, "part": "paragraph 3"},
        {"file": "wrong-part.docx", "format": "docx", **seeded, "part": "paragraph 2"},  # it is in paragraph 3
        {"file": "alarm.pdf", "format": "pdf", "kind": CLEAN, "checks": []},
        {"file": "quiet.pdf", "format": "pdf", "kind": CLEAN, "checks": []},
    ]
    (tmp_path / "labels.json").write_text(json.dumps({"seed": 0, "files": files}))
    return tmp_path


def test_evaluate_counts_catches_misses_and_false_alarms(tiny_set):
    figures = evaluate(tiny_set).figures()

    assert figures["recall"]["overall"] == {"n": 2, "hits": 1, "rate": 0.5}
    assert figures["recall"]["docx"] == {"n": 2, "hits": 1, "rate": 0.5}
    assert figures["recall_by_kind"]["medical-record-number"]["hits"] == 1
    assert figures["false_alarms"]["overall"] == {"n": 2, "hits": 1, "rate": 0.5}
    assert figures["false_alarms"]["pdf"]["hits"] == 1
    assert figures["file_problems"] == 0


def test_floor_holds_or_fails(tiny_set):
    figures = evaluate(tiny_set).figures()
    assert check_floor(figures, {"recall": {"overall": 0.5, "docx": 0.5}, "false_alarms": {"pdf": 0.5}}) == []
    failures = check_floor(figures, {"recall": {"docx": 0.6, "pptx": 0.1}, "false_alarms": {"overall": 0.4}})
    assert failures == [
        "recall (docx) 50.0% is below the floor 60.0%",
        "recall (pptx) not measured is below the floor 10.0%",
        "false alarms (overall) 50.0% are above the ceiling 40.0%",
    ]


def test_screen_evaluate_command_prints_writes_and_checks_the_floor(tiny_set, tmp_path_factory):
    out, err = io.StringIO(), io.StringIO()
    scratch = tmp_path_factory.mktemp("eval")
    floor = scratch / "floor.json"
    floor.write_text(json.dumps({"recall": {"overall": 0.9}, "false_alarms": {"overall": 0.0}}))

    with pytest.raises(SystemExit) as exit:
        call_command("screen", evaluate=str(tiny_set), json=str(scratch / "figures.json"), floor=str(floor),
                     stdout=out, stderr=err)

    assert exit.value.code == 1
    printed = out.getvalue()
    assert "Misses (1):" in printed and "wrong-part.docx [paragraph 2]" in printed
    assert "False alarms (1 clean files):" in printed and "alarm.pdf [page 1]" in printed
    assert "40392871" not in printed  # misses and alarms are shown masked
    assert json.loads((scratch / "figures.json").read_text())["recall"]["overall"]["hits"] == 1
    assert "recall (overall) 50.0% is below the floor 90.0%" in err.getvalue()

    floor.write_text(json.dumps({"recall": {"overall": 0.5}, "false_alarms": {"overall": 0.5}}))
    call_command("screen", evaluate=str(tiny_set), floor=str(floor), stdout=io.StringIO(), stderr=err)
    assert "no worse than" in err.getvalue()
