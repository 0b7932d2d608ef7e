"""The screening's recognizer engine (``phi.py``): run every recognizer over a text, raise weak
matches that have a context word just before them, and keep the best claim on each piece of text.

    Analyzer(recognizers).analyze(text) -> [Result]     # every recognizer's results, context applied
    CueRecognizer(entity, name, patterns, validate)     # a cue and a ``value`` group in one regex
    RegexRecognizer(entity, name, patterns, context)    # scored regexes, validators, context words

A recognizer is anything with ``name``, ``context`` (words that raise its weak matches; empty for
recognizers that judge their own context) and ``analyze(text) -> [Result]`` (the ``Recognizer``
protocol). Scores run from 0 to 1; ``phi.detect`` applies the reporting threshold and resolves
overlaps between recognizers.

Context (``Analyzer``): a recognizer's context words, as whole words, in the ``CONTEXT_WINDOW``
characters before a match and in the same part of the file (parts are joined by
``PART_SEPARATOR``) raise its score by ``CONTEXT_BOOST``, to at least ``CONTEXT_MIN_SCORE``. No
tokenizer or language model is involved: everything here is regular expressions.
"""

import re
from dataclasses import dataclass, replace
from typing import Protocol

CUE_SCORE = 0.85  # CueRecognizer: the cue is part of the match
CONTEXT_BOOST = 0.35  # a match with a context word in the window ...
CONTEXT_MIN_SCORE = 0.6  # ... scores at least this
CONTEXT_WINDOW = 60  # characters before a match searched for context words
MAX_SCORE = 1.0
PART_SEPARATOR = "\n\n"  # phi.PART_SEPARATOR: parts never hold an empty line

CUE_FLAGS = re.IGNORECASE | re.MULTILINE
REGEX_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL


@dataclass(frozen=True)
class Result:
    entity: str  # PHONE_NUMBER, US_SSN, ... (phi.KIND_BY_ENTITY)
    start: int
    end: int
    score: float
    recognizer: str = ""


class Recognizer(Protocol):
    name: str
    context: tuple  # words that raise a weak match (CONTEXT_BOOST); () when the recognizer judges its own

    def analyze(self, text: str) -> list[Result]: ...


class Analyzer:
    """Every recognizer over a text, context applied; results scoring 0 and results contained in a
    result of the same entity with at least their score are left out."""

    def __init__(self, recognizers):
        self.recognizers = list(recognizers)
        self._context = {id(r): _context_pattern(getattr(r, "context", ())) for r in self.recognizers}

    def analyze(self, text):
        results = []
        for recognizer in self.recognizers:
            found = recognizer.analyze(text)
            context = self._context[id(recognizer)]
            if context is not None:
                found = [_with_context(text, result, context) for result in found]
            results += found
        return _drop_contained(r for r in results if r.score > 0)


def _context_pattern(words):
    words = sorted({w.lower() for w in words}, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in words)
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def _with_context(text, result, pattern):
    part_start = text.rfind(PART_SEPARATOR, 0, result.start)
    part_start = 0 if part_start == -1 else part_start + len(PART_SEPARATOR)
    if not pattern.search(text, max(result.start - CONTEXT_WINDOW, part_start), result.start):
        return result
    return replace(result, score=min(MAX_SCORE, max(result.score + CONTEXT_BOOST, CONTEXT_MIN_SCORE)))


def _drop_contained(results):
    """Within each entity, a result inside another (or the same span) scoring no higher is dropped."""
    kept = []
    by_entity = {}
    for result in results:
        by_entity.setdefault(result.entity, []).append(result)
    for entity in sorted(by_entity):
        wider = []  # kept results of this entity that may still contain a later one
        for result in sorted(set(by_entity[entity]), key=lambda r: (r.start, -r.end, -r.score)):
            wider = [w for w in wider if w.end >= result.start]
            if any(w.end >= result.end and w.score >= result.score for w in wider):
                continue
            wider.append(result)
            kept.append(result)
    return kept


class CueRecognizer:
    """Regexes that include their context: each has a cue and a ``value`` group, and only the value
    is reported (score ``CUE_SCORE``). ``validate(value, match)`` drops impossible values; it may
    look around the match (``match.string`` is the analysed text)."""

    context = ()  # the cue is in the pattern: no context boost

    def __init__(self, entity, name, patterns, validate=None):
        self.entity, self.name, self.validate = entity, name, validate
        self.patterns = [re.compile(regex, CUE_FLAGS) for regex in patterns]

    def analyze(self, text):
        results = []
        for pattern in self.patterns:
            for match in pattern.finditer(text):
                start, end = match.span("value")
                if start == end or (self.validate and not self.validate(match.group("value"), match)):
                    continue
                results.append(Result(self.entity, start, end, CUE_SCORE, self.name))
        return results


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: str
    score: float


class RegexRecognizer:
    """Scored regexes (case-insensitive, ``REGEX_FLAGS``) reporting the whole match, with context
    words for the ``Analyzer``'s boost. Subclasses may override ``validate(matched)`` (True: a
    certain match, score 1; False: not one) and ``invalidate(matched)`` (True: not one)."""

    def __init__(self, entity, name, patterns, context=()):
        self.entity, self.name, self.context = entity, name, tuple(context)
        self.patterns = [(p, re.compile(p.regex, REGEX_FLAGS)) for p in patterns]

    def validate(self, matched):
        return None

    def invalidate(self, matched):
        return False

    def analyze(self, text, pos=0, endpos=None):
        """Matches in ``text[pos:endpos]`` (``\\b`` sees the characters either side, as ``re`` does at
        ``pos``; at ``endpos`` it sees the end of the text, so give one character more)."""
        endpos = len(text) if endpos is None else endpos
        best = {}  # span -> score: several patterns may match the same text
        for pattern, compiled in self.patterns:
            for match in compiled.finditer(text, pos, endpos):
                matched = match.group()
                if not matched:
                    continue
                valid = self.validate(matched)
                score = pattern.score if valid is None else (MAX_SCORE if valid else 0.0)
                if score and self.invalidate(matched):
                    score = 0.0
                if score > best.get(match.span(), 0.0):
                    best[match.span()] = score
        return [Result(self.entity, start, end, score, self.name) for (start, end), score in best.items()]
