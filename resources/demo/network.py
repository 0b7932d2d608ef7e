"""Demo organisations and people of the network.

Plain data read by ``load_demo``; see ``resources/demo/__init__.py`` for the shapes. All people and
places are fictional.
"""

ORGANISATIONS = [
    {
        "slug": "northfield-childrens",
        "name": "Northfield Children's Hospital",
        "kind": "care-centre",
        "city": "Northfield",
        "conditions": ["ibd", "jia"],
        "description": (
            "A 220-bed teaching children's hospital whose gastroenterology and rheumatology teams "
            "share a nurse-led pre-visit planning service. Its IBD clinic was one of the first in the "
            "network to run weekly population-management huddles from the registry report."
        ),
    },
    {
        "slug": "lakeshore-paediatrics",
        "name": "Lakeshore Paediatrics",
        "kind": "care-centre",
        "city": "Port Allard",
        "conditions": ["ibd", "type-1-diabetes"],
        "description": (
            "A regional paediatric department serving a largely rural catchment of about 400,000 "
            "people, with outreach IBD and diabetes clinics in three district hospitals. Its "
            "dietitian-led growth and anaemia work has been adopted by several other centres."
        ),
    },
    {
        "slug": "riverbend-childrens",
        "name": "Riverbend Children's Hospital",
        "kind": "care-centre",
        "city": "Riverbend",
        "conditions": ["single-ventricle", "ibd"],
        "description": (
            "A tertiary children's hospital with a congenital cardiac surgery programme and a "
            "mid-sized IBD service of around 260 patients. Its cardiology and gastroenterology teams "
            "jointly piloted the network's adolescent transition readiness checklist."
        ),
    },
    {
        "slug": "st-brigids-childrens",
        "name": "St Brigid's Children's Hospital",
        "kind": "care-centre",
        "city": "Kilmorran",
        "conditions": ["ibd", "jia", "single-ventricle"],
        "description": (
            "A large children's hospital with a shared day-case infusion unit used by the IBD, "
            "rheumatology and cardiology services. Its embedded psychology team leads the network's "
            "pilot of routine psychosocial screening in chronic-illness clinics."
        ),
    },
    {
        "slug": "harbour-city-heart",
        "name": "Harbour City Heart Centre",
        "kind": "care-centre",
        "city": "Harbour City",
        "conditions": ["single-ventricle"],
        "description": (
            "A specialist paediatric cardiac centre that performs staged palliation for children "
            "with single-ventricle physiology and runs a nurse-led home-monitoring programme during "
            "the interstage period. It contributes most of the network's interstage registry data."
        ),
    },
    {
        "slug": "prairie-childrens",
        "name": "Prairie Children's Hospital",
        "kind": "care-centre",
        "city": "Carrow Plains",
        "conditions": ["type-1-diabetes", "jia"],
        "description": (
            "A children's hospital serving a wide agricultural region, where many families travel "
            "more than two hours to clinic. Its diabetes and rheumatology teams rely heavily on video "
            "visits, home blood-test arrangements and nurse telephone follow-up."
        ),
    },
    {
        "slug": "mountain-view-paediatrics",
        "name": "Mountain View Paediatrics",
        "kind": "care-centre",
        "city": "Alder Ridge",
        "conditions": ["jia", "ibd"],
        "description": (
            "A small paediatric unit with one rheumatologist, one visiting gastroenterologist and a "
            "part-time data analyst, running a combined IBD and JIA clinic one afternoon a week. It "
            "adapts network tools for small teams and shares what it learns about doing more with less."
        ),
    },
    {
        "slug": "eastgate-university-childrens",
        "name": "Eastgate University Children's Hospital",
        "kind": "care-centre",
        "city": "Eastgate",
        "conditions": ["ibd", "jia", "single-ventricle", "type-1-diabetes"],
        "description": (
            "The network's largest academic centre, caring for children in all four condition "
            "programmes and hosting the health services research group that maintains the network's "
            "measure definitions. It leads the multi-condition transition-to-adult-care work."
        ),
    },
    {
        "slug": "bayside-diabetes-centre",
        "name": "Bayside Children's Diabetes Centre",
        "kind": "care-centre",
        "city": "Bayside",
        "conditions": ["type-1-diabetes"],
        "description": (
            "A stand-alone paediatric diabetes centre following about 900 children and young people, "
            "most using continuous glucose monitoring. Its education team runs structured group "
            "programmes at diagnosis and again at the start of secondary school."
        ),
    },
    {
        "slug": "kingsbridge-community-paediatrics",
        "name": "Kingsbridge Community Paediatrics",
        "kind": "care-centre",
        "city": "Kingsbridge",
        "conditions": ["ibd", "type-1-diabetes"],
        "description": (
            "A small community paediatric service that shares care of children with IBD and type 1 "
            "diabetes with the regional specialist centres. A care coordinator keeps the shared-care "
            "lists, chases overdue blood tests and arranges local infusions."
        ),
    },
    {
        "slug": "westmoor-childrens",
        "name": "Westmoor Children's Hospital",
        "kind": "care-centre",
        "city": "Westmoor",
        "conditions": ["single-ventricle", "jia"],
        "description": (
            "A children's hospital with a regional paediatric rheumatology service and a congenital "
            "heart follow-up clinic. Its rheumatology team co-runs a monthly joint uveitis clinic with "
            "paediatric ophthalmology."
        ),
    },
    {
        "slug": "southport-childrens",
        "name": "Southport Children's Hospital",
        "kind": "care-centre",
        "city": "Southport",
        "conditions": ["type-1-diabetes", "ibd"],
        "description": (
            "A coastal children's hospital with growing diabetes and IBD services and a shared "
            "adolescent clinic for 14- to 18-year-olds. It joined the network in 2023 and is testing "
            "the anaemia change package alongside Lakeshore and Kingsbridge."
        ),
    },
    {
        "slug": "network-office",
        "name": "Network Coordinating Office",
        "kind": "network-office",
        "city": "Eastgate",
        "conditions": ["ibd", "single-ventricle", "jia", "type-1-diabetes"],
        "description": (
            "The small central team that runs the registries, quality improvement coaching, learning "
            "sessions and the Improvement Commons itself. It curates resources, checks licences and "
            "convenes the condition working groups."
        ),
    },
    {
        "slug": "family-advisory-council",
        "name": "Patient and Family Advisory Council",
        "kind": "family-council",
        "city": "Online (network-wide)",
        "conditions": ["ibd", "single-ventricle", "jia", "type-1-diabetes"],
        "description": (
            "Young people and parents from every condition programme who co-design resources, review "
            "handouts for plain language and sit on each working group. Members are paid for their "
            "time and meet online every month."
        ),
    },
]


