"""What someone meant, from what they typed and the words the index holds.

``understand(text)`` parses the text (search/text.py: phrases, synonyms, codes, common words) and
then, for each word, looks at the index's vocabulary (search/vocabulary.py):

- other spellings of it that the index holds become alternatives ("behavior" finds "behaviour",
  "hemoglobin" "haemoglobin"): words with the same ``term_key``;
- two typed words the index holds joined become an alternative ("follow up" finds "followup");
- a word the index does not hold is split into two it does ("previsit" finds "pre visit"), or else
  corrected to the most common indexed word within a small edit distance, with the same first
  letter, so that short words stay exact ("checklsit" finds "checklist"). The corrected query is
  offered as ``suggestion`` ("Did you mean …"), and used: the original word matched nothing.

Every engine receives the same groups, so they agree on what a query means.
"""

import re
from dataclasses import dataclass

from . import vocabulary
from .text import MAX_TERMS, Common, TermGroup, fold, load_synonyms, parse, spelling_key, term_key

MAX_VARIANTS = 4  # other spellings added per word, the most common first


@dataclass(frozen=True)
class Query:
    text: str
    groups: tuple = ()  # TermGroup: each should match, any of its alternatives
    only_common: bool = False  # every word typed was too common to search for
    suggestion: str = ""  # the text with its unknown words corrected ("" when none was)


def understand(text):
    parsed = parse(text, load_synonyms())
    if not parsed.groups:
        return Query(text=text or "", only_common=parsed.only_common)
    single = {group.words[0] for group in parsed.groups if len(group.words) == 1}
    holds = vocabulary.known(single)
    groups, corrections = [], {}
    for group in _joined(parsed.sequence):
        if len(group.words) != 1:
            groups.append(group)
            continue
        word, more = group.words[0], []
        forms = holds.get(term_key(word))
        if forms:
            # Other spellings only: other endings ("families") the engines' stemmers match anyway.
            spelling = spelling_key(word)
            more += [(term,) for term, _entries in forms if term != word and spelling_key(term) == spelling][
                :MAX_VARIANTS
            ]
        if _is_code(word):
            more += _code_forms(word)
        # A word the index does not hold, with no synonym to find it by: two words it holds, or a typo.
        if not forms and not more and len(group.alternatives) == 1:
            split = _split(word)
            correction = None if split else _correction(word)
            if correction:
                corrections[word] = correction
            more += [split] if split else [(correction,)] if correction else []
        groups.append(_with(group, more))
    return Query(
        text=text,
        groups=tuple(groups[:MAX_TERMS]),
        suggestion=_corrected(text, corrections) if corrections else "",
    )


def _with(group, alternatives):
    new = [alternative for alternative in alternatives if alternative not in group.alternatives]
    return TermGroup((*group.alternatives, *new))


def _joined(sequence):
    """Two single words in a row that the index holds as one ("follow up" -> "followup", even with a
    common word among them) become one group: the phrase, or the joined word. Common words left
    alone are then dropped."""

    def single(group):
        # Not a letter left over from an apostrophe ("Crohn's" is "crohn", "s").
        return len(group.alternatives) == 1 and len(group.words) == 1 and len(group.words[0]) > 1

    pairs = {
        first.words[0] + second.words[0]
        for first, second in zip(sequence, sequence[1:], strict=False)
        if single(first) and single(second)
    }
    joined = vocabulary.entries_of(pairs) if pairs else {}
    result, index = [], 0
    while index < len(sequence):
        group = sequence[index]
        following = sequence[index + 1] if index + 1 < len(sequence) else None
        if following is not None and single(group) and single(following):
            phrase = (group.words[0], following.words[0])
            if "".join(phrase) in joined:
                result.append(TermGroup((phrase, ("".join(phrase),))))
                index += 2
                continue
        if not isinstance(group, Common):
            result.append(group)
        index += 1
    return result


def _is_code(word):
    return any(char.isdigit() for char in word) and any(char.isalpha() for char in word) and len(word) >= 3


def _code_forms(code):
    """How the index may hold a code typed joined ("phq9", "a1c"): its letters and digits apart, as
    text writes "PHQ-9" (a phrase), or inside a longer code ("hba1c")."""
    parts = tuple(re.findall(r"[^\W\d_]+|\d+", code))
    letters = [part for part in parts if part.isalpha()]
    apart = len(parts) == 2 and len(letters[0]) >= 2 and letters[0] in vocabulary.entries_of(letters)
    return ([parts] if apart else []) + [(term,) for term in vocabulary.ending_with(code)]


def _split(word):
    """The two indexed words ``word`` is made of ("previsit" -> ("pre", "visit")), the split whose
    rarer half is most common; None if there is none."""
    if len(word) < 5 or not word.isalpha():
        return None
    halves = [(word[:cut], word[cut:]) for cut in range(2, len(word) - 1)]
    entries = vocabulary.entries_of({half for pair in halves for half in pair})
    scored = [(min(entries[first], entries[second]), (first, second)) for first, second in halves
              if first in entries and second in entries]
    return max(scored)[1] if scored else None


def allowed_distance(word):
    """How many edits a typo may have, by length (as OpenSearch's AUTO fuzziness): none up to 3
    letters, one up to 5, two beyond."""
    return 0 if len(word) <= 3 else 1 if len(word) <= 5 else 2


def _correction(word):
    distance = allowed_distance(word)
    if not distance or not word.isalpha():
        return None
    best = None
    for term, entries in vocabulary.near(word, distance):
        edits = edit_distance(word, term, distance)
        if edits <= distance and (best is None or (edits, -entries, term) < best):
            best = (edits, -entries, term)
    return best[2] if best else None


def edit_distance(first, second, limit):
    """Optimal string alignment distance (a swap of two neighbouring letters is one edit); any
    value above ``limit`` is reported as ``limit + 1``."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    previous_row, row = None, list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        earlier, previous_row, row = previous_row, row, [i] + [0] * len(second)
        for j, b in enumerate(second, 1):
            row[j] = min(previous_row[j] + 1, row[j - 1] + 1, previous_row[j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                row[j] = min(row[j], earlier[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
    return min(row[-1], limit + 1)


def _corrected(text, corrections):
    def replace(match):
        return corrections.get(fold(match.group(0)), match.group(0))

    pattern = re.compile(r"[^\W_]+", re.UNICODE)
    return pattern.sub(replace, text)
