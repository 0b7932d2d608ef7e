"""Turning what someone typed into what every engine matches, the same way for each of them.

``parse(text, synonyms)`` gives the query's groups: each group is one thing a result should
match, as alternatives (tuples of words; a phrase when longer than one word). Everything a query
language could interpret is removed here, so no engine ever sees operators from user input.

What people type and what the text says often differ in form only. Here, without the index:

- quoted text is a phrase; other words are single terms;
- a synonym (editor-managed, ``Synonym``) of one word or several, typed with or without quotes,
  is an alternative of the group, in both directions ("pdsa" finds "plan do study act" and back);
- hyphenated words, codes ("GAD-7", "ICD-10") and compounds ("follow-up"), match as the phrase
  or joined ("gad7", "followup"), on every engine, whatever each tokeniser does with the hyphen;
- words too common to say anything (``STOP_WORDS``) and short bare numbers ("1" of "version 1.0")
  are left out, unless nothing else is left: then there is nothing to search for (``Parsed.only_common``).

search/understanding.py then uses the index's own words (spelling variants, joined and split
compounds, typos). ``term_key`` is what makes two spellings one: UK and US forms, accents and
simple inflections share a key.
"""

import re
import unicodedata
from dataclasses import dataclass

MAX_QUERY_CHARS = 200
MAX_TERMS = 12
WORD = re.compile(r"[^\W_]+", re.UNICODE)  # letters and digits: how the engines' tokenisers split words
# Words joined by hyphens: codes ("GAD-7", "ICD-10") and compounds ("follow-up", "pre-visit").
HYPHENATED = re.compile(r"[^\W_]+(?:-[^\W_]+)+", re.UNICODE)

# Words that say nothing about what someone is looking for (questions are full of them): PostgreSQL's
# English stop words, which it never indexes (so no engine may need them), and a few more.
STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing don down during each few for from further get gets got had
    has have having he her here hers herself him himself his how i if in into is it its itself just me more most
    my myself no nor not now of off on once only or other our ours ourselves out over own please really s same
    she should so some such t than that the their theirs them themselves then there these they this those
    through to too under until up us very was we were what when where which while who whom why will with would
    you your yours yourself yourselves""".split()
)


@dataclass(frozen=True)
class TermGroup:
    """One thing the results should match: any of ``alternatives``, each a tuple of words (a phrase
    when longer than one word)."""

    alternatives: tuple

    @property
    def words(self):
        """The words as typed (the first alternative)."""
        return self.alternatives[0]


@dataclass(frozen=True)
class Common(TermGroup):
    """A word too common to search for on its own."""


@dataclass(frozen=True)
class Parsed:
    groups: tuple
    only_common: bool = False  # words were typed, and every one was too common to search for
    # Every group in the order typed, common words included as ``COMMON`` groups: understanding
    # may join one with its neighbour ("follow up" -> "followup") before they are left out.
    sequence: tuple = ()


def fold(text):
    """Lower case without accents: "Café" -> "cafe" (the engines fold accents the same way)."""
    text = text.lower()
    if text.isascii():
        return text
    return "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))


def words(text):
    """The words of ``text``, folded (the whole text at once: indexing reads long files)."""
    return WORD.findall(fold(text or ""))


# term_key ---------------------------------------------------------------------------------------

# UK -> US forms, applied in order to a folded word. Only a key: a rule may also fold two words that
# are not variants of each other, which costs nothing unless both are in the index.
_SPELLING_RULES = [
    (re.compile(r"ae"), "e"),  # paediatric, haemoglobin, anaemia, orthopaedic
    (re.compile(r"oe(?=[a-z])"), "e"),  # oedema, foetal, oesophagus (not "toe", "shoe")
    (re.compile(r"(?<=[a-z]{3})our(s|ed|ing|ite|ites|able|ably|ful)?$"), r"or\1"),  # behaviour, colour, tumour
    (re.compile(r"(?<=[a-z]{2})is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),  # organise, standardisation
    (re.compile(r"(?<=[a-z])ys(e|es|ed|ing)$"), r"yz\1"),  # analyse, paralysed
    (re.compile(r"(?<=[a-z]{2})tre(s?)$"), r"ter\1"),  # centre, litre, metres
    (re.compile(r"(?<=[a-z]{3})ogue(s?)$"), r"og\1"),  # catalogue, dialogue
    (re.compile(r"(?<=[aeiou])ll(ed|ing|er|ers)$"), r"l\1"),  # modelling, labelled, counsellor
    (re.compile(r"(?<=[a-z]{3})mme(s?)$"), r"m\1"),  # programme
    (re.compile(r"(?<=[a-z]{2})ence$"), "ense"),  # defence, licence (as a noun), offence
]
# Endings people add to the same word; the engines' stemmers match these anyway, and the key only
# needs to say "the index knows this word".
_INFLECTIONS = [
    (re.compile(r"(?<=[a-z]{3})ies$"), "y"),
    (re.compile(r"(?<=[a-z]{3})(ing|ed)$"), ""),
    (re.compile(r"(?<=[a-z]{3})(?<=s|x|h)es$"), ""),  # processes, boxes, approaches
    (re.compile(r"(?<=[a-z]{3})(?<![su])s$"), ""),  # checklists (not "process", "status")
]


def spelling_key(word):
    """One key for the spellings of a word: "behaviour" and "behavior" share "behavior"."""
    key = fold(word)
    if not key.isalpha() or len(key) < 4:
        return key
    for pattern, replacement in _SPELLING_RULES:
        key = pattern.sub(replacement, key)
    return key


def term_key(word):
    """One key for the forms of a word: "Behaviours", "behavior" and "behaviour" share "behavior"."""
    key = spelling_key(word)
    if not key.isalpha() or len(key) < 4:
        return key
    for pattern, replacement in _INFLECTIONS:
        stripped = pattern.sub(replacement, key)
        if stripped != key:
            key = stripped
            break
    # "organize" and "organizing" both end "organiz" (not "care": too short to lose its "e").
    return key[:-1] if len(key) > 5 and key.endswith("e") else key


# parse --------------------------------------------------------------------------------------------


def _tokens(chunk):
    """The words of unquoted text, hyphenated words kept as one token ("gad-7", "follow-up")."""
    tokens, last = [], 0
    for match in HYPHENATED.finditer(chunk):
        tokens += words(chunk[last : match.start()])
        tokens.append("-".join(words(match.group(0))))
        last = match.end()
    return tokens + words(chunk[last:])


def _hyphenated(token, synonyms):
    """"follow-up" -> the phrase "follow up" or "followup", with the phrase's synonyms."""
    parts = tuple(token.split("-"))
    group = _group(parts, synonyms)
    return TermGroup((*group.alternatives, ("".join(parts),)))