PEOPLE = [
    {
        "username": "olivia.chen",
        "first_name": "Olivia",
        "last_name": "Chen",
        "display_name": "Olivia Chen",
        "email": "olivia.chen@example.org",
        "role_in_care": "improvement-specialist",
        "organisation": "network-office",
        "orcid": "0000-0002-1825-0097",
        "bio": (
            "Olivia leads improvement science at the network office and coaches care-centre teams "
            "through their first year of registry-driven improvement. She trained as a paediatric "
            "nurse and later in statistical process control and learning health system design."
        ),
        "group": "admin",
    },
    {
        "username": "marcus.webb",
        "first_name": "Marcus",
        "last_name": "Webb",
        "display_name": "Marcus Webb",
        "email": "marcus.webb@example.org",
        "role_in_care": "improvement-specialist",
        "organisation": "network-office",
        "orcid": None,
        "bio": (
            "Marcus edits the Improvement Commons and helps teams turn local tools into resources "
            "other centres can adopt. He runs the network's PDSA and run-chart training for new "
            "improvement teams."
        ),
        "group": "editor",
    },
    {
        "username": "priya.raman",
        "first_name": "Priya",
        "last_name": "Raman",
        "display_name": "Dr Priya Raman",
        "email": "priya.raman@example.org",
        "role_in_care": "physician",
        "organisation": "eastgate-university-childrens",
        "orcid": None,
        "bio": (
            "Priya is a paediatric gastroenterologist at Eastgate who chairs the network's transition "
            "working group. She edits clinical content on the Commons and has a particular interest "
            "in shared decision making about biologic therapy."
        ),
        "group": "editor",
    },
    {
        "username": "samuel.okafor",
        "first_name": "Samuel",
        "last_name": "Okafor",
        "display_name": "Dr Samuel Okafor",
        "email": "samuel.okafor@example.org",
        "role_in_care": "physician",
        "organisation": "northfield-childrens",
        "orcid": None,
        "bio": (
            "Samuel is a paediatric gastroenterologist and IBD clinical lead at Northfield Children's "
            "Hospital. He reviews IBD resources for clinical accuracy and chairs the network's remission "
            "measures group."
        ),
        "group": "reviewer",
    },
    {
        "username": "helen.fraser",
        "first_name": "Helen",
        "last_name": "Fraser",
        "display_name": "Helen Fraser",
        "email": "helen.fraser@example.org",
        "role_in_care": "nurse",
        "organisation": "harbour-city-heart",
        "orcid": None,
        "bio": (
            "Helen is a cardiac clinical nurse specialist who has run Harbour City's interstage "
            "home-monitoring programme for eleven years. She reviews nursing and family-facing "
            "resources across condition programmes."
        ),
        "group": "reviewer",
    },
    {
        "username": "grace.lin",
        "first_name": "Grace",
        "last_name": "Lin",
        "display_name": "Grace Lin",
        "email": "grace.lin@example.org",
        "role_in_care": "nurse",
        "organisation": "northfield-childrens",
        "orcid": None,
        "bio": (
            "Grace is an IBD clinical nurse specialist at Northfield who built the clinic's pre-visit "
            "planning routine. She runs the nurse advice line and the weekly population-management "
            "huddle."
        ),
        "group": "participant",
    },
    {
        "username": "tom.alvarez",
        "first_name": "Tom",
        "last_name": "Alvarez",
        "display_name": "Dr Tom Alvarez",
        "email": "tom.alvarez@example.org",
        "role_in_care": "physician",
        "organisation": "lakeshore-paediatrics",
        "orcid": None,
        "bio": (
            "Tom is a paediatric gastroenterologist at Lakeshore who runs outreach IBD clinics in three "
            "district hospitals. He leads the network's anaemia improvement work."
        ),
        "group": "participant",
    },
    {
        "username": "amara.nwosu",
        "first_name": "Amara",
        "last_name": "Nwosu",
        "display_name": "Amara Nwosu",
        "email": "amara.nwosu@example.org",
        "role_in_care": "parent-carer",
        "organisation": "family-advisory-council",
        "orcid": None,
        "bio": (
            "Amara is the parent of a child with juvenile idiopathic arthritis and co-chairs the "
            "Patient and Family Advisory Council. She reviews family handouts for plain language and "
            "helped write the school letter template."
        ),
        "group": "participant",
    },
    {
        "username": "jonah.price",
        "first_name": "Jonah",
        "last_name": "Price",
        "display_name": "Jonah Price",
        "email": "jonah.price@example.org",
        "role_in_care": "patient",
        "organisation": "family-advisory-council",
        "orcid": None,
        "bio": (
            "Jonah is a young adult who was diagnosed with Crohn's disease at 13 and moved to adult "
            "care at 18. He co-designs self-management and transition resources with clinicians across "
            "the network."
        ),
        "group": "participant",
    },
    {
        "username": "fatima.haddad",
        "first_name": "Fatima",
        "last_name": "Haddad",
        "display_name": "Fatima Haddad",
        "email": "fatima.haddad@example.org",
        "role_in_care": "nurse",
        "organisation": "harbour-city-heart",
        "orcid": None,
        "bio": (
            "Fatima is a cardiac nurse on Harbour City's interstage team who coordinates home "
            "monitoring and weekly family phone calls. She teaches families red-flag recognition "
            "before discharge after the first-stage operation."
        ),
        "group": "participant",
    },
    {
        "username": "daniel.kowalski",
        "first_name": "Daniel",
        "last_name": "Kowalski",
        "display_name": "Dr Daniel Kowalski",
        "email": "daniel.kowalski@example.org",
        "role_in_care": "physician",
        "organisation": "riverbend-childrens",
        "orcid": None,
        "bio": (
            "Daniel is a paediatric cardiologist at Riverbend who follows children with single-ventricle "
            "circulation from the Glenn through to the Fontan and beyond. He leads Riverbend's "
            "neurodevelopmental follow-up improvement project."
        ),
        "group": "participant",
    },
    {
        "username": "lucy.morgan",
        "first_name": "Lucy",
        "last_name": "Morgan",
        "display_name": "Lucy Morgan",
        "email": "lucy.morgan@example.org",
        "role_in_care": "parent-carer",
        "organisation": "family-advisory-council",
        "orcid": None,
        "bio": (
            "Lucy is the parent of a child with hypoplastic left heart syndrome and a member of the "
            "Patient and Family Advisory Council. She contributes the family perspective to the "
            "network's interstage and feeding resources."
        ),
        "group": "participant",
    },
    {
        "username": "kenji.watanabe",
        "first_name": "Kenji",
        "last_name": "Watanabe",
        "display_name": "Dr Kenji Watanabe",
        "email": "kenji.watanabe@example.org",
        "role_in_care": "physician",
        "organisation": "westmoor-childrens",
        "orcid": None,
        "bio": (
            "Kenji is a paediatric rheumatologist at Westmoor who co-runs the monthly joint uveitis "
            "clinic with ophthalmology. He chairs the network's JIA working group."
        ),
        "group": "participant",
    },
    {
        "username": "ruth.adeyemi",
        "first_name": "Ruth",
        "last_name": "Adeyemi",
        "display_name": "Ruth Adeyemi",
        "email": "ruth.adeyemi@example.org",
        "role_in_care": "nurse",
        "organisation": "prairie-childrens",
        "orcid": None,
        "bio": (
            "Ruth is a clinical nurse educator at Prairie Children's who supports both the "
            "rheumatology and diabetes clinics. She teaches families to give injections at home and "
            "runs the telephone follow-up service for families who live far from the hospital."
        ),
        "group": "participant",
    },
    {
        "username": "sofia.marquez",
        "first_name": "Sofia",
        "last_name": "Marquez",
        "display_name": "Sofia Marquez",
        "email": "sofia.marquez@example.org",
        "role_in_care": "allied-health",
        "organisation": "bayside-diabetes-centre",
        "orcid": None,
        "bio": (
            "Sofia is a diabetes educator at Bayside who runs the structured education programme for "
            "newly diagnosed families. She has a particular interest in sensor and pump starts for "
            "families with limited English."
        ),
        "group": "participant",
    },
    {
        "username": "ben.carter",
        "first_name": "Ben",
        "last_name": "Carter",
        "display_name": "Dr Ben Carter",
        "email": "ben.carter@example.org",
        "role_in_care": "physician",
        "organisation": "southport-childrens",
        "orcid": None,
        "bio": (
            "Ben is a paediatric endocrinologist at Southport who leads its diabetes service and the "
            "shared adolescent clinic. He is the clinical lead for Southport's improvement team."
        ),
        "group": "participant",
    },
    {
        "username": "eilidh.mackay",
        "first_name": "Eilidh",
        "last_name": "Mackay",
        "display_name": "Eilidh Mackay",
        "email": "eilidh.mackay@example.org",
        "role_in_care": "allied-health",
        "organisation": "lakeshore-paediatrics",
        "orcid": None,
        "bio": (
            "Eilidh is a specialist paediatric dietitian at Lakeshore who works in the IBD and diabetes "
            "clinics. She designed the network's growth and nutrition monitoring form and supports "
            "families through exclusive enteral nutrition."
        ),
        "group": "participant",
    },
    {
        "username": "carlos.mendes",
        "first_name": "Carlos",
        "last_name": "Mendes",
        "display_name": "Dr Carlos Mendes",
        "email": "carlos.mendes@example.org",
        "role_in_care": "researcher",
        "organisation": "eastgate-university-childrens",
        "orcid": None,
        "bio": (
            "Carlos is a health services researcher at Eastgate who maintains the network's measure "
            "definitions and patient-reported outcome collection. He evaluates which change ideas "
            "travel well between large and small centres."
        ),
        "group": "participant",
    },
    {
        "username": "hannah.boyd",
        "first_name": "Hannah",
        "last_name": "Boyd",
        "display_name": "Hannah Boyd",
        "email": "hannah.boyd@example.org",
        "role_in_care": "care-coordinator",
        "organisation": "kingsbridge-community-paediatrics",
        "orcid": None,
        "bio": (
            "Hannah is the care coordinator at Kingsbridge who keeps the shared-care lists for children "
            "with IBD and diabetes. She chases overdue blood tests, books local infusions and makes the "
            "three-month check-in call after young people move to adult services."
        ),
        "group": "participant",
    },
    {
        "username": "yusuf.ali",
        "first_name": "Yusuf",
        "last_name": "Ali",
        "display_name": "Dr Yusuf Ali",
        "email": "yusuf.ali@example.org",
        "role_in_care": "allied-health",
        "organisation": "st-brigids-childrens",
        "orcid": None,
        "bio": (
            "Yusuf is a clinical psychologist embedded in St Brigid's gastroenterology, rheumatology and "
            "cardiology clinics. He leads the network's psychosocial screening pilot and runs "
            "procedural-anxiety support for children having infusions and joint injections."
        ),
        "group": "participant",
    },
    {
        "username": "maya.patel",
        "first_name": "Maya",
        "last_name": "Patel",
        "display_name": "Maya P.",
        "email": "maya.patel@example.org",
        "role_in_care": "patient",
        "organisation": "family-advisory-council",
        "orcid": None,
        "bio": (
            "Maya is a teenager with type 1 diabetes and the youngest member of the Patient and Family "
            "Advisory Council. She reviews resources written for teenagers and tells teams when they "
            "sound like they were written for parents."
        ),
        "group": "participant",
    },
    {
        "username": "isaac.brennan",
        "first_name": "Isaac",
        "last_name": "Brennan",
        "display_name": "Isaac Brennan",
        "email": "isaac.brennan@example.org",
        "role_in_care": "data-analyst",
        "organisation": "mountain-view-paediatrics",
        "orcid": None,
        "bio": (
            "Isaac is a part-time data analyst at Mountain View who builds the clinic's population "
            "reports from registry extracts. He wrote the spreadsheet versions of the IBD and JIA "
            "population-management reports for centres without a registry dashboard."
        ),
        "group": "participant",
    },
    {
        "username": "claire.dubois",
        "first_name": "Claire",
        "last_name": "Dubois",
        "display_name": "Claire Dubois",
        "email": "claire.dubois@example.org",
        "role_in_care": "nurse",
        "organisation": "st-brigids-childrens",
        "orcid": None,
        "bio": (
            "Claire is the senior nurse of St Brigid's day-case infusion unit, which gives biologic "
            "infusions to children with IBD and JIA. She wrote the unit's infusion-day checklist and "
            "trains new infusion nurses."
        ),
        "group": "participant",
    },
    {
        "username": "owen.hughes",
        "first_name": "Owen",
        "last_name": "Hughes",
        "display_name": "Dr Owen Hughes",
        "email": "owen.hughes@example.org",
        "role_in_care": "physician",
        "organisation": "mountain-view-paediatrics",
        "orcid": None,
        "bio": (
            "Owen is the only paediatric rheumatologist at Mountain View, where he also runs the "
            "combined IBD and JIA clinic with a visiting gastroenterologist. He performs most of the "
            "unit's joint injections under inhaled nitrous oxide."
        ),
        "group": "participant",
    },
]
