"""What the words around a match say (``phi.py``): whether it is an identifier at all, and whose.

    not_an_identifier(text, start, end) -> bool    # a format example, or a number a label says is not a person's
    severity(kind, text, start, end) -> str        # "block", or "check" for an organisation's contact detail

Both look only at the text of the same part of the file (the analysed text joins parts with an
empty line) and, for whose a contact detail is, at the same sentence.

Severity. A phone number or an e-mail address is "check" (shown to the participant and the
reviewer, not blocking) when it is most likely an organisation's:

* a phone number whose nearest cue is a service's (nurse line, clinic, helpline, switchboard,
  reception, office, team, ward, out of hours, ...) rather than a person's (home, mobile, mum, the
  family, his, her, ...): the cue closest before the number wins, then the closest after it;
  or a number that can only be a service's (toll-free, shared-cost, "universal access" such as UK
  0300/0845, Australian 13/1300), unless a person's cue is nearest;
* an e-mail address at an allowed domain (``SCREENING_ALLOWED_EMAIL_DOMAINS``), at an
  institution's domain (nhs.net, *.nhs.uk, *.org, *.edu, *.ac.uk, *.gov, a domain naming a
  hospital, health service or clinic), or a role mailbox (ibd.team@, clinic@, admin@, ...) at a
  domain that is not a public webmail service, or an address whose nearest cue is a service's;
  again unless a person's cue is nearest. At a public webmail domain (gmail.com, btinternet.com,
  ...) an address is a person's unless it is a role mailbox with a service's cue.

Everything else is "block": with no cue at all a contact detail is taken to be a person's.
"""

import re

from resources.files.extract import setting

from .findings import BLOCK, CHECK

PART_SEPARATOR = "\n\n"  # phi.PART_SEPARATOR: parts never hold an empty line

# A number right after one of these labels is a reference, a code or a registration, never a
# person's identifier: "ISBN 978-1-...", "GMC 4123456", "Teams meeting ID: 123 456 789 012".
_NOT_ID_LABEL = re.compile(
    r"(?:\b(?:doi|isbn|issn|pmid|pmcid|nct|isrctn|actrn|eudract|snomed(?:[ \t]+ct)?|icd(?:-?1[01])?|read[ \t]+code"
    r"|opcs|loinc|gmc|nmc|hcpc|gphc|npi|ods(?:[ \t]+code)?|vat|ukprn|orcid|iras|rec[ \t]+ref|ethics[ \t]+ref"
    r"|grant|award|lot|batch|expiry|version|cost[ \t]+cent(?:re|er)|(?:meeting|conference|webinar)[ \t]+id|passcode"
    r"|(?:registered[ \t]+)?(?:charity|company)(?:[ \t]+(?:no|number|reg(?:istration)?))?\.?)"
    r"[ \t]*(?:no\.?|number|#)?[ \t:#=.-]*)$",
    re.I,
)
# A value given as an example: "e.g. 12345678", "SSN 123-45-6789 (example)", "format: 01/01/2000".
_EXAMPLE_BEFORE = re.compile(
    r"\b(?:e\.?g|i\.?e|for[ \t]+example|for[ \t]+instance|example|sample|such[ \t]+as|format)\b\.?[ \t:,]*$", re.I
)
_EXAMPLE_AFTER = re.compile(
    r"^[ \t]*[(\[][ \t]*(?:e\.?g\b|example|sample|dummy|fake|fictitious|fictional|made[ -]up|not real|format)", re.I
)


def not_an_identifier(text, start, end):
    """Whether the match at ``[start, end)`` of ``text`` is a format example or labelled as a
    reference number (see the patterns above): such matches are dropped, whatever their shape."""
    before = text[max(0, start - 40) : start]
    before = before.rpartition(PART_SEPARATOR)[2]
    return bool(
        _NOT_ID_LABEL.search(before) or _EXAMPLE_BEFORE.search(before) or _EXAMPLE_AFTER.match(text[end : end + 20])
    )


# -- severity --------------------------------------------------------------------------------------

