"""The demo network's vocabularies and licences."""

CONDITIONS = [
    {"slug": "ibd", "name": "Paediatric inflammatory bowel disease",
     "network_name": "IBD Improvement Network",
     "description": "Crohn's disease, ulcerative colitis and unclassified IBD in children and young people.",
     "colour": (31, 78, 121)},
    {"slug": "single-ventricle", "name": "Single-ventricle heart disease",
     "network_name": "Single Ventricle Care Collaborative",
     "description": ("Infants and children with hypoplastic left heart syndrome and other single-ventricle "
                     "lesions, from interstage to Fontan."),
     "colour": (138, 43, 59)},
    {"slug": "jia", "name": "Juvenile idiopathic arthritis",
     "network_name": "Paediatric Rheumatology Improvement Network",
     "description": ("Children and young people with juvenile idiopathic arthritis and its complications, "
                     "including uveitis."),
     "colour": (46, 104, 62)},
    {"slug": "type-1-diabetes", "name": "Type 1 diabetes", "network_name": "Type 1 Diabetes Quality Collaborative",
     "description": ("Children and young people living with type 1 diabetes, from diagnosis through transition "
                     "to adult care."),
     "colour": (94, 60, 140)},
]

RESOURCE_TYPES = [
    {"slug": "checklist", "name": "Checklist", "description": "A list to work through before, during or after care."},
    {"slug": "form", "name": "Form", "description": "A form that captures information in a standard way."},
    {"slug": "template", "name": "Template", "description": "A starting point to adapt: letters, EHR notes, agendas."},
    {"slug": "handout", "name": "Handout", "description": "Plain-language information for patients and families."},
    {"slug": "report", "name": "Report", "description": "A population-management or registry report."},
    {"slug": "video", "name": "Video", "description": "A short film with its script and discussion guide."},
    {"slug": "guide", "name": "Guide", "description": "How-to guidance for a team running an improvement activity."},
    {"slug": "change-package", "name": "Change package", "description": "A tested bundle of changes toward an aim."},
    {"slug": "protocol", "name": "Protocol", "description": "A clinical or operational protocol."},
]

AUDIENCES = [
    {"slug": "clinicians", "name": "Clinicians"},
    {"slug": "nurses", "name": "Nurses"},
    {"slug": "improvement-teams", "name": "Improvement teams"},
    {"slug": "patients", "name": "Patients"},
    {"slug": "parents-families", "name": "Parents and families"},
    {"slug": "researchers", "name": "Researchers"},
    {"slug": "care-coordinators", "name": "Care coordinators"},
]

# key: SPDX identifier, or "network-only".
LICENCES = [
    {"key": "CC-BY-4.0", "recommended": True, "flags": (True, True, False),
     "summary": "Anyone may share and adapt it, for any purpose, as long as they credit the authors."},
    {"key": "CC-BY-SA-4.0", "flags": (True, True, True),
     "summary": ("Anyone may share and adapt it, for any purpose, crediting the authors; adaptations must be "
                 "shared under this same licence.")},
    {"key": "CC-BY-NC-4.0", "flags": (False, True, False),
     "summary": "Anyone may share and adapt it, crediting the authors, but not for commercial purposes."},
    {"key": "CC-BY-NC-SA-4.0", "flags": (False, True, True),
     "summary": "Share and adapt it with credit, not commercially; adaptations must use this same licence."},
    {"key": "CC-BY-ND-4.0", "flags": (True, False, False),
     "summary": "Anyone may share it unchanged, crediting the authors. Adapting it needs the authors' permission."},
    {"key": "CC-BY-NC-ND-4.0", "flags": (False, False, False),
     "summary": ("Share it unchanged and not commercially, crediting the authors. Adapting it needs the "
                 "authors' permission.")},
    {"key": "CC0-1.0", "flags": (True, True, False), "attribution": False,
     "summary": ("No rights reserved: anyone may use it in any way, without asking and without credit "
                 "(credit is still kind).")},
    {"key": "network-only", "name": "Network members only", "flags": (False, False, False),
     "summary": ("Only signed-in members of the network may see and use it, within their own care centre. "
                 "Sharing outside the network or adapting it needs the owners' permission.")},
]
