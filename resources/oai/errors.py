"""The protocol's error conditions (OAI-PMH 2.0, section 3.6). Each is answered with HTTP 200 and
an ``<error code="...">`` element; the message says what to send instead."""


class OAIError(Exception):
    code = None

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class BadVerb(OAIError):
    code = "badVerb"


class BadArgument(OAIError):
    code = "badArgument"


class BadResumptionToken(OAIError):
    code = "badResumptionToken"


class CannotDisseminateFormat(OAIError):
    code = "cannotDisseminateFormat"


class IdDoesNotExist(OAIError):
    code = "idDoesNotExist"


class NoRecordsMatch(OAIError):
    code = "noRecordsMatch"


# noMetadataFormats would answer ListMetadataFormats for an item with no format: every item has
# oai_dc (the protocol requires it of every item, deleted ones included), so it never applies.
# noSetHierarchy is for repositories without sets: this one has them.