_ORG_CUE = re.compile(
    r"\b(?:(?:nurse|nurses|advice|help|phone|telephone|appointments?|booking|bookings|enquiry|enquiries|support"
    r"|duty|triage|direct|main|hot|referrals?|results|information|info)[ \t-]*lines?|helpline|hotline|switchboard"
    r"|reception|front[ \t]+desk|help[ \t]*desk|office|team|ward|unit|clinic|surgery|practice|department|dept"
    r"|services?|cent(?:re|er)|hospital|pharmacy|out[ \t-]+of[ \t-]+hours|secretary|secretaries|bleep|pager"
    r"|council|freephone|toll[ \t-]*free|pals|call[ \t]+centre|enquiries|appointments"
    r"|contact[ \t]+us|call[ \t]+us|ring[ \t]+us"
    r"|our[ \t]+(?:number|line|phone)|dial[ \t-]*in|conference|meeting|webinar|nurses?|Dr|Prof|professor|consultant"
    r"|registrar|coordinator|specialist|manager"
    # opening hours describe a service: "Monday to Friday", "9am-5pm", "24/7"
    r"|mon(?:day)?[ \t]*(?:to|-|\u2013)[ \t]*(?:fri|sat|sun)\w*"
    r"|\d{1,2}(?:[.:]\d\d)?[ \t]*(?:am|pm)?[ \t]*(?:to|-|\u2013)[ \t]*\d{1,2}(?:[.:]\d\d)?[ \t]*(?:am|pm)"
    r"|24/7|24[ \t]+hours)\b",
    re.I,
)
_PERSON_CUE = re.compile(
    r"\b(?:home|mobile|cell|cellphone|personal|private|landline|family|families|parents?|mother|mum|mom|mummy"
    r"|father|dad|daddy|grand\w+|gran|granny|nan|nana|nanna|aunt|auntie|uncle|sister|brother|siblings?|step\w+"
    r"|foster|carers?|guardians?|kin|nok|partner|wife|husband|son|daughter|relatives?|patients?|child|his|her"
    r"|whatsapp|sms|text|texts|voicemail|message|call[ \t]+back|ring[ \t]+back)\b",
    re.I,
)
# A service named as the one who calls is not the number's owner: "the team rang 07700 900123".
_CALLER_AFTER = re.compile(
    r"[ \t]+(?:\w+[ \t]+)?(?:called|rang|phoned|texted|tried|left|spoke|contacted|emailed|wrote|asked)\b", re.I
)
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n|\|")
# Public webmail: an address there is a person's, whatever its local part says.
WEBMAIL = frozenset(
    """
    gmail.com googlemail.com yahoo.com yahoo.co.uk yahoo.ca yahoo.com.au yahoo.ie ymail.com hotmail.com
    hotmail.co.uk hotmail.ca hotmail.ie outlook.com outlook.ie live.com live.co.uk live.ie live.ca live.com.au
    msn.com icloud.com me.com mac.com aol.com aol.co.uk protonmail.com proton.me pm.me gmx.com gmx.net gmx.de
    web.de mail.com yandex.com yandex.ru zoho.com fastmail.com hey.com tutanota.com mailbox.org btinternet.com
    btopenworld.com sky.com talktalk.net virginmedia.com ntlworld.com blueyonder.co.uk tiscali.co.uk eircom.net
    bigpond.com bigpond.net.au optusnet.com.au iinet.net.au rogers.com shaw.ca sympatico.ca videotron.ca
    telus.net comcast.net verizon.net att.net sbcglobal.net cox.net charter.net earthlink.net xtra.co.nz
    """.split()
)
_INSTITUTION_DOMAIN = re.compile(
    r"(?:^|\.)(?:nhs\.net|nhs\.uk|nhs\.scot|nhs\.wales|hscni\.net|hse\.ie)$"
    r"|\.(?:org|edu|gov|mil|int)(?:\.[a-z]{2})?$|\.(?:ac|gov|govt|nhs|mil|edu|org)\.[a-z]{2}$|\.gc\.ca$"
    r"|(?:^|[.-])(?:nhs|hospitals?|health|healthcare|clinic|clinics|medical|medicine|trust|university|college"
    r"|council|hse|paediatrics|pediatrics|childrens)(?:[.-]|$)",
    re.I,
)
# Local parts naming a role, not a person: ibd.team@, asthma-nurses@, clinic@, qi.office@ ...
_ROLE_WORDS = frozenset(
    """
    team teams admin administration office clinic clinics nurse nurses nursing ward unit service services
    info information enquiries enquiry inquiries contact contactus help helpdesk support reception
    appointments appointment bookings booking referrals referral feedback advisory council committee
    improvement quality qi research trials secretary secretaries pals hello general mailbox noreply no-reply
    department dept programme program project network group pharmacy lab results records governance
    audit education training family families patients parents
    """.split()
)