def _is_number(word):
    """A number too short to mean anything alone ("1" of "version 1.0"); a year or a code stays."""
    return word.isdigit() and len(word) < 3


def parse(text, synonyms=None):
    """"pdsa \"pre-visit planning\" for GAD-7" -> ``Parsed`` with a group for each of "pdsa" (with its
    synonyms), the phrase "pre visit planning", and "gad 7"/"gad7"; "for" is too common to search for."""
    text = (text or "")[:MAX_QUERY_CHARS]
    synonyms = synonyms or {}
    longest = max((len(key) for key in synonyms), default=1)
    groups, typed_any = [], False
    for index, chunk in enumerate(text.split('"')):
        if index % 2 == 1:  # inside quotes: one phrase
            phrase = tuple(words(chunk))
            if phrase:
                typed_any = True
                groups.append(_group(phrase, synonyms))
            continue
        tokens = _tokens(chunk)
        typed_any = typed_any or bool(tokens)
        position = 0
        while position < len(tokens):
            # The longest run of words that is a synonym's key, e.g. "plan do study act".
            for size in range(min(longest, len(tokens) - position), 1, -1):
                run = tuple(tokens[position : position + size])
                if run in synonyms:
                    groups.append(_group(run, synonyms))
                    position += size
                    break
            else:
                token = tokens[position]
                position += 1
                if "-" in token:
                    groups.append(_hyphenated(token, synonyms))
                elif (token,) in synonyms:
                    groups.append(_group((token,), synonyms))
                elif token in STOP_WORDS:
                    groups.append(Common(((token,),)))
                elif not _is_number(token):
                    groups.append(TermGroup(((token,),)))
    searched = _unique(group for group in groups if not isinstance(group, Common))[:MAX_TERMS]
    return Parsed(tuple(searched), only_common=typed_any and not searched, sequence=tuple(groups))


def _group(item, synonyms):
    return TermGroup(tuple([item] + [alternative for alternative in synonyms.get(item, ()) if alternative != item]))


def _unique(groups):
    seen, kept = set(), []
    for group in groups:
        if group.alternatives not in seen:
            seen.add(group.alternatives)
            kept.append(group)
    return kept


# Synonyms -----------------------------------------------------------------------------------------


def synonym_map(rows):
    """{("pdsa",): [("plan", "do", "study", "act"), ...], ...} from (term, [phrases]) rows, as a graph:
    every form is an alternative of every other form it is connected to, in both directions and
    across rows (a row "A1c: HbA1c" and a row "HbA1c: glycated haemoglobin" join all three)."""
    parent = {}

    def root(form):
        while parent[form] != form:
            parent[form] = parent[parent[form]]
            form = parent[form]
        return form

    for term, phrases in rows:
        key = tuple(words(term))
        if not key:
            continue
        family = [key] + [form for form in (tuple(words(phrase)) for phrase in phrases) if form]
        for form in family:
            parent.setdefault(form, form)
        for form in family[1:]:
            parent[root(form)] = root(family[0])
    components = {}
    for form in parent:
        components.setdefault(root(form), []).append(form)
    return {form: [other for other in members if other != form] for members in components.values() for form in members}


def load_synonyms():
    from django.core.cache import cache

    from .models import Synonym

    cached = cache.get("commons-search-synonyms")
    if cached is None:
        cached = synonym_map((row.term, row.phrases) for row in Synonym.objects.all())
        cache.set("commons-search-synonyms", cached, 300)
    return cached


def forget_synonyms():
    from django.core.cache import cache

    cache.delete("commons-search-synonyms")
