"""Automated screening before publication: what a resource says (protected health information in
its page text and files) and how it may be shared (licence compatibility with an adapted source).
What a file is, its size and its limits are ``resources.files``'s checks, which ``screen_file`` runs
first.

    from resources.screening import check_licence, screen_file, screen_text

Each returns a list of ``Finding`` (``findings.py``); an empty list means nothing was found.
Importing this package is cheap: its modules load on first use (so ``resources.files``, whose
checks report ``Finding``, can import ``findings`` without loading ``screen_file``, which builds on
those checks), and the recognizers (compiled, the names lexicon read) on the first scan.
"""

import importlib

_EXPORTS = {
    "screen_file": "files",
    "Finding": "findings",
    "check_licence": "licences",
    "screen_fields": "text",
    "screen_text": "text",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name):
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