# Role words that also mark a mailbox run together with a name: riversideclinic@, teamibd@.
_ROLE_AFFIXES = ("team", "clinic", "office", "admin", "nurses", "enquiries", "reception", "appointments", "referrals")


def _sentence(text, start, end):
    """(before, after): the text of the sentence before and after ``[start, end)``."""
    left = max(0, start - 80)
    before = text[left:start]
    cut = max((m.end() for m in _SENTENCE_END.finditer(before)), default=0)
    after = text[end : end + 60]
    stop = _SENTENCE_END.search(after)
    return before[cut:], after[: stop.start()] if stop else after


def _nearest(before, after):
    """"org", "person" or None: whose the nearest cue is, before the match first, then after it."""
    org = [m.end() for m in _ORG_CUE.finditer(before) if not _CALLER_AFTER.match(before, m.end())]
    person = [m.end() for m in _PERSON_CUE.finditer(before)]
    if org or person:
        return "org" if max(org, default=-1) > max(person, default=-1) else "person"
    org = [m.start() for m in _ORG_CUE.finditer(after)]
    person = [m.start() for m in _PERSON_CUE.finditer(after)]
    if org or person:
        return "org" if min(org, default=10**6) < min(person, default=10**6) else "person"
    return None


def severity(kind, text, start, end):
    """"check" for a phone number or e-mail address that is most likely an organisation's (see the
    module docstring), "block" for everything else."""
    if kind not in ("phone-number", "email-address"):
        return BLOCK
    cue = _nearest(*_sentence(text, start, end))
    if cue == "person":
        return BLOCK
    value = text[start:end]
    if kind == "phone-number":
        return CHECK if cue == "org" or _service_number(value) else BLOCK
    return CHECK if _organisation_address(value, cue == "org") else BLOCK


# Number types only services have (libphonenumber's PhoneNumberType values).
_SERVICE_TYPES = frozenset({3, 4, 5, 9})  # TOLL_FREE, PREMIUM_RATE, SHARED_COST, UAN


def _service_number(value):
    import phonenumbers

    from .phones import phone_regions

    types = set()
    for region in phone_regions():
        try:
            number = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            types.add(phonenumbers.number_type(number))
        if value.lstrip().startswith("+"):
            break  # the region does not matter for an international number
    return bool(types) and types <= _SERVICE_TYPES


def allowed_email_domains():
    return {d.lower().lstrip("@.") for d in setting("SCREENING_ALLOWED_EMAIL_DOMAINS", ())}


def _organisation_address(value, org_cue):
    """Whether an e-mail address is an organisation's: its domain, then its local part, then the
    cue before it. At a webmail domain only a role mailbox with a service's cue ("email the
    clinic at riversideclinic@gmail.com") is; "send the clinic letter to jo.bloggs@gmail.com" is not."""
    local, _, domain = value.lower().rpartition("@")
    if any(domain == d or domain.endswith("." + d) for d in allowed_email_domains()):
        return True
    role = any(word in _ROLE_WORDS for word in re.split(r"[._+\d-]+", local)) or local.startswith(
        _ROLE_AFFIXES
    ) or local.endswith(_ROLE_AFFIXES)
    if domain in WEBMAIL:
        return role and org_cue
    return bool(_INSTITUTION_DOMAIN.search(domain)) or role or org_cue
