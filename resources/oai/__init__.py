"""The OAI-PMH 2.0 data provider at /oai/ (docs/oai-pmh.md).

- ``arguments``: a request's verb and arguments, checked; ``errors``: the protocol's error codes.
- ``records``: which pages are public, and the harvest records (``resources.models.HarvestRecord``)
  that remember what was ever exposed, so that a withdrawn resource stays a deleted record.
- ``sets``: the sets (per condition, resource type and kind of page).
- ``metadata``: the ``oai_dc`` metadata of a batch of pages.
- ``tokens``: signed, stateless resumption tokens.
- ``xml``: the response envelope; ``views``: the verbs; ``receivers``: what keeps the records current.
- ``schemas/``: the official XML schemas, for validation without the network (``validation``).
"""
