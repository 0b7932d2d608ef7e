"""Demo network content for ``python manage.py load_demo``.

The resources (tools, change packages, protocols) are data files, one per resource, under
``content/``: YAML front matter for the structured fields, then the page's body blocks.
``reader.py`` reads them; ``docs/demo.md`` describes the format, every field and how to add one.
The people, organisations, vocabularies and collections are in the small modules beside this file.

``load_demo`` turns it all into pages, snippets, users, releases and files (``loader.py``). Every
slug is unique across the content; references between records use slugs (resources), usernames
(people) or organisation slugs.
"""
