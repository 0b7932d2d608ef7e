"""Scoring the screening against a labelled set (``labels.json``, as ``build_set`` writes it).

    evaluate(directory, screen=screen_file) -> Report
    report.figures() -> dict             # what --json writes and --floor compares
    check_floor(figures, floor) -> [str]  # one message per figure worse than the floor

Definitions (docs/screening.md says the same for people):

* A finding **blocks** unless its ``severity`` attribute is "check" (findings have no severity
  yet: every finding blocks). Findings about the file itself (type, size, formula cells, ...) are
  not about identifiers: they are listed as problems of the set, never counted as catches.
* A seeded identifier is **caught** when a blocking finding is reported in the labelled part
  (``finding.location == label["part"]``) whose masked snippet lines up with the identifier where
  it stands: with white space removed from both, the snippet holds the identifier together with up
  to three characters of the labelled phrase either side of it (fewer only where the snippet starts
  or ends), each character either as written or masked as "*", with at least one character of the
  identifier masked and at least one character of the context as written. Masks keep length, so
  "MRN: ******71" shows "40392871" masked, "DOB **/**/2013" shows "14/06/2013", "Patient: J****
  R*****" shows "Jamie Rivers"; a finding that masks only part of the identifier still counts. The
  context stops a run of stars from another finding (a masked e-mail address nearby) from standing
  in for any identifier of the same length. A finding that quotes nothing (empty ``masked``) is
  matched by its part alone. Otherwise it is a **miss**.
* A clean file is a **false alarm** when any blocking finding is reported in it.
* Recall = caught / seeded; false-alarm rate = clean files with a false alarm / clean files; both
  overall, per format, and recall per kind and per phrasing.
"""

import json
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from . import CLEAN, LABELS
from .writers import FORMATS

# Findings about the file, not about identifiers (resources.files.checks, screening.licences).
CONTEXT = 3  # characters of the phrase either side of a value that a snippet must line up with
FILE_KINDS = frozenset({
    "file-type", "file-size", "image-pixels", "archive-size", "unreadable-file", "formula-cell", "timed-out",
    "licence-missing", "licence-incompatible",
})


def blocks(finding):
    return finding.kind not in FILE_KINDS and getattr(finding, "severity", "block") != "check"


def _squash(text):
    return re.sub(r"\s+", "", text)


def _fuzzy(text):
    """A pattern for ``text`` in which any character may appear masked as "*"."""
    return "".join(f"(?:{re.escape(char)}|\\*)" for char in text)


def matches(masked, value, phrase="", context=CONTEXT):
    """Whether a finding's masked snippet shows ``value`` masked where it stands in ``phrase``
    (see the module docstring). The context on each side may be cut short only where the snippet
    itself starts or ends."""
    if not masked:
        return True
    snippet = _squash(masked.replace("\u2026", ""))
    before, found, after = phrase.partition(value) if phrase else ("", "", "")
    left = _squash(before)[-context:] if found else ""
    right = _squash(after)[:context] if found else ""
    lefts = [_fuzzy(left)] + [f"^{_fuzzy(left[cut:])}" for cut in range(1, len(left) + 1)]
    rights = [_fuzzy(right)] + [f"{_fuzzy(right[:cut])}$" for cut in range(len(right))]
    pattern = f"(?=(?P<left>{'|'.join(lefts)})(?P<value>{_fuzzy(_squash(value))})(?P<right>{'|'.join(rights)}))"
    for match in re.finditer(pattern, snippet):
        shown_context = (match.group("left") + match.group("right")).strip("*")
        if "*" in match.group("value") and (shown_context or not (left or right)):
            return True
    return False


def mask_value(phrase, value):
    """The phrase with the value hidden, for printing a miss without spreading even a fake value."""
    hidden = re.sub(r"[^\W_]", "*", value)
    return phrase.replace(value, hidden) if phrase else hidden


@dataclass
class Report:
    seeded: list = field(default_factory=list)  # (label, caught: bool, findings in the file)
    clean: list = field(default_factory=list)  # (label, blocking findings)
    problems: list = field(default_factory=list)  # (file, finding) about the file itself
    checks: list = field(default_factory=list)  # (label, check item, "check" | "block" | "missed")

    def figures(self):
        recall = _rates((label["format"], caught) for label, caught, _ in self.seeded)
        alarms = _rates((label["format"], bool(blocking)) for label, blocking in self.clean)
        by_kind = _rates((label["kind"], caught) for label, caught, _ in self.seeded)
        by_phrasing = _rates((f"{label['kind']} / {label['phrasing']}", caught) for label, caught, _ in self.seeded)
        shown = defaultdict(int)
        for _, _, outcome in self.checks:
            shown[outcome] += 1
        return {
            "files": len(self.seeded) + len(self.clean),
            "recall": recall,
            "false_alarms": alarms,
            "recall_by_kind": by_kind,
            "recall_by_phrasing": by_phrasing,
            "organisation_contacts": dict(shown),
            "file_problems": len(self.problems),
        }


