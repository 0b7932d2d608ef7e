"""Validate OAI-PMH responses against the official schemas shipped in ``schemas/``, never fetching
anything: every schema location they name (and the ones a response names) resolves to the local
copy. Used by the tests; an operator can check a live response with
``python -c "from resources.oai.validation import validate; validate(open('r.xml','rb').read())"``.
"""

from functools import cache
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).parent / "schemas"
LOCAL = {
    "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd": "OAI-PMH.xsd",
    "http://www.openarchives.org/OAI/2.0/oai_dc.xsd": "oai_dc.xsd",
    "http://dublincore.org/schemas/xmls/simpledc20021212.xsd": "simpledc20021212.xsd",
    "http://www.w3.org/2001/03/xml.xsd": "xml.xsd",
    "http://www.w3.org/2001/xml.xsd": "xml.xsd",
}

# One schema that imports both namespaces a response carries (the envelope's ``<any>`` elements
# are validated strictly, so the metadata's schema must be known too). Ours, not an official file.
BUNDLE = b"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://www.openarchives.org/OAI/2.0/"
             schemaLocation="http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"/>
  <xs:import namespace="http://www.openarchives.org/OAI/2.0/oai_dc/"
             schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc.xsd"/>
</xs:schema>"""


class LocalSchemas(etree.Resolver):
    def resolve(self, url, public_id, context):
        name = LOCAL.get(url) or (Path(url).name if Path(url).name in LOCAL.values() else None)
        if name is None:
            raise LookupError(f"No local copy of {url}: add it to resources/oai/schemas/ and LOCAL.")
        return self.resolve_filename(str(SCHEMAS / name), context)


def parser():
    local = etree.XMLParser(no_network=True, resolve_entities=False)
    local.resolvers.add(LocalSchemas())
    return local


@cache
def schema():
    return etree.XMLSchema(etree.fromstring(BUNDLE, parser(), base_url=str(SCHEMAS / "bundle.xsd")))


def validate(content):
    """Parse ``content`` (bytes) and raise ``etree.DocumentInvalid`` naming the line and the rule
    if it breaks the OAI-PMH or oai_dc schema; returns the parsed document."""
    document = etree.fromstring(content, etree.XMLParser(no_network=True, resolve_entities=False))
    schema().assertValid(document)
    return document
