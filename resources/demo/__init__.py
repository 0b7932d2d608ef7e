"""Demo network content for ``python manage.py load_demo``.

The content lives in plain Python data so that it can be read, reviewed and extended like prose.
``load_demo`` turns it into pages, snippets, users, releases and files. Every slug is unique across
all content modules; references between records use slugs (resources), usernames (people) or
organisation slugs.

Shapes
------
Vocabulary slugs (fixed, defined in ``vocabularies.py``):
  conditions: ``ibd``, ``single-ventricle``, ``jia``, ``type-1-diabetes``
  resource types: ``checklist``, ``form``, ``template``, ``handout``, ``report``, ``video``,
  ``guide``, ``change-package``, ``protocol``
  audiences: ``clinicians``, ``nurses``, ``improvement-teams``, ``patients``, ``parents-families``,
  ``researchers``, ``care-coordinators``
  licences (by key): ``CC-BY-4.0``, ``CC-BY-SA-4.0``, ``CC-BY-NC-4.0``, ``CC-BY-NC-SA-4.0``,
  ``CC-BY-ND-4.0``, ``CC-BY-NC-ND-4.0``, ``CC0-1.0``, ``network-only``
  phases: ``aim``, ``measure``, ``change``, ``test``, ``implement``, ``spread``

A resource (every entry of ``TOOLS``, ``CHANGE_PACKAGES`` and ``PROTOCOLS``) is a dict::

  {
    "slug": "ibd-pre-visit-planning-checklist",
    "title": "Pre-visit planning checklist for IBD clinic",
    "summary": "One or two plain sentences (at most 280 characters).",
    "body": [                      # StreamField content, in order
        ("heading", "Why pre-visit planning"),
        ("paragraph", "<p>Rich text: <strong>, <em>, <ul>/<ol>/<li>, <a href>.</p>"),
        ("callout", {"tone": "tip" | "info" | "warning", "title": "...", "text": "..."}),
        ("steps", [{"title": "...", "text": "..."}, ...]),
        ("table", {"caption": "...", "header": ["...", ...], "rows": [["...", ...], ...]}),
    ],
    "conditions": ["ibd"],
    "resource_type": "checklist",
    "phase": "change",
    "audiences": ["clinicians", "nurses"],
    "tags": ["pre-visit planning", "population management"],
    "licence": "CC-BY-4.0",
    "attribution": "Adapted with permission from ... / Developed by ...",
    "contributors": [("username", "author" | "adapter" | "reviewer"), ...],
    "organisations": ["org-slug", ...],
    "adapted_from": None | "slug-of-another-resource",
    "transferability": {
        "care_setting": "outpatient" | "inpatient" | "home" | "community" | "mixed",
        "centre_size": "small" | "medium" | "large" | "any",
        "ehr": "free text, e.g. 'Any; Epic SmartPhrase provided'",
        "staff_time": "free text, e.g. '10 minutes per visit for a nurse'",
        "resources_needed": "free text",
    },
    "releases": [                  # oldest first; at least one
        {"label": "1.0", "date": "2024-03-18", "notes": "What changed in this release.",
         "files": [{"filename": "pre-visit-checklist.pdf", "title": "Checklist (printable)",
                    "text": ["Paragraph or line of the file's text", ...]}]},
    ],
    # ToolPage only
    "how_to_use": [{"title": "...", "text": "..."}, ...],
    "time_to_adopt": "hours" | "days" | "weeks" | "months",
    # ChangePackagePage only
    "aim": "A SMART aim statement",
    "drivers": [{"title": "Primary driver", "description": "...",
                 "secondary": [{"title": "Secondary driver",
                                "change_ideas": [{"title": "...", "description": "...",
                                                  "tool": None | "tool-slug"}]}]}],
    "measures": [{"kind": "outcome" | "process" | "balancing", "name": "...",
                  "definition": "operational definition", "numerator": "...",
                  "denominator": "..."}],
    # ProtocolPage only
    "scope": "...", "population": "...",
    "protocol_steps": [{"title": "...", "text": "..."}],
    "citations": [{"text": "Authors. Title. Journal. Year;vol:pages.", "doi": "10.xxxx/..." | None}],
    "effective_date": "2024-01-15", "review_by": "2026-01-15",
    "superseded_by": None | "slug-of-newer-protocol",
  }

File names end in ``.pdf``, ``.docx`` or ``.xlsx``; for ``.xlsx`` the ``text`` list holds rows whose
cells are separated by `` | ``.
"""
