"""Usage figures: views and downloads per resource and per release, and reuse (adaptations and
grants), without personal data (docs/usage.md).

- what is left out (robots, prefetches, ...): ``bots.py``;
- counting a view (the beacon, ``views.py``) or a download (``resources/views.py``): ``counting.py``;
- a resource's figures, for its page and the API: ``figures.figures_for(pages)``;
- keeping "Most used" in the search index fresh: ``rollup.py`` (``manage.py rollup_usage``);
- the editors' report: ``dashboard.py``.
"""


def __getattr__(name):
    # Loaded on first use (PEP 562), so that ``bots`` imports without the models.
    if name in ("figures_for", "Figures", "uses_for"):
        from . import figures

        return getattr(figures, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