def _rates(pairs):
    """{"overall": {...}, group: {"n": files, "hits": count, "rate": hits / n}} from (group, hit)."""
    counts = defaultdict(lambda: [0, 0])
    for group, hit in pairs:
        for key in ("overall", group):
            counts[key][0] += 1
            counts[key][1] += bool(hit)
    order = ["overall", *FORMATS]
    keys = sorted(counts, key=lambda k: (order.index(k) if k in order else len(order), k))
    return {k: {"n": counts[k][0], "hits": counts[k][1], "rate": round(counts[k][1] / counts[k][0], 4)} for k in keys}


def load_labels(directory):
    path = Path(directory) / LABELS
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no labels (make a set with: manage.py make_screening_set {directory})")
    return json.loads(path.read_text())


def evaluate(directory, screen=None, progress=None):
    """Screens every file listed in ``directory``'s labels.json; ``screen(path, filename)`` defaults
    to the real pipeline, ``resources.screening.screen_file``."""
    if screen is None:
        from resources.screening import screen_file as screen
    report = Report()
    for label in load_labels(directory)["files"]:
        findings = screen(os.path.join(directory, label["file"]), label["file"])
        if progress:
            progress(label, findings)
        report.problems += [(label["file"], f) for f in findings if f.kind in FILE_KINDS]
        blocking = [f for f in findings if blocks(f)]
        for check in label.get("checks", []):
            report.checks.append((label, check, _check_outcome(findings, check)))
        if label["kind"] == CLEAN:
            report.clean.append((label, blocking))
        else:
            caught = any(f.location == label["part"] and matches(f.masked, label["value"], label.get("phrase", ""))
                         for f in blocking)
            report.seeded.append((label, caught, blocking))
    return report


def _check_outcome(findings, check):
    """How an organisation's contact detail was reported: "check" (shown, not blocking, as it
    should be), "block" (stops the contribution: the alarm counted for clean files) or "missed"."""
    found = [f for f in findings if f.kind not in FILE_KINDS and f.location == check["part"]
             and matches(f.masked, check["value"], check.get("phrase", ""))]
    if not found:
        return "missed"
    return "block" if any(blocks(f) for f in found) else "check"


def check_floor(figures, floor):
    """Messages for each figure worse than ``floor`` (recall below its floor, false alarms above
    their ceiling), overall and per format; an empty list when all hold."""
    failures = []
    for group, least in floor.get("recall", {}).items():
        measured = figures["recall"].get(group)
        if measured is None or measured["rate"] < least:
            got = "not measured" if measured is None else f"{measured['rate']:.1%}"
            failures.append(f"recall ({group}) {got} is below the floor {least:.1%}")
    for group, most in floor.get("false_alarms", {}).items():
        measured = figures["false_alarms"].get(group)
        if measured is None or measured["rate"] > most:
            got = "not measured" if measured is None else f"{measured['rate']:.1%}"
            failures.append(f"false alarms ({group}) {got} are above the ceiling {most:.1%}")
    if figures["file_problems"]:
        failures.append(f"{figures['file_problems']} findings about the files themselves: the set is broken")
    return failures


def table_lines(title, rates, what):
    lines = [f"{title:<44} {'files':>5} {what:>8} {'rate':>7}"]
    for group, row in rates.items():
        lines.append(f"  {group:<42} {row['n']:>5} {row['hits']:>8} {row['rate']:>7.1%}")
    return lines


def report_lines(report):
    """The report for people: the tables, then every miss and false alarm, masked."""
    figures = report.figures()
    lines = [f"Screened {figures['files']} files: {len(report.seeded)} seeded, {len(report.clean)} clean.", ""]
    lines += table_lines("Recall by format", figures["recall"], "caught") + [""]
    lines += table_lines("Recall by kind", figures["recall_by_kind"], "caught") + [""]
    lines += table_lines("Recall by kind / phrasing", figures["recall_by_phrasing"], "caught") + [""]
    lines += table_lines("False alarms by format (clean files)", figures["false_alarms"], "alarmed") + [""]
    contacts = figures["organisation_contacts"]
    lines.append(
        f"Organisation contact details in the files: {sum(contacts.values())}; shown as 'check' "
        f"{contacts.get('check', 0)}, blocking {contacts.get('block', 0)}, not reported {contacts.get('missed', 0)}."
    )
    misses = [(label, found) for label, caught, found in report.seeded if not caught]
    lines += ["", f"Misses ({len(misses)}):"]
    for label, found in misses:
        elsewhere = f"; {len(found)} other blocking finding(s) in the file" if found else ""
        lines.append(f"  {label['file']} [{label['part']}] {label['kind']} / {label['phrasing']}: "
                     f"{mask_value(label.get('phrase'), label['value'])}{elsewhere}")
    alarms = [(label, found) for label, found in report.clean if found]
    lines += ["", f"False alarms ({len(alarms)} clean files):"]
    for label, found in alarms:
        for finding in found:
            lines.append(f"  {label['file']} [{finding.location}] {finding.kind}: {finding.masked}")
    if report.problems:
        lines += ["", "Findings about the files themselves (the set is broken):"]
        lines += [f"  {name}: {finding.kind} {finding.message}" for name, finding in report.problems]
    return lines
