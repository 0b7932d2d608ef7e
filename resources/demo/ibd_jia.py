"""Demo resources for paediatric inflammatory bowel disease (IBD) and juvenile idiopathic arthritis (JIA).

Plain data read by ``load_demo``; see ``resources/demo/__init__.py`` for the shapes. People and
organisations are fictional (``network.py``); the patients in example reports are invented and carry
no real identifiers. Citations point only to published guidelines and papers.
"""

TOOLS = [
    # ------------------------------------------------------------------------------------------
    # Pre-visit planning (adaptation chain: IBD checklist <- JIA checklist <- small-centre huddle sheet)
    # ------------------------------------------------------------------------------------------
    {
        "slug": "ibd-pre-visit-planning-checklist",
        "title": "Pre-visit planning checklist for IBD clinic",
        "summary": (
            "A one-page checklist a nurse completes three to five working days before each IBD clinic "
            "so that overdue blood tests, growth data, vaccines and disease-activity scores are sorted "
            "before the family arrives."
        ),
        "body": [
            ("heading", "Why plan before the visit"),
            (
                "paragraph",
                "<p>When Northfield audited its IBD clinic in 2021, 38% of visits had no Physician Global "
                "Assessment recorded, one visit in five had no height measured and most children on an "
                "anti-TNF had no drug level in the previous year. None of these gaps was a knowledge "
                "problem: they happened because the work of finding out <em>what is missing</em> was being "
                "done, if at all, during a 15-minute consultation.</p>"
                "<p>Pre-visit planning moves that work to a protected slot earlier in the week. A nurse or "
                "care coordinator works through the clinic list with the registry population report open, "
                "orders what is due and writes a short note that the clinician reads before calling the "
                "family in.</p>",
            ),
            (
                "table",
                {
                    "caption": "What the checklist asks about, and how often",
                    "header": ["Item", "Network standard", "Where to find it"],
                    "rows": [
                        ["Physician Global Assessment (PGA)", "Every visit", "Last visit note / registry"],
                        ["wPCDAI (Crohn's) or PUCAI (UC/IBD-U)", "Every visit", "Registry visit form"],
                        ["Height, weight, BMI z-scores", "Every visit", "Growth chart"],
                        ["Height velocity", "Every 6 months until final height", "Growth and nutrition form"],
                        ["FBC, CRP, albumin, ALT", "Every 3 months on thiopurine, methotrexate or biologic", "Lab system"],
                        ["Ferritin and transferrin saturation", "Every 6 months in remission; every 3 months with active disease or anaemia", "Lab system"],
                        ["Faecal calprotectin", "Every 3–6 months and before any treatment change", "Lab system"],
                        ["Anti-TNF trough level", "As set out in the TDM protocol", "Infusion record"],
                        ["Vitamin D", "Yearly", "Lab system"],
                        ["Vaccines (influenza, pneumococcal, varicella status)", "Yearly check; before any immunosuppression", "Immunisation record"],
                        ["Psychosocial screen", "Yearly from age 12", "Screening record"],
                        ["Transition readiness", "Yearly from age 12", "Transition checklist"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "tone": "tip",
                    "title": "Short of time? Start with the highest-risk children",
                    "text": (
                        "If you cannot plan the whole list, plan first for children on systemic "
                        "corticosteroids, anyone diagnosed in the last 12 months, and anyone whose last "
                        "PGA was moderate or severe."
                    ),
                },
            ),
            (
                "steps",
                [
                    {"title": "Pull the list", "text": "Print or open the clinic list for the session three to five working days ahead."},
                    {"title": "Check each child against the report", "text": "Work down the checklist using the population-management report; tick what is up to date and circle what is due."},
                    {"title": "Act on what is due", "text": "Order blood tests and calprotectin so results are back before clinic; book the dietitian or psychologist if a screen is due."},
                    {"title": "Write the planning note", "text": "Add a three-line note to the record: what is due, what has been ordered, and one question for the clinician."},
                    {"title": "Huddle", "text": "Spend ten minutes with the clinician before the session going through the circled items."},
                ],
            ),
        ],
        "conditions": ["ibd"],
        "resource_type": "checklist",
        "phase": "change",
        "audiences": ["nurses", "clinicians", "care-coordinators"],
        "tags": ["pre-visit planning", "population management", "clinic workflow", "reliability"],
        "licence": "CC-BY-4.0",
        "attribution": (
            "Developed by the IBD team at Northfield Children's Hospital (Grace Lin, Samuel Okafor) and "
            "maintained by the network IBD working group."
        ),
        "contributors": [("grace.lin", "author"), ("samuel.okafor", "author"), ("tom.alvarez", "reviewer")],
        "organisations": ["northfield-childrens"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Any; version 2.0 includes an Epic SmartPhrase and a Cerner PowerForm build guide",
            "staff_time": "20–30 minutes per clinic session for a nurse or care coordinator",
            "resources_needed": "Registry population-management report; clinic list three to five days ahead; authority for the nurse to order routine bloods",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2022-03-14",
                "notes": "First release, tested over eight clinic sessions at Northfield.",
                "files": [
                    {
                        "filename": "ibd-pre-visit-checklist-v1-0.pdf",
                        "title": "Checklist (printable)",
                        "text": [
                            "IBD pre-visit planning checklist - version 1.0",
                            "Complete 3-5 working days before clinic. One sheet per patient.",
                            "[ ] PGA recorded at last visit",
                            "[ ] wPCDAI or PUCAI recorded at last visit",
                            "[ ] Height and weight at last visit; height velocity in last 6 months",
                            "[ ] FBC, CRP, albumin, ALT within 3 months (if on immunomodulator or biologic)",
                            "[ ] Faecal calprotectin within 6 months",
                            "[ ] TPMT result on file before any thiopurine start",
                            "Ordered today: ______________________",
                            "Question for the clinician: ______________________",
                        ],
                    }
                ],
            },
            {
                "label": "1.1",
                "date": "2023-02-06",
                "notes": (
                    "Added vaccine status and vitamin D after feedback from Lakeshore; calprotectin timing "
                    "changed to 'every 3–6 months and before any treatment change'."
                ),
                "files": [
                    {
                        "filename": "ibd-pre-visit-checklist-v1-1.pdf",
                        "title": "Checklist (printable)",
                        "text": [
                            "IBD pre-visit planning checklist - version 1.1",
                            "Complete 3-5 working days before clinic. One sheet per patient.",
                            "[ ] PGA and wPCDAI/PUCAI recorded at last visit",
                            "[ ] Height and weight at last visit; height velocity in last 6 months",
                            "[ ] FBC, CRP, albumin, ALT within 3 months (if on immunomodulator or biologic)",
                            "[ ] Faecal calprotectin within 3-6 months, or ordered before a planned treatment change",
                            "[ ] Vitamin D within 12 months",
                            "[ ] Influenza vaccine this season; pneumococcal vaccine given; varicella immunity known",
                            "[ ] TPMT result on file before any thiopurine start",
                            "Ordered today: ______________________",
                            "Question for the clinician: ______________________",
                        ],
                    }
                ],
            },
            {
                "label": "2.0",
                "date": "2025-05-19",
                "notes": (
                    "Restructured into 'before', 'day of' and 'after' sections; added anaemia, anti-TNF "
                    "drug levels, psychosocial screening and transition prompts; added an EHR build guide."
                ),
                "files": [
                    {
                        "filename": "ibd-pre-visit-checklist-v2-0.pdf",
                        "title": "Checklist (printable)",
                        "text": [
                            "IBD pre-visit planning checklist - version 2.0",
                            "BEFORE (3-5 working days ahead)",
                            "[ ] PGA and wPCDAI/PUCAI recorded at last visit",
                            "[ ] Growth: height, weight, BMI z-scores; height velocity in last 6 months",
                            "[ ] Bloods due? FBC, CRP, albumin, ALT (3-monthly on therapy); ferritin and TSAT (6-monthly)",
                            "[ ] Calprotectin due, or a treatment decision expected at this visit",
                            "[ ] Anti-TNF trough due under the TDM protocol",
                            "[ ] Vitamin D and vaccines checked",
                            "[ ] Age 12 or over: psychosocial screen and transition checklist due?",
                            "DAY OF: 10-minute huddle with the clinician; hand over the planning note",
                            "AFTER: registry visit form complete; follow-up tests booked; flare plan reviewed if changed",
                        ],
                    },
                    {
                        "filename": "ibd-pre-visit-ehr-build-guide.docx",
                        "title": "EHR build guide (Epic and Cerner)",
                        "text": [
                            "Purpose: embed the checklist in the electronic record so the planning note is a structured entry.",
                            "Epic: create SmartPhrase .IBDPVP with SmartLists for each checklist line (Up to date / Due - ordered / Due - not ordered).",
                            "Epic: pull last PGA, wPCDAI and PUCAI with SmartLinks from the registry flowsheet rows.",
                            "Cerner: build PowerForm 'IBD pre-visit plan' with one section per checklist heading.",
                            "Both: file the note type as 'Pre-visit planning' so it can be counted for the process measure.",
                            "Test the build with three real clinic lists before switching off the paper version.",
                        ],
                    },
                ],
            },
        ],
        "how_to_use": [
            {"title": "Agree who plans", "text": "Name one nurse or care coordinator per clinic session and protect 30 minutes in their week for it."},
            {"title": "Test on one session", "text": "Use the checklist for a single clinic session and note which items took longest to find."},
            {"title": "Measure completion", "text": "Count the visits with a planning note each week and plot it on a run chart."},
            {"title": "Spread", "text": "Once above 80% for four weeks, extend to every IBD clinic session."},
        ],
        "time_to_adopt": "days",
    },
    {
        "slug": "jia-pre-visit-planning-checklist",
        "title": "Pre-visit planning checklist for JIA clinic",
        "summary": (
            "The IBD pre-visit checklist rebuilt for paediatric rheumatology: joint counts, cJADAS10, "
            "uveitis screening due dates, methotrexate safety bloods and function scores, prepared "
            "before each JIA clinic."
        ),
        "body": [
            ("heading", "What changed from the IBD version"),
            (
                "paragraph",
                "<p>Westmoor and Prairie kept the structure of the Northfield IBD checklist – plan three to "
                "five days ahead, write a short planning note, huddle before clinic – and replaced the "
                "content with what matters in JIA. The biggest addition is the uveitis screening due date: "
                "in our 2022 baseline, 29% of children had an overdue slit-lamp examination and nobody in "
                "clinic knew until the family mentioned it.</p>",
            ),
            (
                "table",
                {
                    "caption": "JIA pre-visit items",
                    "header": ["Item", "Network standard"],
                    "rows": [
                        ["Active joint count and cJADAS10", "Every visit"],
                        ["Uveitis screening due date", "Calculated from the uveitis screening protocol"],
                        ["Methotrexate safety bloods (FBC, ALT, creatinine)", "4 weeks after start or dose change, then every 3 months"],
                        ["Biologic: infection screen and vaccines", "Before start; vaccines checked yearly"],
                        ["CHAQ or patient-reported function score", "Every visit for polyarticular course; yearly otherwise"],
                        ["Height, weight, leg-length and jaw opening (TMJ)", "Every visit; leg length if knee involved"],
                        ["Joint injection follow-up", "Review response at 6 weeks after any injection"],
                        ["School and activity issues", "Yearly, or sooner if raised"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "tone": "warning",
                    "title": "Uveitis is silent",
                    "text": (
                        "Children with JIA-associated uveitis rarely have a red or painful eye. If the "
                        "screening date has passed, book the examination before the clinic visit rather "
                        "than waiting to discuss it."
                    ),
                },
            ),
            (
                "paragraph",
                "<p>For small centres that run IBD and JIA in one session, see the combined huddle sheet "
                "adapted from this checklist by Mountain View Paediatrics.</p>",
            ),
        ],
        "conditions": ["jia"],
        "resource_type": "checklist",
        "phase": "change",
        "audiences": ["nurses", "clinicians", "care-coordinators"],
        "tags": ["pre-visit planning", "uveitis screening", "methotrexate", "clinic workflow"],
        "licence": "CC-BY-4.0",
        "attribution": (
            "Adapted by Westmoor Children's and Prairie Children's from the Northfield 'Pre-visit planning "
            "checklist for IBD clinic' (CC BY 4.0)."
        ),
        "contributors": [("kenji.watanabe", "adapter"), ("ruth.adeyemi", "adapter"), ("claire.dubois", "reviewer")],
        "organisations": ["westmoor-childrens", "prairie-childrens"],
        "adapted_from": "ibd-pre-visit-planning-checklist",
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Any; paper version and a Word template for the planning note",
            "staff_time": "20 minutes per clinic session for a rheumatology nurse",
            "resources_needed": "JIA population-management report or equivalent list with uveitis screening dates",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2023-06-12",
                "notes": "First JIA version, tested in Westmoor's Tuesday clinic for six weeks.",
                "files": [
                    {
                        "filename": "jia-pre-visit-checklist-v1-0.pdf",
                        "title": "Checklist (printable)",
                        "text": [
                            "JIA pre-visit planning checklist - version 1.0",
                            "Complete 3-5 working days before clinic.",
                            "[ ] Active joint count and cJADAS10 recorded at last visit",
                            "[ ] Date of last slit-lamp examination: ________  Next due: ________",
                            "[ ] On methotrexate: FBC, ALT and creatinine within 3 months",
                            "[ ] On biologic: vaccines checked this year",
                            "[ ] Any joint injected since last visit? Response to review",
                            "Ordered today: ______________________",
                        ],
                    }
                ],
            },
            {
                "label": "1.1",
                "date": "2024-09-02",
                "notes": (
                    "Uveitis due date now calculated from the network uveitis screening protocol risk "
                    "groups; added CHAQ, leg length and jaw opening after Prairie's test."
                ),
                "files": [
                    {
                        "filename": "jia-pre-visit-checklist-v1-1.pdf",
                        "title": "Checklist (printable)",
                        "text": [
                            "JIA pre-visit planning checklist - version 1.1",
                            "Complete 3-5 working days before clinic.",
                            "[ ] Active joint count and cJADAS10 recorded at last visit",
                            "[ ] Uveitis risk group (protocol table): ____  Last exam: ________  Next due: ________",
                            "[ ] Exam overdue? Book ophthalmology before this visit",
                            "[ ] On methotrexate: FBC, ALT and creatinine within 3 months (4 weeks after any dose change)",
                            "[ ] On biologic: vaccines and infection screen up to date",
                            "[ ] CHAQ due (every visit if polyarticular course)",
                            "[ ] Knee involvement: leg length; any TMJ history: jaw opening",
                            "[ ] Any joint injected since last visit? Review response at 6 weeks",
                            "Ordered today: ______________________",
                            "Question for the clinician: ______________________",
                        ],
                    }
                ],
            },
        ],
        "how_to_use": [
            {"title": "Load the uveitis dates", "text": "Before the first session, enter each child's last slit-lamp examination date and risk group into the population report."},
            {"title": "Plan one session", "text": "Use the checklist for a single clinic and note which items were hardest to find."},
            {"title": "Close the loop", "text": "After clinic, record in the registry which planned items were completed."},
        ],
        "time_to_adopt": "days",
    },
    {
        "slug": "small-centre-combined-clinic-huddle-sheet",
        "title": "Pre-visit huddle sheet for small combined IBD and JIA clinics",
        "summary": (
            "A single A4 sheet for small units that see IBD and JIA in one weekly clinic: one line per "
            "child, filled in by whoever is available and talked through in a 10-minute huddle."
        ),
        "body": [
            ("heading", "Pre-visit planning when there is no planning nurse"),
            (
                "paragraph",
                "<p>Mountain View has one rheumatologist, a visiting gastroenterologist one afternoon a week, "
                "a shared clinic nurse and a data analyst two days a week. The full IBD and JIA checklists "
                "asked for more time than anyone had, so we cut them to the items that most often changed "
                "what happened in clinic and put the whole session on one sheet.</p>",
            ),
            (
                "table",
                {
                    "caption": "Columns on the huddle sheet",
                    "header": ["Column", "IBD children", "JIA children"],
                    "rows": [
                        ["Activity at last visit", "PGA", "cJADAS10"],
                        ["Bloods due", "FBC, CRP, ALT, ferritin", "FBC, ALT, creatinine"],
                        ["Drug level due", "Anti-TNF trough (per TDM protocol)", "Not routinely"],
                        ["Eye check due", "Not applicable", "Slit-lamp date from uveitis protocol"],
                        ["Growth", "Height velocity", "Height; leg length if knee involved"],
                        ["One thing to sort today", "Free text", "Free text"],
                    ],
                },
            ),
            (
                "steps",
                [
                    {"title": "Monday", "text": "The analyst prints the sheet from the registry extract with activity scores and due dates already filled in."},
                    {"title": "Tuesday", "text": "The clinic nurse adds bloods to the Thursday phlebotomy list and books overdue eye checks."},
                    {"title": "Thursday, 13:20", "text": "Ten-minute huddle with both doctors and the nurse; each child's 'one thing' is agreed."},
                    {"title": "Thursday, after clinic", "text": "Tick what got done; the analyst counts the ticks for the weekly run chart."},
                ],
            ),
            (
                "callout",
                {
                    "tone": "info",
                    "title": "What we dropped, and why",
                    "text": (
                        "Vaccines, vitamin D and psychosocial screens moved to an annual review visit "
                        "instead of every huddle. In our first three months this did not change how often "
                        "they were done, and it halved the time the huddle took."
                    ),
                },
            ),
        ],
        "conditions": ["ibd", "jia"],
        "resource_type": "template",
        "phase": "spread",
        "audiences": ["improvement-teams", "nurses", "clinicians"],
        "tags": ["pre-visit planning", "small centres", "huddle", "combined clinic"],
        "licence": "CC-BY-NC-4.0",
        "attribution": (
            "Adapted by Mountain View Paediatrics from the 'Pre-visit planning checklist for JIA clinic' "
            "(Westmoor and Prairie, CC BY 4.0), which was itself adapted from Northfield's IBD checklist."
        ),
        "contributors": [("owen.hughes", "adapter"), ("isaac.brennan", "adapter"), ("marcus.webb", "reviewer")],
        "organisations": ["mountain-view-paediatrics"],
        "adapted_from": "jia-pre-visit-planning-checklist",
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "small",
            "ehr": "Any; sheet produced from a spreadsheet registry extract",
            "staff_time": "About 1 hour a week in total across analyst and nurse, plus a 10-minute huddle",
            "resources_needed": "Weekly registry extract; a printer; agreement that the huddle starts clinic",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2025-02-10",
                "notes": "First release after 14 weekly clinics at Mountain View.",
                "files": [
                    {
                        "filename": "combined-clinic-huddle-sheet.docx",
                        "title": "Huddle sheet (editable)",
                        "text": [
                            "Combined IBD/JIA clinic - pre-visit huddle sheet",
                            "Clinic date: ________  Huddle attended by: ________",
                            "Columns: Child (initials) | Condition | Activity at last visit | Bloods due | Drug level due | Eye check due | Growth | One thing to sort today | Done?",
                            "IBD activity = PGA (quiescent / mild / moderate / severe).",
                            "JIA activity = cJADAS10 (0-30); inactive if 1 or below.",
                            "Eye check due dates come from the network uveitis screening protocol table.",
                            "Annual review items (vaccines, vitamin D, psychosocial screen) are not on this sheet.",
                            "After clinic: tick 'Done?' and hand the sheet to the analyst.",
                        ],
                    }
                ],
            }
        ],
        "how_to_use": [
            {"title": "Set up the extract", "text": "Ask your analyst or registry lead for a weekly list with last activity score, last bloods and eye-check dates."},
            {"title": "Fix the huddle time", "text": "Put the huddle in everyone's diary as the first 10 minutes of clinic."},
            {"title": "Count the ticks", "text": "Plot the percentage of 'one things' completed each week."},
        ],
        "time_to_adopt": "days",
    },
    # ------------------------------------------------------------------------------------------
    # Population management reports (chain: IBD report <- JIA report, share-alike)
    # ------------------------------------------------------------------------------------------
    {
        "slug": "ibd-population-management-registry-report",
        "title": "IBD population-management report (registry spreadsheet)",
        "summary": (
            "A spreadsheet report built from the registry extract that lists every child with IBD, "
            "flags who is on steroids, overdue for a visit or bloods, or not in remission, and sorts "
            "them so the weekly huddle starts with the highest-risk children."
        ),
        "body": [
            ("heading", "Seeing the whole clinic population, not just today's list"),
            (
                "paragraph",
                "<p>Clinic lists only show the children who are booked. The population-management report "
                "shows everyone, including the child who missed two appointments and the teenager who has "
                "been on prednisolone for 14 weeks. Teams review it weekly and assign each flagged child to "
                "a named person.</p>",
            ),
            (
                "table",
                {
                    "caption": "Flags and their rules",
                    "header": ["Flag", "Rule", "Suggested action"],
                    "rows": [
                        ["STEROID", "Systemic corticosteroid prescribed for more than 12 weeks in the last 6 months", "Discuss steroid exit plan at huddle"],
                        ["NOT SEEN", "No visit in 6 months (3 months if last PGA moderate or severe)", "Care coordinator calls family"],
                        ["ACTIVE", "Last PGA mild, moderate or severe", "Check calprotectin and treatment plan"],
                        ["LABS", "No FBC/CRP/ALT in 3 months while on immunomodulator or biologic", "Send blood form"],
                        ["TDM", "On anti-TNF with no trough level in 12 months", "Add trough to next infusion"],
                        ["GROWTH", "Height velocity z-score below −1, or no height in 6 months", "Dietitian and clinician review"],
                        ["ANAEMIA", "Last haemoglobin below the WHO threshold for age and sex", "Start anaemia protocol"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "tone": "warning",
                    "title": "Keep the file inside your organisation",
                    "text": (
                        "The template is openly licensed, but once you paste in your registry extract it "
                        "contains patient information. Store it only where your organisation allows "
                        "identifiable data and never email it."
                    ),
                },
            ),
            (
                "paragraph",
                "<p>The report is shared under CC BY-SA 4.0 so that improvements come back to the "
                "network: if you adapt it, share your version under the same licence. A JIA version "
                "has been adapted from it.</p>",
            ),
        ],
        "conditions": ["ibd"],
        "resource_type": "report",
        "phase": "measure",
        "audiences": ["improvement-teams", "care-coordinators", "clinicians"],
        "tags": ["population management", "registry", "huddle", "steroids", "spreadsheet"],
        "licence": "CC-BY-SA-4.0",
        "attribution": "Developed by Isaac Brennan (Mountain View Paediatrics) with the network office data team.",
        "contributors": [("isaac.brennan", "author"), ("marcus.webb", "author"), ("grace.lin", "reviewer")],
        "organisations": ["mountain-view-paediatrics", "network-office"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Independent of the EHR; needs the standard registry CSV extract",
            "staff_time": "15 minutes a week to refresh; 20–30 minutes for the huddle",
            "resources_needed": "Spreadsheet software; monthly or weekly registry extract; a named owner for each flag",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2022-09-05",
                "notes": "First release with four flags (steroid, not seen, active, labs).",
                "files": [
                    {
                        "filename": "ibd-population-report-v1-0.xlsx",
                        "title": "Report template with example rows",
                        "text": [
                            "Child | Diagnosis | Last visit | PGA | Steroid weeks (6 m) | Months since visit | Labs overdue | Flags",
                            "Demo A | Crohn's | 2022-08-11 | Quiescent | 0 | 1 | No | ",
                            "Demo B | UC | 2022-04-02 | Mild | 0 | 5 | Yes | ACTIVE; LABS",
                            "Demo C | Crohn's | 2022-07-28 | Moderate | 14 | 1 | No | STEROID; ACTIVE",
                            "Demo D | IBD-U | 2022-01-19 | Quiescent | 0 | 7 | Yes | NOT SEEN; LABS",
                            "Sort order: STEROID first, then ACTIVE, then NOT SEEN, then LABS.",
                        ],
                    }
                ],
            },
            {
                "label": "2.0",
                "date": "2024-04-22",
                "notes": (
                    "Added TDM, growth and anaemia flags; one row per child with the owner and due date for "
                    "each action; added a summary tab that counts flags for the monthly run chart."
                ),
                "files": [
                    {
                        "filename": "ibd-population-report-v2-0.xlsx",
                        "title": "Report template with example rows",
                        "text": [
                            "Child | Diagnosis | Last visit | PGA | Steroid weeks (6 m) | Last trough | Height velocity z | Hb g/L | Flags | Owner | Due",
                            "Demo A | Crohn's | 2024-03-14 | Quiescent | 0 | 2024-01-09 | 0.2 | 128 |  |  | ",
                            "Demo B | UC | 2023-10-02 | Mild | 0 | n/a | -0.4 | 117 | NOT SEEN; ACTIVE | Care coordinator | 2024-04-29",
                            "Demo C | Crohn's | 2024-04-04 | Moderate | 15 | 2023-02-20 | -1.3 | 104 | STEROID; ACTIVE; TDM; GROWTH; ANAEMIA | IBD consultant | 2024-04-25",
                            "Demo D | Crohn's | 2024-02-27 | Quiescent | 0 | 2023-11-30 | -0.1 | 131 |  |  | ",
                            "Summary tab | Children | Any flag | STEROID | NOT SEEN | TDM | ANAEMIA",
                            "Summary tab | 212 | 61 | 9 | 17 | 14 | 23",
                        ],
                    },
                    {
                        "filename": "ibd-population-report-guide.pdf",
                        "title": "How to refresh the report",
                        "text": [
                            "1. Download the registry extract (CSV, all active IBD patients).",
                            "2. Paste it into the 'Extract' tab without changing the column order.",
                            "3. The 'Report' tab recalculates flags; sort by the 'Priority' column.",
                            "4. In the huddle, give each flagged child an owner and a due date.",
                            "5. Copy the 'Summary' tab counts into the monthly run chart.",
                            "6. Delete the extract from shared drives once the huddle is done, as your information governance rules require.",
                        ],
                    },
                ],
            },
        ],
        "how_to_use": [
            {"title": "Get the extract", "text": "Ask your registry lead for the standard CSV extract of all active IBD patients."},
            {"title": "Refresh weekly", "text": "Paste the extract in every week before the huddle."},
            {"title": "Assign owners", "text": "Every flagged child leaves the huddle with a named owner and a due date."},
            {"title": "Watch the summary", "text": "Plot the flag counts monthly; a falling STEROID count is an early sign the change package is working."},
        ],
        "time_to_adopt": "weeks",
    },
    {
        "slug": "jia-population-management-registry-report",
        "title": "JIA population-management report (registry spreadsheet)",
        "summary": (
            "The IBD population report adapted for JIA: flags children with active disease, overdue "
            "uveitis screening, missing methotrexate safety bloods or no visit in six months, sorted "
            "for a weekly rheumatology huddle."
        ),
        "body": [
            ("heading", "Adapting the IBD report for rheumatology"),
            (
                "paragraph",
                "<p>We kept the layout, the weekly refresh and the 'owner and due date' rule from the IBD "
                "report and replaced the flags. Because the source is shared under CC BY-SA 4.0, this "
                "version is shared under the same licence.</p>",
            ),
            (
                "table",
                {
                    "caption": "JIA flags",
                    "header": ["Flag", "Rule"],
                    "rows": [
                        ["ACTIVE", "cJADAS10 above 1 at the last visit"],
                        ["EYES", "Slit-lamp examination overdue under the uveitis screening protocol"],
                        ["MTX LABS", "On methotrexate with no FBC and ALT in the last 3 months"],
                        ["NOT SEEN", "No visit in 6 months (3 months if cJADAS10 above 1)"],
                        ["STEROID", "Oral corticosteroid for more than 8 weeks"],
                        ["INJECTION", "Joint injected more than 6 weeks ago with no recorded response"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "tone": "tip",
                    "title": "Start with EYES",
                    "text": (
                        "In the first month at Westmoor, clearing the EYES flags gave the quickest win: "
                        "most overdue examinations were booked with one phone call to ophthalmology."
                    ),
                },
            ),
        ],
        "conditions": ["jia"],
        "resource_type": "report",
        "phase": "measure",
        "audiences": ["improvement-teams", "clinicians", "nurses"],
        "tags": ["population management", "registry", "uveitis screening", "spreadsheet"],
        "licence": "CC-BY-SA-4.0",
        "attribution": (
            "Adapted by Westmoor Children's and Mountain View Paediatrics from the 'IBD population-management "
            "report' by Isaac Brennan and the network office (CC BY-SA 4.0)."
        ),
        "contributors": [("kenji.watanabe", "adapter"), ("isaac.brennan", "adapter"), ("owen.hughes", "reviewer")],
        "organisations": ["westmoor-childrens", "mountain-view-paediatrics"],
        "adapted_from": "ibd-population-management-registry-report",
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Independent of the EHR; needs the JIA registry CSV extract including last eye-exam date",
            "staff_time": "15 minutes a week to refresh; 20 minutes for the huddle",
            "resources_needed": "Spreadsheet software; registry extract; ophthalmology booking contact",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2024-11-18",
                "notes": "First JIA release, tested for ten weeks at Westmoor and Mountain View.",
                "files": [
                    {
                        "filename": "jia-population-report-v1-0.xlsx",
                        "title": "Report template with example rows",
                        "text": [
                            "Child | JIA category | Last visit | cJADAS10 | Uveitis risk group | Last eye exam | Eye exam due | On MTX | Last FBC/ALT | Flags | Owner | Due",
                            "Demo E | Oligoarticular, ANA+ | 2024-10-08 | 0.5 | High | 2024-08-20 | 2024-11-20 | Yes | 2024-09-30 |  |  | ",
                            "Demo F | Polyarticular RF- | 2024-06-12 | 4.5 | Medium | 2024-02-14 | 2024-08-14 | Yes | 2024-05-22 | ACTIVE; EYES; MTX LABS; NOT SEEN | Rheumatology nurse | 2024-11-25",
                            "Demo G | Enthesitis-related | 2024-09-03 | 2.0 | Low | 2024-01-10 | 2025-01-10 | No | n/a | ACTIVE | Consultant | 2024-12-03",
                            "Demo H | Oligoarticular, ANA- | 2024-10-29 | 1.0 | Medium | 2024-05-02 | 2024-11-02 | No | n/a | EYES | Rheumatology nurse | 2024-11-22",
                            "Summary tab | Children | Any flag | ACTIVE | EYES | MTX LABS | NOT SEEN",
                            "Summary tab | 143 | 39 | 22 | 11 | 6 | 9",
                        ],
                    }
                ],
            }
        ],
        "how_to_use": [
            {"title": "Add eye-exam dates", "text": "Make sure the extract includes the date of the last slit-lamp examination and the uveitis risk group."},
            {"title": "Refresh weekly", "text": "Paste the extract in before the weekly huddle."},
            {"title": "Share back", "text": "If you change the flags, publish your version on the Commons under CC BY-SA 4.0."},
        ],
        "time_to_adopt": "weeks",
    },
    # ------------------------------------------------------------------------------------------
    # Self-management (chain: flare action plan <- teen version, non-commercial)
    # ------------------------------------------------------------------------------------------
    {
        "slug": "ibd-flare-action-plan",
        "title": "IBD flare action plan for families",
        "summary": (
            "A green, amber and red action plan that helps families recognise a flare early, know "
            "what to do at home, and know when to call the IBD team or go to the emergency department."
        ),
        "body": [
            ("heading", "A plan agreed before it is needed"),
            (
                "paragraph",
                "<p>Families told our advisory council that the hardest part of a flare was not knowing "
                "whether it was 'bad enough' to call. This plan is filled in with the family at a routine "
                "visit, when everyone is calm, and kept on the fridge or as a photo on a phone.</p>",
            ),
            (
                "table",
                {
                    "caption": "The three zones",
                    "header": ["Zone", "What you might notice", "What to do"],
                    "rows": [
                        [
                            "Green – doing well",
                            "Usual number of stools, no blood, eating and sleeping normally, going to school",
                            "Keep taking medicines as prescribed; keep planned blood tests and appointments",
                        ],
                        [
                            "Amber – possible flare",
                            "More stools than usual for 3 days, some blood, tummy pain that wakes them, "
                            "tiredness, off food, mouth ulcers or a new rash",
                            "Call the IBD nurse advice line the same or next working day; start a symptom diary; "
                            "you may be asked for a stool sample for calprotectin",
                        ],
                        [
                            "Red – get help now",
                            "Six or more bloody stools a day, severe or constant tummy pain, vomiting, a swollen "
                            "tummy, fever above 38 °C on immunosuppressing medicines, fainting or dizziness",
                            "Call the IBD team urgently during working hours; out of hours go to the emergency "
                            "department and take this plan and a list of medicines",
                        ],
                    ],
                },
            ),
            (
                "callout",
                {
                    "tone": "warning",
                    "title": "Fever on immunosuppressing medicines",
                    "text": (
                        "A temperature above 38 °C in a child taking azathioprine, methotrexate or a "
                        "biologic needs a same-day medical review, even if the bowel symptoms are settled."
                    ),
                },
            ),
            (
                "paragraph",
                "<p>The clinician completes the medicines section and the contact details for their own "
                "service at the visit. A version written with and for teenagers is also available.</p>",
            ),
        ],
        "conditions": ["ibd"],
        "resource_type": "handout",
        "phase": "implement",
        "audiences": ["patients", "parents-families", "nurses"],
        "tags": ["self-management", "flare", "action plan", "family education"],
        "licence": "CC-BY-NC-4.0",
        "attribution": (
            "Written by Northfield Children's Hospital IBD team with the Patient and Family Advisory "
            "Council. Free to adapt for non-commercial use with attribution."
        ),
        "contributors": [("grace.lin", "author"), ("jonah.price", "author"), ("amara.nwosu", "reviewer"), ("samuel.okafor", "reviewer")],
        "organisations": ["northfield-childrens", "family-advisory-council"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "home",
            "centre_size": "any",
            "ehr": "Any; scan the completed plan into the record",
            "staff_time": "10 minutes at a routine visit to complete with the family",
            "resources_needed": "A nurse advice line with a same- or next-day call-back; printed colour copies",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2022-11-07",
                "notes": "First release after a read-through by six families.",
                "files": [
                    {
                        "filename": "ibd-flare-action-plan-v1-0.pdf",
                        "title": "Action plan (to complete with the family)",
                        "text": [
                            "My IBD flare action plan",
                            "GREEN - I am well: keep taking my medicines; keep my appointments.",
                            "AMBER - I might be flaring: more stools for 3 days, blood, pain at night, tired, off food.",
                            "AMBER - What to do: call the IBD nurse line the same or next working day.",
                            "RED - Get help now: 6+ bloody stools a day, severe pain, vomiting, fever, fainting.",
                            "RED - What to do: call the IBD team urgently; out of hours go to the emergency department.",
                            "My medicines (completed by my clinician): ______________________",
                            "My IBD team's contact details: ______________________",
                        ],
                    }
                ],
            },
            {
                "label": "1.1",
                "date": "2024-01-15",
                "notes": (
                    "Red zone now includes fever above 38 °C on immunosuppressing medicines; amber zone "
                    "mentions mouth ulcers and rashes; plain-language edits from the family council."
                ),
                "files": [
                    {
                        "filename": "ibd-flare-action-plan-v1-1.pdf",
                        "title": "Action plan (to complete with the family)",
                        "text": [
                            "My IBD flare action plan",
                            "GREEN - Doing well: usual stools, no blood, eating and sleeping well, at school.",
                            "GREEN - What to do: keep taking medicines; keep blood tests and appointments.",
                            "AMBER - Might be flaring: more stools for 3 days, some blood, pain that wakes me, very tired, off food, mouth ulcers, new rash.",
                            "AMBER - What to do: call the IBD nurse line the same or next working day; start a symptom diary.",
                            "RED - Get help now: 6 or more bloody stools a day, severe or constant pain, vomiting, swollen tummy, fainting.",
                            "RED - Also red: temperature above 38 °C while taking azathioprine, methotrexate or a biologic.",
                            "RED - What to do: call the IBD team urgently; out of hours go to the emergency department with this plan.",
                            "My medicines (completed by my clinician): ______________________",
                            "My IBD team's contact details: ______________________",
                        ],
                    }
                ],
            },
        ],
        "how_to_use": [
            {"title": "Complete it together", "text": "Fill in the plan with the family at a routine visit, not during a flare."},
            {"title": "Check understanding", "text": "Ask the family to tell you in their own words what they would do for two amber and one red symptom."},
            {"title": "Review yearly", "text": "Review the plan at the annual review and after any change of medicine."},
        ],
        "time_to_adopt": "hours",
    },
    {
        "slug": "ibd-flare-action-plan-for-teens",
        "title": "My flare plan: an IBD action plan written with teenagers",
        "summary": (
            "The family flare plan rewritten by and for 13- to 18-year-olds: first person, shorter, "
            "with what to do at school, during exams and at weekends, and how to contact the team "
            "yourself."
        ),
        "body": [
            ("heading", "Why a separate version for teenagers"),
            (
                "paragraph",
                "<p>Young people on the advisory council said the family plan was written for their "
                "parents. Teenagers increasingly manage flares on their own – at school, at a friend's "
                "house, on a school trip – and want to be able to contact the team themselves. This "
                "version keeps the same green, amber and red thresholds so that clinical advice does not "
                "change, but the language, the examples and the 'what to do' are theirs.</p>",
            ),
            (
                "steps",
                [
                    {"title": "Notice", "text": "'I've been going more than usual for three days, or there's blood, or pain is waking me up.'"},
                    {"title": "Tell someone", "text": "'I tell my parent or carer, or the school nurse if I'm at school.'"},
                    {"title": "Contact the team", "text": "'I message or call the IBD nurse line myself – I don't have to wait for someone else to do it.'"},
                    {"title": "Plan for school", "text": "'I use my toilet pass and rest pass; if there are exams, I ask about access arrangements.'"},
                    {"title": "Know my red flags", "text": "'If I'm passing blood six or more times a day, have bad pain, vomiting or a fever on my meds, I get help now.'"},
                ],
            ),
            (
                "callout",
                {
                    "tone": "info",
                    "title": "Alcohol, parties and missed doses",
                    "text": (
                        "The plan includes a short, non-judgemental section on alcohol with immunosuppressing "
                        "medicines and what to do after a missed dose, because teenagers told us these were "
                        "the questions they would not ask in front of a parent."
                    ),
                },
            ),
        ],
        "conditions": ["ibd"],
        "resource_type": "handout",
        "phase": "spread",
        "audiences": ["patients"],
        "tags": ["self-management", "flare", "adolescents", "transition", "co-design"],
        "licence": "CC-BY-NC-SA-4.0",
        "attribution": (
            "Adapted by Jonah Price and Yusuf Ali with the Patient and Family Advisory Council from the "
            "Northfield 'IBD flare action plan for families' (CC BY-NC 4.0)."
        ),
        "contributors": [("jonah.price", "adapter"), ("yusuf.ali", "adapter"), ("maya.patel", "reviewer"), ("grace.lin", "reviewer")],
        "organisations": ["family-advisory-council", "st-brigids-childrens"],
        "adapted_from": "ibd-flare-action-plan",
        "transferability": {
            "care_setting": "home",
            "centre_size": "any",
            "ehr": "Any",
            "staff_time": "10 minutes, ideally during time alone with the young person",
            "resources_needed": "A nurse advice line that accepts calls or messages from young people directly",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2025-03-03",
                "notes": "First release; read-through by nine young people aged 13–19.",
                "files": [
                    {
                        "filename": "my-ibd-flare-plan-teens.pdf",
                        "title": "My flare plan (teen version)",
                        "text": [
                            "My flare plan",
                            "Green: I'm doing well. I take my meds, even when I feel fine.",
                            "Amber: More trips to the toilet for 3 days, blood, pain waking me, wiped out, off food.",
                            "Amber - what I do: tell someone and contact the IBD nurse line myself today or tomorrow.",
                            "Red: 6+ bloody poos a day, bad pain, vomiting, swollen tummy, fainting, or a fever on my meds.",
                            "Red - what I do: get help now. Out of hours: emergency department, with this plan.",
                            "At school: toilet pass, rest pass, exam access arrangements - ask the school to use the letter from my team.",
                            "Alcohol: it can irritate the gut and interacts with methotrexate - ask my team what is safe for me.",
                            "Missed a dose? Check the sheet for my medicine or message the nurse line; don't double up unless told to.",
                            "My IBD nurse line: ______________________",
                        ],
                    }
                ],
            }
        ],
        "how_to_use": [
            {"title": "Offer it from 13", "text": "Offer the teen version from about age 13, during time alone with the young person."},
            {"title": "Let them fill it in", "text": "Ask the young person to write the medicines section themselves and check it with them."},
            {"title": "Link to transition", "text": "Use it alongside the transition readiness checklist."},
        ],
        "time_to_adopt": "hours",
    },
    # ------------------------------------------------------------------------------------------
    # Transition and shared decision making (cross-cutting)
    # ------------------------------------------------------------------------------------------
    {
        "slug": "transition-readiness-checklist",
        "title": "Transition readiness checklist for young people with a long-term condition",
        "summary": (
            "A yearly checklist from age 12 that young people complete themselves, covering knowledge of "
            "their condition, medicines, booking appointments and talking to clinicians alone, with "
            "condition-specific items for IBD, JIA, diabetes and congenital heart disease."
        ),
        "body": [
            ("heading", "Transition is a process, transfer is a date"),
            (
                "paragraph",
                "<p>Moving to adult services goes best when skills are built over several years. This "
                "checklist is completed by the young person once a year from age 12. It is not a test: "
                "each 'not yet' becomes a goal for the coming year, agreed with the team.</p>",
            ),
            (
                "table",
                {
                    "caption": "Skills by age (the checklist asks about all of them)",
                    "header": ["By about age", "Skill"],
                    "rows": [
                        ["12–13", "Name my condition and explain it in a sentence; name my medicines and what they are for"],
                        ["14", "Spend part of each visit with the clinician without my parent; answer questions myself"],
                        ["15", "Know my doses and when to take them; order repeat prescriptions with help"],
                        ["16", "Book and change my own appointments; know what to do in a flare or emergency"],
                        ["17", "Know how confidentiality changes at 16–18; carry a summary of my condition"],
                        ["18", "Have met my adult team; know where and when my first adult appointment is"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p><strong>Condition-specific items</strong> are included on the back page:</p>"
                "<ul><li><strong>IBD</strong>: my disease extent, my last colonoscopy and why calprotectin is checked.</li>"
                "<li><strong>JIA</strong>: which joints have been affected, why eye checks continue and how to give my injection.</li>"
                "<li><strong>Type 1 diabetes</strong>: adjusting insulin for exercise and alcohol, sick-day rules, driving rules.</li>"
                "<li><strong>Congenital heart disease</strong>: the name of my heart operation(s), endocarditis prevention, "
                "contraception and pregnancy advice.</li></ul>",
            ),
            (
                "callout",
                {
                    "tone": "tip",
                    "title": "Score it, but do not grade it",
                    "text": (
                        "Teams that recorded a simple count of 'yes' items could show progress on a run chart "
                        "without turning the checklist into an exam. Young people told us the word 'pass' "
                        "should never appear."
                    ),
                },
            ),
        ],
        "conditions": ["ibd", "jia", "type-1-diabetes", "single-ventricle"],
        "resource_type": "checklist",
        "phase": "implement",
        "audiences": ["patients", "parents-families", "clinicians", "care-coordinators"],
        "tags": ["transition", "adolescents", "self-management", "cross-condition"],
        "licence": "CC-BY-4.0",
        "attribution": (
            "Developed by the network transition working group (Eastgate University Children's Hospital and "
            "the Patient and Family Advisory Council), informed by the AAP/AAFP/ACP clinical report on "
            "health care transition."
        ),
        "contributors": [
            ("priya.raman", "author"),
            ("jonah.price", "author"),
            ("carlos.mendes", "author"),
            ("helen.fraser", "reviewer"),
            ("maya.patel", "reviewer"),
        ],
        "organisations": ["eastgate-university-childrens", "family-advisory-council", "riverbend-childrens"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Any; a PDF form and a patient-portal questionnaire version",
            "staff_time": "10 minutes for the young person; 5 minutes for the clinician to agree goals",
            "resources_needed": "A named transition lead in each service; a way to record the 'yes' count",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2023-04-03",
                "notes": "First release for IBD and JIA clinics at Eastgate and Riverbend.",
                "files": [
                    {
                        "filename": "transition-readiness-checklist-v1-0.pdf",
                        "title": "Checklist for young people",
                        "text": [
                            "Getting ready for adult care - my checklist",
                            "Answer: Yes / Learning / Not yet",
                            "I can name my condition and explain it in one sentence.",
                            "I can name my medicines and what each one is for.",
                            "I spend part of my appointment without my parent or carer.",
                            "I know my doses and when to take them.",
                            "I can book or change my own appointments.",
                            "I know what to do if I get worse or in an emergency.",
                            "I know how confidentiality works when I am 16 and over.",
                            "My goals for this year: ______________________",
                        ],
                    }
                ],
            },
            {
                "label": "1.1",
                "date": "2024-08-26",
                "notes": (
                    "Added condition-specific back pages for type 1 diabetes and congenital heart disease after "
                    "review by Bayside and Harbour City; 'Pass/Fail' wording removed; added the yearly count box."
                ),
                "files": [
                    {
                        "filename": "transition-readiness-checklist-v1-1.pdf",
                        "title": "Checklist for young people",
                        "text": [
                            "Getting ready for adult care - my checklist (complete once a year from age 12)",
                            "Answer: Yes / Learning / Not yet",
                            "Knowing my condition: name it, explain it, name my medicines and why I take them.",
                            "At appointments: time alone with my clinician; asking my own questions.",
                            "Medicines: knowing doses; ordering repeats; what to do if I miss one.",
                            "Appointments: booking and changing them; getting there.",
                            "Emergencies: what to do and who to call; carrying a summary of my condition.",
                            "Adult care: confidentiality from 16; meeting my adult team; date of my first adult appointment.",
                            "Back page - IBD: disease extent, last colonoscopy, why calprotectin is checked.",
                            "Back page - JIA: joints affected, why eye checks continue, giving my injection.",
                            "Back page - Type 1 diabetes: exercise and alcohol, sick-day rules, driving.",
                            "Back page - Heart: my operations, endocarditis prevention, contraception and pregnancy advice.",
                            "Number of 'Yes' answers this year: ____  Goals for this year: ______________________",
                        ],
                    },
                    {
                        "filename": "transition-readiness-clinician-notes.docx",
                        "title": "Notes for clinicians",
                        "text": [
                            "Introduce the checklist at the first visit after the 12th birthday, together with the service's transition policy.",
                            "Ask the young person to complete it alone; parents have a separate, shorter version.",
                            "Agree one or two goals from the 'Not yet' answers and record them in the visit note.",
                            "Record the number of 'Yes' answers in the registry field 'Transition readiness count'.",
                            "From age 14, offer part of every visit without the parent; record whether this happened.",
                            "Six months before transfer, send the medical summary to the adult team and book a joint or handover appointment.",
                        ],
                    },
                ],
            },
        ],
        "how_to_use": [
            {"title": "Introduce at 12", "text": "Give the checklist with the transition policy at the first visit after the 12th birthday."},
            {"title": "Repeat yearly", "text": "Add it to pre-visit planning so it is offered once a year."},
            {"title": "Turn gaps into goals", "text": "Agree one or two goals from 'Not yet' answers and check them next year."},
        ],
        "time_to_adopt": "weeks",
    },
    {
        "slug": "ibd-biologic-shared-decision-making-aid",
        "title": "Choosing a biologic for IBD: a decision aid for young people and families",
        "summary": (
            "A decision aid comparing infliximab, adalimumab, ustekinumab and vedolizumab on how they "
            "are given, how often, monitoring and practical trade-offs, with a values exercise to bring "
            "to the clinic conversation."
        ),
        "body": [
            ("heading", "There is usually more than one reasonable choice"),
            (
                "paragraph",
                "<p>When a child with Crohn's disease or ulcerative colitis needs a biologic, the evidence "
                "often supports more than one option, and what matters to the family – needles or drips, "
                "school days missed, travel to hospital – can reasonably decide between them. The aid "
                "follows the three-step 'choice, option, decision' model: it says that a choice exists, "
                "sets the options side by side, and helps the family say what matters most.</p>",
            ),
            (
                "table",
                {
                    "caption": "Options at a glance (your team will say which are suitable for you)",
                    "header": ["", "Infliximab", "Adalimumab", "Ustekinumab", "Vedolizumab"],
                    "rows": [
                        ["How it is given", "Drip (infusion) in hospital", "Injection under the skin at home", "First dose by drip, then injections at home", "Drip (infusion) in hospital"],
                        ["How often, once established", "Usually every 8 weeks", "Usually every 2 weeks, sometimes weekly", "Usually every 8 weeks", "Usually every 8 weeks"],
                        ["Time per dose", "Half a day in the infusion unit", "A few minutes", "A few minutes", "Half a day in the infusion unit"],
                        ["Drug levels checked", "Yes, routinely", "Yes, routinely", "Sometimes", "Sometimes"],
                        ["Things families mention", "Missing school for infusions; time to talk to the nurse", "Injection discomfort; keeping it in the fridge; travel", "Fewer doses; used after or instead of anti-TNF in some children", "Acts mainly on the gut; often used in ulcerative colitis"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "tone": "info",
                    "title": "About risks",
                    "text": (
                        "All biologics lower the body's defences a little, so infections need prompt "
                        "attention and live vaccines need planning. Serious side effects are uncommon; your "
                        "clinician will explain the risks that apply to your child, including how they change "
                        "if a second medicine such as azathioprine or methotrexate is added."
                    ),
                },
            ),
            (
                "steps",
                [
                    {"title": "What matters most to you?", "text": "Rate from 1 to 5: avoiding needles; fewest hospital visits; least time off school; fewest doses; starting the quickest."},
                    {"title": "What worries you?", "text": "Write down any worry, however small, to bring to the appointment."},
                    {"title": "Who else should be involved?", "text": "Other carers, school, or the young person's own view if they have not said it yet."},
                    {"title": "Bring it to clinic", "text": "Bring this page to the appointment so the discussion starts from your answers."},
                ],
            ),
        ],
        "conditions": ["ibd"],
        "resource_type": "guide",
        "phase": "change",
        "audiences": ["patients", "parents-families", "clinicians"],
        "tags": ["shared decision making", "biologics", "anti-TNF", "decision aid"],
        "licence": "CC-BY-NC-ND-4.0",
        "attribution": (
            "Developed by Eastgate University Children's Hospital and Lakeshore Paediatrics with the Patient "
            "and Family Advisory Council. Shared without derivatives so that the balance of the option "
            "table is not altered; please contact the authors to propose changes."
        ),
        "contributors": [
            ("priya.raman", "author"),
            ("tom.alvarez", "author"),
            ("jonah.price", "author"),
            ("samuel.okafor", "reviewer"),
            ("amara.nwosu", "reviewer"),
        ],
        "organisations": ["eastgate-university-childrens", "lakeshore-paediatrics", "family-advisory-council"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Any",
            "staff_time": "Family reads it before the visit; adds about 5 minutes to the consultation",
            "resources_needed": "Send it with the appointment letter when a biologic is likely to be discussed",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2024-10-07",
                "notes": "First release after testing with 18 families at Eastgate and Lakeshore.",
                "files": [
                    {
                        "filename": "choosing-a-biologic-for-ibd.pdf",
                        "title": "Decision aid (family version)",
                        "text": [
                            "Choosing a biologic for IBD",
                            "Your team thinks a biologic medicine could help. There is usually more than one good choice.",
                            "Infliximab - a drip in hospital, usually every 8 weeks once established.",
                            "Adalimumab - an injection at home, usually every 2 weeks.",
                            "Ustekinumab - first dose by drip, then an injection at home usually every 8 weeks.",
                            "Vedolizumab - a drip in hospital, usually every 8 weeks; acts mainly on the gut.",
                            "All of them need blood tests and attention to infections and vaccines.",
                            "What matters most to us (1 = not important, 5 = very important): needles __ hospital visits __ school __ number of doses __ speed __",
                            "Our questions for the team: ______________________",
                        ],
                    },
                    {
                        "filename": "choosing-a-biologic-clinician-guide.pdf",
                        "title": "Guide for clinicians",
                        "text": [
                            "Use with families when more than one biologic is clinically reasonable.",
                            "Choice talk: 'There is more than one good option here, and your preferences matter.'",
                            "Option talk: go through the table; add local availability and any option that is not suitable and why.",
                            "Decision talk: start from the family's ratings; check the young person's own view separately.",
                            "Discuss combination therapy with an immunomodulator and its trade-offs where relevant.",
                            "Record the decision and the main reason in the registry 'shared decision' field.",
                        ],
                    },
                ],
            }
        ],
        "how_to_use": [
            {"title": "Send ahead", "text": "Post or message the aid with the appointment letter when a biologic decision is expected."},
            {"title": "Start from their answers", "text": "Open the consultation by asking what the family rated as most important."},
            {"title": "Record the decision", "text": "Record the choice and the main reason; audit how often the aid was used."},
        ],
        "time_to_adopt": "days",
    },
    # ------------------------------------------------------------------------------------------
    # Methotrexate teaching (chain: nurse checklist <- family handout)
    # ------------------------------------------------------------------------------------------
    {
        "slug": "jia-methotrexate-nurse-teaching-checklist",
        "title": "Methotrexate teaching checklist for rheumatology nurses",
        "summary": (
            "A structured checklist for the nurse teaching session before a child starts methotrexate: "
            "weekly dosing, folic acid, blood monitoring, infections and vaccines, nausea, safe handling "
            "and injection technique, with teach-back questions."
        ),
        "body": [
            ("heading", "One session, every time, covering the same ground"),
            (
                "paragraph",
                "<p>Before this checklist, what families were told about methotrexate depended on who "
                "taught them. An audit at Prairie found that a third of families could not say the "
                "medicine was taken once a week, which is the single most important safety message. The "
                "checklist makes the teaching session consistent and ends with teach-back questions so the "
                "nurse knows the key messages landed.</p>",
            ),
            (
                "table",
                {
                    "caption": "Teaching topics",
                    "header": ["Topic", "Key message"],
                    "rows": [
                        ["Dose and day", "Once a week, on the same day every week – never daily"],
                        ["Folic acid", "Taken as prescribed to reduce side effects; not on the methotrexate day unless told otherwise"],
                        ["Blood tests", "Before starting, about 4 weeks after starting or a dose change, then every 3 months"],
                        ["Infections", "Call the team for fever, chickenpox or shingles contact, or a severe infection"],
                        ["Vaccines", "Inactivated vaccines are fine and recommended; live vaccines need discussion with the team first"],
                        ["Nausea and 'methotrexate aversion'", "Common; tell the team early – timing, anti-sickness medicine and distraction help"],
                        ["Alcohol and other medicines", "Avoid alcohol; check before taking trimethoprim or co-trimoxazole"],
                        ["Pregnancy", "For post-pubertal young people: methotrexate must not be taken in pregnancy; discuss contraception"],
                        ["Handling and disposal", "Use the pre-filled pen or syringe as shown; gloves if handling tablets for someone else; sharps bin"],
                    ],
                },
            ),
            (
                "steps",
                [
                    {"title": "Teach", "text": "Work through each topic using the family handout as the visual aid."},
                    {"title": "Demonstrate", "text": "Show the injection with a training pen; the parent or young person then gives a practice injection into a pad."},
                    {"title": "Teach back", "text": "Ask: 'Which day will you give it?', 'What would you do if they had a fever?', 'When is the next blood test?'"},
                    {"title": "Document", "text": "Tick each topic, record the teach-back answers and give the family the first blood-test form."},
                ],
            ),
            (
                "callout",
                {
                    "tone": "warning",
                    "title": "Weekly, not daily",
                    "text": (
                        "Daily dosing errors with methotrexate cause serious harm. Write the day of the week "
                        "on the prescription label, the handout and the family's phone calendar during the "
                        "session."
                    ),
                },
            ),
        ],
        "conditions": ["jia"],
        "resource_type": "checklist",
        "phase": "implement",
        "audiences": ["nurses"],
        "tags": ["methotrexate", "medication safety", "family education", "teach-back"],
        "licence": "CC-BY-4.0",
        "attribution": "Developed by Ruth Adeyemi (Prairie Children's) and Claire Dubois (St Brigid's Children's).",
        "contributors": [("ruth.adeyemi", "author"), ("claire.dubois", "author"), ("kenji.watanabe", "reviewer")],
        "organisations": ["prairie-childrens", "st-brigids-childrens"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Any; checklist can be scanned or built as a nursing note template",
            "staff_time": "45–60 minutes for the first teaching session; 15 minutes at the first follow-up call",
            "resources_needed": "Training pens and injection pads; family handout; blood-test forms",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2022-07-11",
                "notes": "First release, used for 31 new starts at Prairie.",
                "files": [
                    {
                        "filename": "methotrexate-teaching-checklist-v1-0.pdf",
                        "title": "Nurse teaching checklist",
                        "text": [
                            "Methotrexate teaching checklist - version 1.0",
                            "[ ] Weekly dosing; day agreed: ____________",
                            "[ ] Folic acid explained",
                            "[ ] Blood test schedule explained; first form given",
                            "[ ] Infection and chickenpox contact advice",
                            "[ ] Live vaccine advice",
                            "[ ] Nausea management",
                            "[ ] Injection demonstrated and practised",
                            "Nurse: ____________ Date: ____________",
                        ],
                    }
                ],
            },
            {
                "label": "2.0",
                "date": "2024-03-04",
                "notes": (
                    "Added teach-back questions, alcohol and interacting antibiotics, pregnancy and "
                    "contraception for post-pubertal young people, and safe handling; reordered to put "
                    "weekly dosing first."
                ),
                "files": [
                    {
                        "filename": "methotrexate-teaching-checklist-v2-0.pdf",
                        "title": "Nurse teaching checklist",
                        "text": [
                            "Methotrexate teaching checklist - version 2.0",
                            "[ ] ONCE A WEEK - day agreed and written on label, handout and phone: ____________",
                            "[ ] Folic acid: dose and days explained",
                            "[ ] Blood tests: before start, ~4 weeks after start or dose change, then every 3 months",
                            "[ ] Infections: fever, chickenpox/shingles contact - call the team",
                            "[ ] Vaccines: inactivated recommended; live vaccines only after discussion",
                            "[ ] Nausea and aversion: report early",
                            "[ ] Alcohol avoided; check before trimethoprim or co-trimoxazole",
                            "[ ] Post-pubertal: pregnancy and contraception discussed",
                            "[ ] Handling, pen technique practised, sharps bin supplied",
                            "Teach-back: Which day? What if fever? When is the next blood test?  Answers correct: Y / N",
                            "Nurse: ____________ Date: ____________",
                        ],
                    }
                ],
            },
        ],
        "how_to_use": [
            {"title": "Book a dedicated session", "text": "Schedule teaching as its own appointment, not at the end of a clinic visit."},
            {"title": "Use teach-back every time", "text": "Do not finish the session until all three teach-back answers are correct."},
            {"title": "Follow up", "text": "Phone the family after the second dose to ask about nausea and technique."},
        ],
        "time_to_adopt": "hours",
    },
    {
        "slug": "jia-methotrexate-family-handout",
        "title": "Methotrexate at home: a guide for families of children with JIA",
        "summary": (
            "A family handout built from the nurse teaching checklist: why methotrexate is used, giving "
            "it once a week, blood tests, what to do about fever, nausea and vaccines, and a weekly "
            "dose record."
        ),
        "body": [
            ("heading", "Written by a parent and a nurse together"),
            (
                "paragraph",
                "<p>Amara Nwosu, whose daughter has taken methotrexate for four years, rewrote the nurse "
                "teaching checklist into a handout with Ruth Adeyemi. It uses the same key messages, in the "
                "same order, so that what families read at home matches what they heard in the teaching "
                "session.</p>",
            ),
            (
                "paragraph",
                "<p><strong>What families said they needed</strong>:</p>"
                "<ul><li>A big, clear 'ONCE A WEEK' on the front page.</li>"
                "<li>Honest words about nausea and the feeling of dread before injection day, and that it can be helped.</li>"
                "<li>A tear-off weekly record to stick on the fridge.</li>"
                "<li>What to say to school and to other carers.</li></ul>",
            ),
            (
                "callout",
                {
                    "tone": "tip",
                    "title": "Tips from other parents",
                    "text": (
                        "Give the injection on a Friday evening so that any tiredness or nausea falls at the "
                        "weekend; have a favourite snack or programme ready; let your child choose the site."
                    ),
                },
            ),
            (
                "table",
                {
                    "caption": "When to call the team",
                    "header": ["If your child has…", "Do this"],
                    "rows": [
                        ["A fever above 38 °C or seems very unwell", "Call the team the same day; out of hours, seek urgent medical advice"],
                        ["Been in contact with chickenpox or shingles and is not immune", "Call the team within 3 days of contact"],
                        ["Mouth ulcers, unusual bruising or bleeding", "Call the team the same day"],
                        ["Nausea that is making injections hard", "Mention it at the next phone call – do not wait for clinic"],
                        ["A vaccination due", "Check with the team first if it is a live vaccine"],
                    ],
                },
            ),
        ],
        "conditions": ["jia"],
        "resource_type": "handout",
        "phase": "implement",
        "audiences": ["parents-families", "patients"],
        "tags": ["methotrexate", "family education", "medication safety", "co-design"],
        "licence": "CC-BY-NC-4.0",
        "attribution": (
            "Adapted by Amara Nwosu (Patient and Family Advisory Council) and Ruth Adeyemi (Prairie "
            "Children's) from the 'Methotrexate teaching checklist for rheumatology nurses' (CC BY 4.0)."
        ),
        "contributors": [("amara.nwosu", "adapter"), ("ruth.adeyemi", "adapter"), ("owen.hughes", "reviewer")],
        "organisations": ["family-advisory-council", "prairie-childrens"],
        "adapted_from": "jia-methotrexate-nurse-teaching-checklist",
        "transferability": {
            "care_setting": "home",
            "centre_size": "any",
            "ehr": "Any",
            "staff_time": "None beyond the teaching session",
            "resources_needed": "Colour printing; local contact details added by the team",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2024-06-17",
                "notes": "First release; plain-language review by the family council.",
                "files": [
                    {
                        "filename": "methotrexate-at-home.pdf",
                        "title": "Family handout",
                        "text": [
                            "Methotrexate at home - ONCE A WEEK",
                            "Methotrexate calms the immune system so that joints become less swollen and painful. It takes 6-12 weeks to work fully.",
                            "Our methotrexate day is: ____________ (the same day every week)",
                            "Folic acid helps prevent side effects. Our folic acid days are: ____________",
                            "Blood tests check the liver and blood counts: about 4 weeks after starting, then every 3 months.",
                            "Call the team for: fever above 38 °C, chickenpox or shingles contact, mouth ulcers, bruising.",
                            "Nausea or dread before injection day is common and can be helped - tell us early.",
                            "Vaccines: most are fine and recommended; ask us before any live vaccine.",
                            "Tell school and other carers that your child takes methotrexate and who to call.",
                            "Weekly record: Week | Date | Dose given by | Any problems",
                            "Our team's contact details: ______________________",
                        ],
                    }
                ],
            }
        ],
        "how_to_use": [
            {"title": "Give it at teaching", "text": "Use the handout as the visual aid during the nurse teaching session, then send it home."},
            {"title": "Fill in the days", "text": "Write the methotrexate and folic acid days on it with the family."},
            {"title": "Check at follow-up", "text": "Ask at the first follow-up call whether the weekly record is being used."},
        ],
        "time_to_adopt": "hours",
    },
    # ------------------------------------------------------------------------------------------
    # Measurement tools
    # ------------------------------------------------------------------------------------------
    {
        "slug": "ibd-growth-and-nutrition-monitoring-form",
        "title": "Growth and nutrition monitoring form for children with IBD",
        "summary": (
            "A form for recording height, weight, BMI and height-velocity z-scores, puberty, mid-parental "
            "height and micronutrient results at each visit, with clear triggers for dietitian and "
            "clinician review."
        ),
        "body": [
            ("heading", "Growth is an outcome, not just a measurement"),
            (
                "paragraph",
                "<p>Growth failure can be the first and sometimes the only sign of active Crohn's disease, "
                "and normal growth is one of the treatment targets for children in current consensus. A "
                "single height plotted on a chart is not enough: the question is whether the child is "
                "growing at a normal <em>rate</em> for their age and stage of puberty.</p>",
            ),
            (
                "table",
                {
                    "caption": "Triggers for review",
                    "header": ["Finding", "Action"],
                    "rows": [
                        ["Height velocity z-score below −1 on two consecutive 6-monthly measurements", "Clinician review of disease activity and treatment; dietitian review"],
                        ["Height-for-age z-score fallen by more than 0.5 in 12 months", "Clinician review; check for delayed puberty"],
                        ["BMI z-score below −2, or weight loss of 5% or more in 3 months", "Dietitian review within 2 weeks"],
                        ["No signs of puberty by 13 (girls) or 14 (boys)", "Discuss with endocrinology"],
                        ["25-hydroxyvitamin D below 50 nmol/L", "Start treatment as per local protocol; recheck in 3 months"],
                        ["Ileal resection or extensive ileal disease", "Yearly vitamin B12"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "tone": "tip",
                    "title": "Measure properly",
                    "text": (
                        "Use a wall-mounted stadiometer, shoes off, and the same device at every visit. A "
                        "0.5 cm measuring error over six months can move a height velocity z-score by more "
                        "than one."
                    ),
                },
            ),
            (
                "paragraph",
                "<p>The form also records exclusive enteral nutrition (EEN) courses – start date, formula, "
                "volume target and how the child is managing – so that the dietitian and the family can "
                "see progress in one place.</p>",
            ),
        ],
        "conditions": ["ibd"],
        "resource_type": "form",
        "phase": "measure",
        "audiences": ["clinicians", "nurses"],
        "tags": ["growth", "nutrition", "puberty", "exclusive enteral nutrition", "dietitian"],
        "licence": "CC-BY-4.0",
        "attribution": "Developed by Eilidh Mackay and Tom Alvarez, Lakeshore Paediatrics.",
        "contributors": [("eilidh.mackay", "author"), ("tom.alvarez", "author"), ("samuel.okafor", "reviewer")],
        "organisations": ["lakeshore-paediatrics"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Any; z-scores from any growth-reference calculator (WHO or national references)",
            "staff_time": "5 minutes per visit for a nurse; dietitian time for children who trigger review",
            "resources_needed": "Wall-mounted stadiometer; calibrated scales; growth-reference calculator; dietitian access",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2023-09-25",
                "notes": "First release, used at Lakeshore and two outreach clinics for six months.",
                "files": [
                    {
                        "filename": "ibd-growth-nutrition-form.pdf",
                        "title": "Monitoring form",
                        "text": [
                            "Growth and nutrition monitoring - IBD",
                            "Visit date | Height (cm) | Height z | Weight (kg) | Weight z | BMI z | Height velocity (cm/yr) | HV z | Tanner stage",
                            "Mid-parental height (cm): ______  Target centile range: ______",
                            "Last 25-OH vitamin D (nmol/L): ______  Date: ______",
                            "Last ferritin (µg/L): ______  Last B12 (if ileal disease): ______",
                            "EEN course: start ______ formula ______ target volume ______ mL/day  Managing? Y / N",
                            "Review triggered? HV z < -1 twice / height z fall > 0.5 / BMI z < -2 / weight loss >= 5% / delayed puberty",
                            "Dietitian referral made: Y / N  Date: ______",
                        ],
                    }
                ],
            }
        ],
        "how_to_use": [
            {"title": "Measure at every visit", "text": "Height and weight at every IBD visit, on the same equipment."},
            {"title": "Calculate velocity six-monthly", "text": "Height velocity needs at least four months between measurements to be meaningful."},
            {"title": "Act on triggers", "text": "Any trigger goes on the pre-visit planning note for the next clinic."},
        ],
        "time_to_adopt": "days",
    },
    {
        "slug": "ibd-jia-school-accommodations-letter-template",
        "title": "School letter template for children with IBD or JIA",
        "summary": (
            "An editable letter from the care team to school explaining the condition in plain words and "
            "asking for specific adjustments: toilet and rest passes, absence for appointments, help with "
            "writing and stairs, PE, and exam access arrangements."
        ),
        "body": [
            ("heading", "Ask for specific adjustments, not 'understanding'"),
            (
                "paragraph",
                "<p>Parents on the advisory council said that general letters ('please be understanding') "
                "changed nothing, while letters that listed specific adjustments were acted on. The "
                "template has a short explanation of the condition and a tick-list of adjustments that the "
                "family and the clinician choose together.</p>",
            ),
            (
                "table",
                {
                    "caption": "Adjustments in the tick-list",
                    "header": ["Adjustment", "Most relevant for"],
                    "rows": [
                        ["Unrestricted toilet pass; seat near the door", "IBD"],
                        ["Rest pass and a place to lie down", "IBD and JIA"],
                        ["Access to water and snacks in class", "IBD"],
                        ["Extra time or a scribe or laptop for writing", "JIA affecting hands or wrists"],
                        ["Lift pass, ground-floor classrooms, a second set of books", "JIA affecting knees, ankles or hips"],
                        ["Modified PE rather than exclusion", "IBD and JIA"],
                        ["Authorised absence for appointments and infusions", "IBD and JIA"],
                        ["Exam access arrangements (rest breaks, extra time, separate room near a toilet)", "IBD and JIA"],
                        ["Tell the family about chickenpox or measles cases in the class", "Children on immunosuppressing medicines"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "tone": "info",
                    "title": "Consent",
                    "text": (
                        "Agree with the young person what the school is told. Many teenagers prefer that "
                        "only the head of year and school nurse know the diagnosis."
                    ),
                },
            ),
        ],
        "conditions": ["ibd", "jia"],
        "resource_type": "template",
        "phase": "implement",
        "audiences": ["parents-families", "care-coordinators", "nurses"],
        "tags": ["school", "education", "exam access", "self-management"],
        "licence": "CC0-1.0",
        "attribution": (
            "Written by Amara Nwosu, Hannah Boyd and Yusuf Ali. Dedicated to the public domain: reuse freely, "
            "no attribution required."
        ),
        "contributors": [("amara.nwosu", "author"), ("hannah.boyd", "author"), ("yusuf.ali", "author"), ("priya.raman", "reviewer")],
        "organisations": ["family-advisory-council", "kingsbridge-community-paediatrics", "st-brigids-childrens"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "community",
            "centre_size": "any",
            "ehr": "Any; Word template that can be loaded as a letter template",
            "staff_time": "10 minutes to complete with the family",
            "resources_needed": "Headed paper or letter template; signature of a clinician or nurse",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2023-08-21",
                "notes": "First release before the start of the school year.",
                "files": [
                    {
                        "filename": "school-letter-ibd-jia-v1-0.docx",
                        "title": "Letter template (editable)",
                        "text": [
                            "Dear Head of Year / Special Educational Needs Coordinator,",
                            "Pupil: ______________________  Year group: ______",
                            "This pupil is cared for by our team for [ ] inflammatory bowel disease [ ] juvenile idiopathic arthritis.",
                            "IBD causes inflammation in the gut, which can lead to urgent toilet needs, pain and tiredness. Symptoms can change from week to week.",
                            "JIA causes inflammation in the joints, which can lead to pain, stiffness (often worse in the morning) and tiredness.",
                            "We ask the school to put in place the adjustments ticked below:",
                            "[ ] Toilet pass  [ ] Rest pass  [ ] Water and snacks  [ ] Extra time or scribe  [ ] Lift pass  [ ] Modified PE  [ ] Authorised absence for appointments",
                            "Please contact the family if there is chickenpox or measles in the class.",
                            "Signed: ______________________  Role: ______________________",
                        ],
                    }
                ],
            },
            {
                "label": "1.1",
                "date": "2025-08-11",
                "notes": (
                    "Added exam access arrangements and a JIA paragraph on handwriting, stairs and a second set "
                    "of books; added the consent line agreed with the young person."
                ),
                "files": [
                    {
                        "filename": "school-letter-ibd-jia-v1-1.docx",
                        "title": "Letter template (editable)",
                        "text": [
                            "Dear Head of Year / Special Educational Needs Coordinator,",
                            "Pupil: ______________________  Year group: ______",
                            "This pupil is cared for by our team for [ ] inflammatory bowel disease [ ] juvenile idiopathic arthritis.",
                            "IBD causes inflammation in the gut, which can lead to urgent toilet needs, pain and tiredness. Symptoms can change from week to week.",
                            "JIA causes inflammation in the joints, which can lead to pain, morning stiffness and tiredness. Writing, stairs and carrying heavy bags can be hard during a flare.",
                            "We ask the school to put in place the adjustments ticked below:",
                            "[ ] Toilet pass and seat near the door  [ ] Rest pass  [ ] Water and snacks  [ ] Extra time, scribe or laptop",
                            "[ ] Lift pass / ground-floor rooms / second set of books  [ ] Modified PE  [ ] Authorised absence for appointments and infusions",
                            "[ ] Exam access arrangements: rest breaks, extra time, separate room near a toilet",
                            "Please contact the family if there is chickenpox or measles in the class.",
                            "The pupil has agreed that this letter may be shared with: ______________________",
                            "Signed: ______________________  Role: ______________________",
                        ],
                    }
                ],
            },
        ],
        "how_to_use": [
            {"title": "Choose adjustments together", "text": "Tick only the adjustments the family and young person want."},
            {"title": "Agree who sees it", "text": "Record who the young person is happy for the letter to be shared with."},
            {"title": "Renew yearly", "text": "Offer a new letter at the start of each school year and before exams."},
        ],
        "time_to_adopt": "hours",
    },
    {
        "slug": "pdsa-worksheet-with-ibd-and-jia-examples",
        "title": "PDSA cycle worksheet with worked IBD and JIA examples",
        "summary": (
            "A one-page Plan-Do-Study-Act worksheet with two completed examples from network clinics: "
            "a calprotectin-kit test in IBD and a same-day ophthalmology referral test in JIA."
        ),
        "body": [
            ("heading", "Small tests, written down"),
            (
                "paragraph",
                "<p>Teams new to improvement often run good tests but do not write down the prediction, so "
                "they cannot learn from the result. The worksheet asks for a prediction before the test and "
                "compares it with what happened. Keep tests small: one clinician, one clinic session, five "
                "patients.</p>",
            ),
            (
                "steps",
                [
                    {"title": "Plan", "text": "What are we testing, with whom, when? What do we predict will happen, and what will we measure?"},
                    {"title": "Do", "text": "Run the test. Note problems and surprises as they happen."},
                    {"title": "Study", "text": "Compare the result with the prediction. What did we learn?"},
                    {"title": "Act", "text": "Adopt, adapt or abandon. What is the next test?"},
                ],
            ),
            (
                "table",
                {
                    "caption": "Two worked examples",
                    "header": ["", "IBD: calprotectin kits posted ahead", "JIA: ophthalmology referral at diagnosis"],
                    "rows": [
                        ["Plan", "Post calprotectin kits 10 days before clinic to the 8 children on Thursday's list who are due one; predict 6 of 8 results back by clinic", "At the diagnosis visit, the nurse books the first slit-lamp exam before the family leaves, for the next 5 new patients; predict all 5 booked within 6 weeks"],
                        ["Do", "8 kits posted; one family had moved house", "5 booked; one family needed an interpreter to agree the date"],
                        ["Study", "5 of 8 results back (prediction 6); two samples arrived at the lab after the weekend and were rejected", "5 of 5 booked, all within 5 weeks; took the nurse about 6 minutes each"],
                        ["Act", "Adapt: post kits on Monday with a 'not on Friday' sticker; test again with 10 children", "Adopt for all new diagnoses; next test: the same approach for children restarting after a gap in care"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "tone": "tip",
                    "title": "Link cycles together",
                    "text": (
                        "Number your cycles (1A, 1B, 1C…) and keep them in one file. A ramp of linked cycles "
                        "is far more convincing to colleagues than a single big change."
                    ),
                },
            ),
        ],
        "conditions": ["ibd", "jia"],
        "resource_type": "template",
        "phase": "test",
        "audiences": ["improvement-teams"],
        "tags": ["PDSA", "model for improvement", "small tests of change", "quality improvement training"],
        "licence": "CC0-1.0",
        "attribution": "Network office improvement team. Dedicated to the public domain.",
        "contributors": [("marcus.webb", "author"), ("olivia.chen", "author"), ("grace.lin", "reviewer"), ("kenji.watanabe", "reviewer")],
        "organisations": ["network-office"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "mixed",
            "centre_size": "any",
            "ehr": "Not applicable",
            "staff_time": "10 minutes to plan a cycle; 10 minutes to write up",
            "resources_needed": "None beyond a team willing to test",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2022-05-09",
                "notes": "First release for the spring learning session.",
                "files": [
                    {
                        "filename": "pdsa-worksheet.docx",
                        "title": "Blank worksheet (editable)",
                        "text": [
                            "PDSA worksheet   Cycle number: ____   Change idea: ______________________",
                            "Aim of this cycle: ______________________",
                            "PLAN - Who, what, where, when: ______________________",
                            "PLAN - Prediction (write it down before you start): ______________________",
                            "PLAN - Data to collect: ______________________",
                            "DO - What happened? Problems and surprises: ______________________",
                            "STUDY - Result compared with prediction: ______________________",
                            "ACT - Adopt / Adapt / Abandon. Next cycle: ______________________",
                        ],
                    },
                    {
                        "filename": "pdsa-worked-examples.pdf",
                        "title": "Worked examples (IBD and JIA)",
                        "text": [
                            "Example 1 (IBD, Northfield): post calprotectin kits 10 days before clinic to the 8 children due one.",
                            "Prediction: 6 of 8 results back by clinic. Result: 5 of 8. Two samples rejected after weekend transit.",
                            "Act: adapt - post on Mondays with a 'do not send on Friday' sticker; next cycle 10 children.",
                            "Example 2 (JIA, Westmoor): nurse books first slit-lamp exam before the family leaves the diagnosis visit.",
                            "Prediction: 5 of 5 booked within 6 weeks. Result: 5 of 5, all within 5 weeks; 6 minutes of nurse time each.",
                            "Act: adopt for all new diagnoses; next, test with children returning after a gap in care.",
                        ],
                    },
                ],
            }
        ],
        "how_to_use": [
            {"title": "Pick a change idea", "text": "Choose one change idea from a change package."},
            {"title": "Keep it small", "text": "Test with one clinician, one session, a handful of patients."},
            {"title": "Write the prediction first", "text": "Fill in the prediction box before you run the test."},
        ],
        "time_to_adopt": "hours",
    },
    {
        "slug": "ibd-remission-measures-scoring-guide",
        "title": "Scoring guide for IBD remission measures (PGA, wPCDAI, PUCAI, steroid-free remission)",
        "summary": (
            "How to score the Physician Global Assessment, wPCDAI and PUCAI consistently, and how the "
            "network calculates 'sustained steroid-free remission', with worked examples for borderline "
            "cases."
        ),
        "body": [
            ("heading", "Same patient, same score, whoever is in clinic"),
            (
                "paragraph",
                "<p>The network's main outcome, the proportion of children in sustained steroid-free "
                "remission, is only meaningful if everyone scores disease activity the same way. In a 2022 "
                "inter-rater exercise, clinicians at three centres disagreed on the PGA for one case in "
                "five, mostly between 'quiescent' and 'mild'. This guide sets out the rules the network "
                "agreed.</p>",
            ),
            (
                "table",
                {
                    "caption": "Activity categories used in the registry",
                    "header": ["Measure", "Remission", "Mild", "Moderate", "Severe"],
                    "rows": [
                        ["PGA (all IBD)", "Quiescent", "Mild", "Moderate", "Severe"],
                        ["wPCDAI (Crohn's disease)", "Below 12.5", "12.5–40", "Above 40 to 57.5", "Above 57.5"],
                        ["PUCAI (UC and IBD-U)", "Below 10", "10–34", "35–64", "65 and above"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p><strong>Sustained steroid-free remission (SSFR)</strong> at a visit means: the PGA is "
                "quiescent at this visit <em>and</em> at every registry visit in the preceding 12 months "
                "(with at least one earlier visit in that window), <em>and</em> no systemic corticosteroid "
                "was taken in that window. Oral budesonide counts as a systemic corticosteroid for this "
                "measure; rectal steroid preparations do not.</p>",
            ),
            (
                "callout",
                {
                    "tone": "warning",
                    "title": "Score the child, not the plan",
                    "text": (
                        "Score the PGA on the child's disease activity today. Do not score 'quiescent' because "
                        "a treatment change has just been made, and do not score 'mild' only because "
                        "calprotectin is raised in a child who is otherwise well – record the calprotectin "
                        "separately."
                    ),
                },
            ),
            (
                "table",
                {
                    "caption": "Worked borderline examples",
                    "header": ["Situation", "Network rule"],
                    "rows": [
                        ["Well, normal examination, calprotectin 420 µg/g", "PGA quiescent; record calprotectin; consider imaging or endoscopy"],
                        ["Perianal fistula draining despite no luminal symptoms", "PGA at least mild"],
                        ["Completed a prednisolone course 11 months ago, quiescent since", "Not in SSFR until 12 months after the last dose"],
                        ["On EEN, symptom-free", "PGA scored on activity today; EEN is not a steroid, so SSFR is possible if criteria met"],
                    ],
                },
            ),
        ],
        "conditions": ["ibd"],
        "resource_type": "guide",
        "phase": "measure",
        "audiences": ["clinicians", "improvement-teams", "researchers"],
        "tags": ["remission", "outcome measures", "PGA", "PUCAI", "wPCDAI", "data quality"],
        "licence": "CC-BY-4.0",
        "attribution": "Network remission measures group, chaired by Samuel Okafor; measure definitions maintained by Carlos Mendes.",
        "contributors": [("samuel.okafor", "author"), ("carlos.mendes", "author"), ("priya.raman", "reviewer"), ("olivia.chen", "reviewer")],
        "organisations": ["northfield-childrens", "eastgate-university-childrens", "network-office"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Any; registry visit form fields",
            "staff_time": "20-minute calibration exercise for each new clinician; no extra time per visit",
            "resources_needed": "Registry visit form; the calibration case set (available to network members)",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2022-10-03",
                "notes": "First release after the 2022 inter-rater exercise.",
                "files": [
                    {
                        "filename": "ibd-remission-scoring-guide-v1-0.pdf",
                        "title": "Scoring guide",
                        "text": [
                            "Scoring guide for IBD remission measures - version 1.0",
                            "PGA: quiescent / mild / moderate / severe - score activity today.",
                            "wPCDAI remission below 12.5; PUCAI remission below 10.",
                            "SSFR: quiescent PGA at this and all visits in the previous 12 months; no systemic corticosteroid in that window.",
                            "Raised calprotectin alone does not change the PGA; record it separately.",
                            "Calibration: score the six practice cases before your first registry entry.",
                        ],
                    }
                ],
            },
            {
                "label": "1.1",
                "date": "2024-02-12",
                "notes": (
                    "Clarified that oral budesonide counts as a systemic corticosteroid and rectal steroids do "
                    "not; SSFR now requires at least one earlier visit in the 12-month window; added worked "
                    "examples for perianal disease and EEN."
                ),
                "files": [
                    {
                        "filename": "ibd-remission-scoring-guide-v1-1.pdf",
                        "title": "Scoring guide",
                        "text": [
                            "Scoring guide for IBD remission measures - version 1.1",
                            "PGA: quiescent / mild / moderate / severe - score activity today, not the plan.",
                            "wPCDAI: remission < 12.5; mild 12.5-40; moderate > 40-57.5; severe > 57.5.",
                            "PUCAI: remission < 10; mild 10-34; moderate 35-64; severe >= 65.",
                            "SSFR: quiescent PGA at this visit and every visit in the previous 12 months (at least one earlier visit), no systemic corticosteroid in that window.",
                            "Oral budesonide counts as a systemic corticosteroid; rectal steroid preparations do not.",
                            "Draining perianal fistula: PGA at least mild.",
                            "EEN is not a steroid; children on EEN can meet SSFR.",
                            "Raised calprotectin alone does not change the PGA; record it separately.",
                        ],
                    }
                ],
            },
        ],
        "how_to_use": [
            {"title": "Calibrate new clinicians", "text": "Every new clinician scores the practice cases before entering registry data."},
            {"title": "Repeat yearly", "text": "Run the calibration exercise once a year at a team meeting."},
            {"title": "Check the data", "text": "Review visits with missing PGA monthly; missing scores bias the remission rate."},
        ],
        "time_to_adopt": "hours",
    },
    {
        "slug": "jia-cjadas10-disease-activity-form",
        "title": "cJADAS10 disease activity form for JIA clinic",
        "summary": (
            "A one-page form for recording the clinical Juvenile Arthritis Disease Activity Score (cJADAS10) "
            "at every visit: physician global, parent or patient global, and active joint count capped "
            "at 10."
        ),
        "body": [
            ("heading", "Three numbers, added up"),
            (
                "paragraph",
                "<p>The cJADAS10 is the sum of three components and needs no blood test, so it can be "
                "completed at every visit, including video visits with a recent examination. The network "
                "uses it to define inactive disease in the JIA change package.</p>",
            ),
            (
                "table",
                {
                    "caption": "Components of the cJADAS10",
                    "header": ["Component", "Who completes it", "Range"],
                    "rows": [
                        ["Physician global assessment of disease activity", "Clinician, on a 0–10 scale", "0–10"],
                        ["Parent or patient global assessment of well-being", "Young person (or parent for younger children), on a 0–10 scale", "0–10"],
                        ["Active joint count", "Clinician; joints with active arthritis, counted up to a maximum of 10", "0–10"],
                        ["Total cJADAS10", "Sum of the three", "0–30"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "tone": "info",
                    "title": "Cut-offs",
                    "text": (
                        "The registry reports inactive disease as a cJADAS10 of 1 or below. For other activity "
                        "states, use the published cut-offs adopted in your local rheumatology protocol; they "
                        "differ between oligoarticular and polyarticular courses."
                    ),
                },
            ),
            (
                "paragraph",
                "<p>The form is shared without derivatives so that the wording of the global assessment "
                "questions and the scoring instructions stay identical across centres; comparable data "
                "depend on it.</p>",
            ),
        ],
        "conditions": ["jia"],
        "resource_type": "form",
        "phase": "measure",
        "audiences": ["clinicians", "nurses", "patients"],
        "tags": ["cJADAS10", "disease activity", "outcome measures", "treat to target"],
        "licence": "CC-BY-ND-4.0",
        "attribution": "Network JIA working group (Kenji Watanabe, Owen Hughes). Please do not modify the scoring instructions.",
        "contributors": [("kenji.watanabe", "author"), ("owen.hughes", "author"), ("carlos.mendes", "reviewer")],
        "organisations": ["westmoor-childrens", "mountain-view-paediatrics"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Any; registry fields map one-to-one to the form",
            "staff_time": "2 minutes per visit",
            "resources_needed": "Printed form or tablet version for the patient global assessment",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2023-03-20",
                "notes": "First release for all network JIA clinics.",
                "files": [
                    {
                        "filename": "cjadas10-form.pdf",
                        "title": "cJADAS10 form",
                        "text": [
                            "cJADAS10 - complete at every visit",
                            "Part A (young person or parent): Considering all the ways the arthritis affects you/your child, how are you/they doing? 0 = very well ... 10 = very poorly: ____",
                            "Part B (clinician): Overall disease activity today. 0 = no activity ... 10 = maximum activity: ____",
                            "Part C (clinician): Number of joints with active arthritis (count up to 10): ____",
                            "Active joint = swelling, or limited movement with pain or tenderness, not due to damage.",
                            "cJADAS10 = A + B + C = ____ (range 0-30)",
                            "Inactive disease for registry reporting: cJADAS10 <= 1.",
                        ],
                    }
                ],
            }
        ],
        "how_to_use": [
            {"title": "Hand out Part A at check-in", "text": "Give the young person or parent Part A in the waiting room."},
            {"title": "Complete B and C after examination", "text": "The clinician completes the physician global and joint count after examining the child."},
            {"title": "Enter in the registry", "text": "Enter all three components, not just the total, so that data can be checked."},
        ],
        "time_to_adopt": "hours",
    },
    {
        "slug": "ibd-jia-pre-visit-patient-reported-outcomes-survey",
        "title": "Pre-visit patient-reported outcomes survey for IBD and JIA clinics",
        "summary": (
            "A short electronic survey sent three days before clinic that collects pain interference, "
            "fatigue, anxiety, disease-specific quality of life and function, and routes high scores to "
            "the right person before the visit."
        ),
        "body": [
            ("heading", "Hearing from the young person before the visit"),
            (
                "paragraph",
                "<p>Clinicians tend to under-estimate fatigue and pain interference, and young people rarely "
                "raise them unprompted. Collecting patient-reported outcomes before the visit lets the team "
                "see them during pre-visit planning and start the consultation with what matters most to "
                "the young person.</p>",
            ),
            (
                "table",
                {
                    "caption": "Survey content",
                    "header": ["Domain", "Instrument", "Who"],
                    "rows": [
                        ["Pain interference", "PROMIS Pediatric Pain Interference short form", "All, age 8 and over (parent proxy under 8)"],
                        ["Fatigue", "PROMIS Pediatric Fatigue short form", "All, age 8 and over"],
                        ["Anxiety", "PROMIS Pediatric Anxiety short form", "All, age 8 and over"],
                        ["IBD quality of life", "IMPACT-III", "IBD, age 10 and over"],
                        ["Function", "Childhood Health Assessment Questionnaire (CHAQ)", "JIA"],
                        ["Free text", "'What is the one thing you most want to talk about?'", "All"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "tone": "warning",
                    "title": "Why this resource is network-only",
                    "text": (
                        "The survey reproduces instruments whose owners set their own terms of use. Network "
                        "members use it under the network's agreements; other organisations must obtain their "
                        "own permissions before using the instruments."
                    ),
                },
            ),
            (
                "steps",
                [
                    {"title": "Send", "text": "The portal sends the survey automatically three days before the visit, with one reminder."},
                    {"title": "Score", "text": "Scores are calculated on submission; T-scores for PROMIS measures."},
                    {"title": "Route", "text": "PROMIS T-scores of 65 or more, or a free-text concern, appear on the pre-visit planning list."},
                    {"title": "Discuss", "text": "The clinician opens the visit with the young person's 'one thing'."},
                ],
            ),
        ],
        "conditions": ["ibd", "jia"],
        "resource_type": "form",
        "phase": "measure",
        "audiences": ["clinicians", "researchers", "improvement-teams"],
        "tags": ["patient-reported outcomes", "PROMIS", "quality of life", "pre-visit planning"],
        "licence": "network-only",
        "attribution": "Network patient-reported outcomes group (Eastgate University Children's Hospital and St Brigid's Children's Hospital).",
        "contributors": [("carlos.mendes", "author"), ("yusuf.ali", "author"), ("jonah.price", "author"), ("priya.raman", "reviewer")],
        "organisations": ["eastgate-university-childrens", "st-brigids-childrens"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "medium",
            "ehr": "Needs a patient portal or survey platform that can send timed questionnaires; tested with Epic MyChart and REDCap",
            "staff_time": "About 2 minutes per visit to review routed scores; set-up takes a few days of analyst time",
            "resources_needed": "Instrument permissions (held by the network for members); survey platform; psychology pathway for high anxiety scores",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2025-09-15",
                "notes": "First release after a six-month pilot at Eastgate and St Brigid's (71% completion before visits).",
                "files": [
                    {
                        "filename": "pre-visit-pro-survey-specification.docx",
                        "title": "Survey specification and routing rules",
                        "text": [
                            "Pre-visit patient-reported outcomes survey - specification v1.0 (network members only)",
                            "Timing: sent 3 days before the visit; reminder after 24 hours; closes at the start of the visit.",
                            "Order: free-text question first; PROMIS pain interference, fatigue, anxiety; IMPACT-III (IBD) or CHAQ (JIA).",
                            "Ages: self-report from 8 years; parent proxy from 5 to 7 years; IMPACT-III from 10 years.",
                            "Scoring: PROMIS raw scores converted to T-scores using the published scoring tables.",
                            "Routing: any PROMIS T-score >= 65, or anxiety T-score >= 60 with free-text distress -> psychology flag on the pre-visit list.",
                            "Routing: free-text mention of self-harm -> same-day clinician review as per the psychosocial screening protocol.",
                            "Registry: store T-scores and completion status; free text stays in the clinical record only.",
                        ],
                    }
                ],
            }
        ],
        "how_to_use": [
            {"title": "Confirm permissions", "text": "Check with the network office that your centre is covered by the instrument agreements."},
            {"title": "Build and test", "text": "Build the survey in your portal and test with five families before going live."},
            {"title": "Agree routing", "text": "Agree with psychology who receives high anxiety scores before launch."},
        ],
        "time_to_adopt": "weeks",
    },
    # ------------------------------------------------------------------------------------------
    # Infusions and procedures
    # ------------------------------------------------------------------------------------------
    {
        "slug": "anti-tnf-infusion-day-nursing-checklist",
        "title": "Anti-TNF infusion day nursing checklist (infliximab)",
        "summary": (
            "A nursing checklist for paediatric infliximab infusions: pre-infusion infection and vaccine "
            "questions, trough-level sampling, observations, infusion rates, reaction management and "
            "discharge advice."
        ),
        "body": [
            ("heading", "A predictable infusion day"),
            (
                "paragraph",
                "<p>St Brigid's day-case unit gives about 1,400 biologic infusions a year to children with "
                "IBD and JIA. The checklist follows the child from arrival to discharge and makes sure the "
                "things that are easy to forget – the trough level <em>before</em> the infusion, the "
                "tuberculosis exposure question, the live-vaccine check – happen every time.</p>",
            ),
            (
                "steps",
                [
                    {"title": "Before the infusion", "text": "Weight; temperature, pulse, blood pressure, respiratory rate; ask about fever, cough, diarrhoea from infection, tuberculosis contact, recent travel and planned vaccines."},
                    {"title": "Bloods", "text": "Take bloods from the cannula before the drug is given: FBC, CRP, ALT, albumin, and the trough level if due under the TDM protocol."},
                    {"title": "Check the prescription", "text": "Dose in mg/kg against today's weight; any dose change from TDM results; pre-medication only if there was a previous reaction."},
                    {"title": "Infuse", "text": "Standard rate over 2 hours; observations at 0, 30, 60, 90 and 120 minutes. An accelerated 1-hour infusion may be used after at least four uneventful infusions if the unit's policy allows."},
                    {"title": "Observe and discharge", "text": "Observe as per unit policy; give the next infusion date and the red-flag advice sheet."},
                ],
            ),
            (
                "table",
                {
                    "caption": "Infusion reaction management",
                    "header": ["Reaction", "Signs", "Action"],
                    "rows": [
                        ["Mild", "Flushing, itch, mild headache, no change in observations", "Pause, then restart at half the rate once settled; inform the prescriber"],
                        ["Moderate", "Chest tightness, rash, fever, rise in heart rate or blood pressure", "Stop the infusion; call the prescriber; give antihistamine and/or hydrocortisone as prescribed; do not restart without medical review"],
                        ["Severe", "Stridor, wheeze, hypotension, collapse", "Stop the infusion; treat as anaphylaxis following the resuscitation algorithm; call the emergency team"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "tone": "warning",
                    "title": "Do not give if…",
                    "text": (
                        "Withhold the infusion and speak to the prescriber if the child has a fever, a "
                        "significant active infection, a new tuberculosis contact, or has received a live "
                        "vaccine in the last four weeks."
                    ),
                },
            ),
        ],
        "conditions": ["ibd", "jia"],
        "resource_type": "checklist",
        "phase": "implement",
        "audiences": ["nurses"],
        "tags": ["infliximab", "anti-TNF", "infusion", "medication safety", "therapeutic drug monitoring"],
        "licence": "CC-BY-4.0",
        "attribution": "St Brigid's Children's Hospital day-case infusion unit (Claire Dubois) with Northfield's IBD nurses.",
        "contributors": [("claire.dubois", "author"), ("grace.lin", "author"), ("helen.fraser", "reviewer"), ("priya.raman", "reviewer")],
        "organisations": ["st-brigids-childrens", "northfield-childrens"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "inpatient",
            "centre_size": "any",
            "ehr": "Any; checklist can be built as an infusion flowsheet",
            "staff_time": "Built into the infusion nurse's routine; about 10 extra minutes for the first few uses",
            "resources_needed": "Day-case infusion chair or bed; resuscitation equipment; written reaction-management orders",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2023-01-16",
                "notes": "First release after six months of use in St Brigid's infusion unit.",
                "files": [
                    {
                        "filename": "infliximab-infusion-day-checklist.pdf",
                        "title": "Infusion day checklist",
                        "text": [
                            "Infliximab infusion day checklist",
                            "[ ] Weight today: ____ kg   Observations recorded",
                            "[ ] Fever / cough / infective diarrhoea / TB contact / travel / live vaccine in last 4 weeks? If yes - stop and call prescriber",
                            "[ ] Bloods from cannula BEFORE drug: FBC, CRP, ALT, albumin; trough level if due",
                            "[ ] Dose checked against today's weight: ____ mg/kg = ____ mg",
                            "[ ] Rate: standard 2 hours / accelerated 1 hour (only after >= 4 uneventful infusions, if unit policy allows)",
                            "[ ] Observations at 0, 30, 60, 90, 120 minutes",
                            "[ ] Reaction? Grade: mild / moderate / severe - action taken: ____________",
                            "[ ] Next infusion date given; red-flag advice sheet given",
                        ],
                    },
                    {
                        "filename": "infusion-red-flag-advice.pdf",
                        "title": "Advice sheet for families after an infusion",
                        "text": [
                            "After your infusion",
                            "A mild headache or tiredness for a day is common.",
                            "Call the team if your child has a fever above 38 °C, a new rash, joint pains or swelling within two weeks of the infusion.",
                            "Tell us before any vaccination, and before travel to areas where tuberculosis is common.",
                            "Tell us if anyone at home is diagnosed with tuberculosis.",
                            "Your next infusion is on: ____________",
                        ],
                    },
                ],
            }
        ],
        "how_to_use": [
            {"title": "Agree reaction orders", "text": "Agree standing reaction-management orders with the prescribers before using the checklist."},
            {"title": "Train the team", "text": "Run a 20-minute simulation of a moderate reaction with all infusion nurses."},
            {"title": "Audit troughs", "text": "Audit monthly that trough levels are taken before, not after, the infusion."},
        ],
        "time_to_adopt": "days",
    },
    {
        "slug": "jia-joint-injection-day-video-for-families",
        "title": "Joint injection day: a video and leaflet for children with JIA and their families",
        "summary": (
            "A seven-minute video that follows a child through a joint injection under 'gas and air', "
            "with a printable transcript and aftercare leaflet, to prepare children and reduce "
            "procedural anxiety."
        ),
        "body": [
            ("heading", "Knowing what will happen helps"),
            (
                "paragraph",
                "<p>Joint injections work well for many children with JIA, but fear of the procedure is a "
                "common reason families delay them. Mountain View filmed a real injection day (with the "
                "family's consent) and worked with Yusuf Ali's psychology team on the script, so children "
                "can see each step – the numbing cream, the gas and air, the ultrasound, the plaster – "
                "before they arrive.</p>",
            ),
            (
                "table",
                {
                    "caption": "What the video covers",
                    "header": ["Time", "Scene"],
                    "rows": [
                        ["0:00", "Arriving, meeting the nurse and play specialist, numbing cream"],
                        ["1:30", "Practising with the gas-and-air mask; choosing a distraction"],
                        ["3:00", "The injection itself, with the ultrasound screen"],
                        ["4:30", "Afterwards: a rest, a drink, going home the same day"],
                        ["5:30", "The next few days: what is normal and when to call"],
                        ["6:30", "A young person talks about her second injection"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "tone": "info",
                    "title": "Gas and air or general anaesthetic?",
                    "text": (
                        "Most older children manage with inhaled nitrous oxide and local anaesthetic. Young "
                        "children, children having several joints injected, and some joints such as the hip "
                        "are usually done under general anaesthetic. The team will talk through what suits "
                        "your child."
                    ),
                },
            ),
        ],
        "conditions": ["jia"],
        "resource_type": "video",
        "phase": "implement",
        "audiences": ["patients", "parents-families"],
        "tags": ["joint injection", "procedural anxiety", "family education", "nitrous oxide"],
        "licence": "CC-BY-SA-4.0",
        "attribution": (
            "Produced by Mountain View Paediatrics with St Brigid's psychology team and the Patient and "
            "Family Advisory Council. Filmed with the family's written consent."
        ),
        "contributors": [("owen.hughes", "author"), ("yusuf.ali", "author"), ("amara.nwosu", "author"), ("claire.dubois", "reviewer")],
        "organisations": ["mountain-view-paediatrics", "st-brigids-childrens", "family-advisory-council"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Not applicable; link sent with the appointment letter",
            "staff_time": "None once the link is in the appointment letter template",
            "resources_needed": "Video hosting that families can reach without logging in",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2024-04-08",
                "notes": "First release; video, transcript and aftercare leaflet.",
                "files": [
                    {
                        "filename": "joint-injection-day-transcript.pdf",
                        "title": "Video transcript",
                        "text": [
                            "Narrator: This is Ella. She is 11 and she has arthritis in her knee. Today she is having a joint injection.",
                            "Nurse: We put numbing cream on your knee an hour before, so it feels less when the needle goes in.",
                            "Play specialist: Let's practise with the mask. Breathe in slowly - it might make you feel giggly or floaty.",
                            "Doctor: I use the ultrasound to see inside your knee. You will feel some pushing, and it's fine to squeeze Mum's hand.",
                            "Doctor: All done. The medicine is a steroid that calms the inflammation in just this joint.",
                            "Nurse: Have a rest and a drink. You can go home in about an hour.",
                            "Narrator: The knee may ache for a day or two. Most children feel the benefit within a week or two.",
                            "Ella: The second time was easier because I knew what was going to happen.",
                        ],
                    },
                    {
                        "filename": "joint-injection-aftercare.pdf",
                        "title": "Aftercare leaflet",
                        "text": [
                            "After a joint injection",
                            "Rest the joint for the rest of the day; normal activity from the next day unless told otherwise.",
                            "Some aching for 24-48 hours is normal; paracetamol or ibuprofen can help.",
                            "A small pale or dimpled patch of skin can appear at the injection site weeks later; it usually fades.",
                            "Call the team urgently if the joint becomes hot, red and more painful after 48 hours, or your child has a fever.",
                            "We will review how the joint has responded at about 6 weeks.",
                        ],
                    },
                ],
            }
        ],
        "how_to_use": [
            {"title": "Send with the letter", "text": "Include the link and leaflet with every joint injection appointment letter."},
            {"title": "Watch together", "text": "Suggest the family watch it together and write down any questions."},
            {"title": "Ask on the day", "text": "Ask on arrival whether the child saw the video and what they thought."},
        ],
        "time_to_adopt": "hours",
    },
    # ------------------------------------------------------------------------------------------
    # Getting started
    # ------------------------------------------------------------------------------------------
    {
        "slug": "ibd-jia-improvement-team-charter-template",
        "title": "Improvement team charter template for IBD and JIA clinics",
        "summary": (
            "A charter template for a new centre improvement team: the problem, a SMART aim, team roles, "
            "measures, scope and meeting rhythm, with example aims for IBD remission and JIA uveitis "
            "screening."
        ),
        "body": [
            ("heading", "Agree the aim before the changes"),
            (
                "paragraph",
                "<p>Teams that join the network write a charter in their first month. It makes the team "
                "agree, in writing, what it is trying to accomplish, how it will know a change is an "
                "improvement, and who does what. A good charter fits on two pages.</p>",
            ),
            (
                "table",
                {
                    "caption": "Charter sections",
                    "header": ["Section", "What to write"],
                    "rows": [
                        ["Problem statement", "What is happening now, for whom, and why it matters – with one number from your own data"],
                        ["Aim", "How much, by when, for whom: 'From X% to Y% by date for population'"],
                        ["Measures", "One outcome, two or three process, one balancing measure"],
                        ["Scope", "Which clinics, which patients, what is out of scope"],
                        ["Team", "Clinical lead, improvement lead, data lead, nurse, family partner, executive sponsor"],
                        ["Rhythm", "Weekly 30-minute team meeting; monthly data review; quarterly report to sponsor"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p><strong>Example aims</strong>:</p>"
                "<ul><li>IBD: 'Increase the proportion of children with IBD in sustained steroid-free remission "
                "at Kingsbridge from 71% to 80% by 31 December 2026.'</li>"
                "<li>JIA: 'Increase the proportion of children with JIA who are up to date with uveitis "
                "screening at Prairie from 68% to 90% by 30 June 2026.'</li></ul>",
            ),
            (
                "callout",
                {
                    "tone": "tip",
                    "title": "Include a family partner from day one",
                    "text": (
                        "Teams with a parent or young person on the charter from the start chose different, "
                        "and usually better, first tests of change."
                    ),
                },
            ),
        ],
        "conditions": ["ibd", "jia"],
        "resource_type": "template",
        "phase": "aim",
        "audiences": ["improvement-teams"],
        "tags": ["team charter", "SMART aim", "getting started", "model for improvement"],
        "licence": "CC-BY-SA-4.0",
        "attribution": "Network office improvement team (Olivia Chen, Marcus Webb).",
        "contributors": [("olivia.chen", "author"), ("marcus.webb", "author"), ("hannah.boyd", "reviewer")],
        "organisations": ["network-office"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "mixed",
            "centre_size": "any",
            "ehr": "Not applicable",
            "staff_time": "Two 1-hour team meetings to draft and agree",
            "resources_needed": "Baseline data from the registry; an executive sponsor willing to sign",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2022-02-14",
                "notes": "First release for the 2022 cohort of new centres.",
                "files": [
                    {
                        "filename": "improvement-team-charter.docx",
                        "title": "Charter template (editable)",
                        "text": [
                            "Improvement team charter",
                            "Problem statement (include one number from your data): ______________________",
                            "Aim: increase/decrease ______ from ___% to ___% by ______ for ______",
                            "Outcome measure: ______  Process measures: ______  Balancing measure: ______",
                            "In scope: ______  Out of scope: ______",
                            "Clinical lead / improvement lead / data lead / nurse / family partner / executive sponsor: ______",
                            "Meeting rhythm: weekly team meeting ______; monthly data review ______",
                            "Signed by the executive sponsor: ______  Date: ______",
                        ],
                    }
                ],
            }
        ],
        "how_to_use": [
            {"title": "Pull baseline data", "text": "Get 12 months of baseline data for your chosen outcome from the registry."},
            {"title": "Draft together", "text": "Draft the charter as a whole team, including the family partner."},
            {"title": "Get it signed", "text": "Ask the executive sponsor to sign it and agree what support they will give."},
        ],
        "time_to_adopt": "days",
    },
]


CHANGE_PACKAGES = [
    {
        "slug": "ibd-steroid-free-remission-change-package",
        "title": "Change package: sustained steroid-free remission in paediatric IBD",
        "summary": (
            "The network's core IBD change package: a driver diagram, tested change ideas and measures for "
            "raising the proportion of children in sustained steroid-free remission through reliable "
            "planned care, treat-to-target and self-management support."
        ),
        "body": [
            ("heading", "What this package is for"),
            (
                "paragraph",
                "<p>Across the network, 77% of children with IBD were in sustained steroid-free remission "
                "in 2024, with centres ranging from 64% to 88%. The variation is not explained by case mix "
                "alone: the centres at the top of the range do the same few things reliably. This package "
                "sets out those things as a driver diagram, links each change idea to a tool on the "
                "Commons and defines the measures every team reports.</p>",
            ),
            (
                "callout",
                {
                    "tone": "tip",
                    "title": "Where to start",
                    "text": (
                        "Most centres start with pre-visit planning and the weekly population-management "
                        "huddle: they are quick to test, and they make every later change easier to measure."
                    ),
                },
            ),
            (
                "table",
                {
                    "caption": "Network results for the outcome measure",
                    "header": ["Year", "Centres reporting", "Sustained steroid-free remission"],
                    "rows": [
                        ["2022", "9", "74%"],
                        ["2023", "11", "76%"],
                        ["2024", "12", "77%"],
                        ["2025", "12", "80%"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>Change ideas are grouped under four primary drivers. Each team chooses two or three to "
                "test first, using the PDSA worksheet, and reports the measures monthly through the "
                "registry.</p>",
            ),
        ],
        "conditions": ["ibd"],
        "resource_type": "change-package",
        "phase": "change",
        "audiences": ["improvement-teams", "clinicians", "nurses"],
        "tags": ["steroid-free remission", "driver diagram", "treat to target", "population management"],
        "licence": "CC-BY-4.0",
        "attribution": "Network IBD working group and network office.",
        "contributors": [
            ("samuel.okafor", "author"),
            ("olivia.chen", "author"),
            ("marcus.webb", "author"),
            ("priya.raman", "reviewer"),
            ("jonah.price", "reviewer"),
        ],
        "organisations": ["network-office", "northfield-childrens", "eastgate-university-childrens", "lakeshore-paediatrics"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Any; measures are calculated from registry data",
            "staff_time": "An improvement team meeting weekly for 30 minutes, plus the time for the chosen changes",
            "resources_needed": "Registry participation; a named improvement lead; an executive sponsor",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2023-01-30",
                "notes": "First release: three primary drivers, 14 change ideas, four measures.",
                "files": [
                    {
                        "filename": "ibd-ssfr-change-package-v1-0.pdf",
                        "title": "Change package",
                        "text": [
                            "Aim: increase sustained steroid-free remission from 77% to 85% by December 2026.",
                            "Primary driver 1: reliable, planned care at every visit.",
                            "Primary driver 2: treat to target with timely optimisation of therapy.",
                            "Primary driver 3: activated, prepared patients and families.",
                            "Measures: SSFR (outcome); remission at last visit (outcome); pre-visit planning completed (process); unplanned admissions (balancing).",
                            "Start with pre-visit planning and the weekly population huddle.",
                        ],
                    }
                ],
            },
            {
                "label": "2.0",
                "date": "2025-01-27",
                "notes": (
                    "Added a fourth primary driver (whole-person care: growth, nutrition, psychosocial and "
                    "school); added proactive drug-level monitoring and the pre-visit outcomes survey; added "
                    "the anti-TNF trough process measure; linked every change idea to a Commons tool where "
                    "one exists."
                ),
                "files": [
                    {
                        "filename": "ibd-ssfr-change-package-v2-0.pdf",
                        "title": "Change package",
                        "text": [
                            "Aim: increase sustained steroid-free remission from 77% to 85% by 31 December 2026.",
                            "Primary driver 1: reliable, planned care - pre-visit planning; population management between visits.",
                            "Primary driver 2: treat to target - objective assessment; optimised biologic therapy; planned steroid exit.",
                            "Primary driver 3: activated patients and families - self-management support; hearing the young person's priorities.",
                            "Primary driver 4: whole-person care - growth and nutrition; psychosocial wellbeing and school.",
                            "Outcome measures: SSFR; quiescent PGA at most recent visit.",
                            "Process measures: pre-visit planning completed; anti-TNF trough in last 12 months.",
                            "Balancing measure: unplanned IBD-related admissions per 100 patients per year.",
                            "Each change idea lists the Commons tool to use and a suggested first PDSA cycle.",
                        ],
                    },
                    {
                        "filename": "ibd-ssfr-measure-definitions.xlsx",
                        "title": "Measure definitions",
                        "text": [
                            "Measure | Type | Numerator | Denominator | Source | Frequency",
                            "Sustained steroid-free remission | Outcome | Patients whose most recent visit meets SSFR | Active patients with a visit in the last 13 months | Registry | Monthly",
                            "Remission at most recent visit | Outcome | Patients with quiescent PGA at most recent visit | Active patients with a PGA recorded | Registry | Monthly",
                            "Pre-visit planning completed | Process | Visits with a pre-visit planning note | IBD clinic visits in the month | EHR note type | Monthly",
                            "Anti-TNF trough in last 12 months | Process | Patients on anti-TNF for 6+ months with a trough in the last 12 months | Patients on anti-TNF for 6+ months | Registry | Monthly",
                            "Unplanned IBD admissions | Balancing | Unplanned IBD-related admissions in the last 12 months × 100 | Active patients | Registry | Quarterly",
                        ],
                    },
                ],
            },
        ],
        "aim": (
            "Increase the proportion of children and young people with IBD in sustained steroid-free "
            "remission across participating care centres from 77% to 85% by 31 December 2026."
        ),
        "drivers": [
            {
                "title": "Reliable, planned care at every visit",
                "description": "Every child's visit is prepared in advance, and children who are not booked are not forgotten.",
                "secondary": [
                    {
                        "title": "Pre-visit planning for every clinic",
                        "change_ideas": [
                            {"title": "Plan every clinic with the IBD pre-visit checklist", "description": "A nurse or care coordinator completes the checklist three to five working days before each session.", "tool": "ibd-pre-visit-planning-checklist"},
                            {"title": "Ten-minute huddle before clinic", "description": "Clinicians and nurse go through the circled items before the first patient; small centres use the one-page huddle sheet.", "tool": "small-centre-combined-clinic-huddle-sheet"},
                            {"title": "Pre-populate the visit note from the registry", "description": "The visit note template pulls the last PGA, wPCDAI or PUCAI, growth and drug levels so clinicians do not search for them.", "tool": None},
                        ],
                    },
                    {
                        "title": "Population management between visits",
                        "change_ideas": [
                            {"title": "Weekly population-management huddle", "description": "Review the flagged children every week and give each a named owner and a due date.", "tool": "ibd-population-management-registry-report"},
                            {"title": "Reach out to children not seen in six months", "description": "The care coordinator phones families on the NOT SEEN list and books a visit or a video call.", "tool": "ibd-population-management-registry-report"},
                        ],
                    },
                ],
            },
            {
                "title": "Treat to target with timely optimisation of therapy",
                "description": "Disease activity is assessed objectively and treatment changes promptly when targets are not met.",
                "secondary": [
                    {
                        "title": "Consistent, objective assessment of disease activity",
                        "change_ideas": [
                            {"title": "Calibrate PGA scoring every year", "description": "All clinicians score the practice cases once a year so that remission means the same thing everywhere.", "tool": "ibd-remission-measures-scoring-guide"},
                            {"title": "Post calprotectin kits before clinic", "description": "Send kits ten days ahead to children due a calprotectin so the result is available at the visit (see the worked PDSA example).", "tool": "pdsa-worksheet-with-ibd-and-jia-examples"},
                        ],
                    },
                    {
                        "title": "Optimised biologic therapy",
                        "change_ideas": [
                            {"title": "Take trough levels at the infusion", "description": "Infusion nurses take the trough level from the cannula before the dose whenever it is due under the TDM protocol.", "tool": "anti-tnf-infusion-day-nursing-checklist"},
                            {"title": "Use a decision aid when starting a biologic", "description": "Send the decision aid with the appointment letter so that the family's priorities shape the choice.", "tool": "ibd-biologic-shared-decision-making-aid"},
                        ],
                    },
                    {
                        "title": "A planned exit from corticosteroids",
                        "change_ideas": [
                            {"title": "Every steroid course has a written taper and review date", "description": "The prescription includes the taper, the date of review and what happens if symptoms return during the taper.", "tool": None},
                            {"title": "Offer exclusive enteral nutrition first in Crohn's disease", "description": "Offer EEN as first-line induction with dietitian support and record progress on the growth and nutrition form.", "tool": "ibd-growth-and-nutrition-monitoring-form"},
                        ],
                    },
                ],
            },
            {
                "title": "Activated, prepared patients and families",
                "description": "Children and families know how to manage the condition day to day and share decisions with the team.",
                "secondary": [
                    {
                        "title": "Self-management support",
                        "change_ideas": [
                            {"title": "A flare action plan for every family", "description": "Complete the green-amber-red plan with each family at a routine visit and review it yearly.", "tool": "ibd-flare-action-plan"},
                            {"title": "A teen flare plan during time alone", "description": "Offer the teen version from age 13 while the young person is seen alone.", "tool": "ibd-flare-action-plan-for-teens"},
                        ],
                    },
                    {
                        "title": "Hearing the young person's priorities",
                        "change_ideas": [
                            {"title": "Pre-visit patient-reported outcomes", "description": "Send the pre-visit survey three days ahead and route high scores to the pre-visit plan.", "tool": "ibd-jia-pre-visit-patient-reported-outcomes-survey"},
                            {"title": "Open the visit with the young person's 'one thing'", "description": "The clinician starts the consultation by asking about the thing the young person most wants to discuss.", "tool": None},
                        ],
                    },
                ],
            },
            {
                "title": "Whole-person care",
                "description": "Growth, nutrition, mental health and school are treated as part of IBD care, not extras.",
                "secondary": [
                    {
                        "title": "Growth and nutrition",
                        "change_ideas": [
                            {"title": "Growth form at every visit", "description": "Record z-scores and height velocity on the monitoring form and act on the triggers.", "tool": "ibd-growth-and-nutrition-monitoring-form"},
                            {"title": "Dietitian review within four weeks of diagnosis", "description": "Book a dietitian appointment before the family leaves the diagnosis visit.", "tool": None},
                        ],
                    },
                    {
                        "title": "Psychosocial wellbeing and school",
                        "change_ideas": [
                            {"title": "Offer a school letter every year", "description": "Offer the school letter at the start of each school year and before exams.", "tool": "ibd-jia-school-accommodations-letter-template"},
                            {"title": "Yearly psychosocial screen from age 12", "description": "Screen for depression and anxiety once a year and route positive screens as set out in the psychosocial screening protocol.", "tool": None},
                        ],
                    },
                ],
            },
        ],
        "measures": [
            {
                "kind": "outcome",
                "name": "Sustained steroid-free remission",
                "definition": (
                    "A patient is in sustained steroid-free remission if the PGA is quiescent at the most recent "
                    "visit and at every visit in the preceding 12 months (at least one earlier visit), with no "
                    "systemic corticosteroid (including oral budesonide) in that window. Active patients are "
                    "those with at least one visit in the last 13 months."
                ),
                "numerator": "Active patients whose most recent visit meets the definition",
                "denominator": "Active patients with IBD",
            },
            {
                "kind": "outcome",
                "name": "Remission at most recent visit",
                "definition": "PGA recorded as quiescent at the patient's most recent visit in the last 13 months.",
                "numerator": "Active patients with a quiescent PGA at the most recent visit",
                "denominator": "Active patients with a PGA recorded at the most recent visit",
            },
            {
                "kind": "process",
                "name": "Pre-visit planning completed",
                "definition": "An IBD clinic visit with a pre-visit planning note filed before the visit started.",
                "numerator": "IBD clinic visits in the month with a pre-visit planning note filed before the visit",
                "denominator": "All IBD clinic visits in the month",
            },
            {
                "kind": "process",
                "name": "Anti-TNF trough level in the last 12 months",
                "definition": "Patients on infliximab or adalimumab for at least 6 months with at least one trough level in the last 12 months.",
                "numerator": "Patients on anti-TNF for 6 months or more with a trough level in the last 12 months",
                "denominator": "Patients on anti-TNF for 6 months or more",
            },
            {
                "kind": "balancing",
                "name": "Unplanned IBD-related admissions",
                "definition": (
                    "Unplanned hospital admissions of at least one night with IBD as the primary reason, in the "
                    "last 12 months, per 100 active patients. Watched to make sure that avoiding steroids does "
                    "not leave children under-treated."
                ),
                "numerator": "Unplanned IBD-related admissions in the last 12 months, multiplied by 100",
                "denominator": "Active patients with IBD",
            },
        ],
    },
    {
        "slug": "jia-inactive-disease-and-uveitis-screening-change-package",
        "title": "Change package: inactive disease and reliable uveitis screening in JIA",
        "summary": (
            "A JIA change package with two linked goals: more children reaching inactive disease measured "
            "by cJADAS10, and every child screened for uveitis on time. Includes driver diagram, change "
            "ideas linked to tools, and measures."
        ),
        "body": [
            ("heading", "Two goals, one system"),
            (
                "paragraph",
                "<p>The JIA working group chose two goals that depend on the same clinic system: measuring "
                "disease activity at every visit so that treatment can be escalated promptly, and keeping "
                "track of every child's eye-screening due date. Both fail for the same reason – nobody owns "
                "the list – and both improve with the same changes: pre-visit planning, a weekly population "
                "huddle and well-prepared families.</p>",
            ),
            (
                "table",
                {
                    "caption": "Baseline across six centres (January–June 2024)",
                    "header": ["Measure", "Baseline", "Range across centres"],
                    "rows": [
                        ["Inactive disease (cJADAS10 ≤ 1) at most recent visit", "48%", "39–61%"],
                        ["Uveitis screening up to date", "71%", "58–86%"],
                        ["cJADAS10 recorded at visit", "63%", "22–94%"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "tone": "warning",
                    "title": "Measure first",
                    "text": (
                        "Centres recording cJADAS10 at fewer than 80% of visits should start with the first "
                        "primary driver; the inactive-disease rate is not interpretable until the score is "
                        "recorded reliably."
                    ),
                },
            ),
        ],
        "conditions": ["jia"],
        "resource_type": "change-package",
        "phase": "change",
        "audiences": ["improvement-teams", "clinicians", "nurses"],
        "tags": ["inactive disease", "uveitis screening", "cJADAS10", "driver diagram", "treat to target"],
        "licence": "CC-BY-NC-4.0",
        "attribution": "Network JIA working group (Westmoor, Mountain View, Prairie and St Brigid's).",
        "contributors": [
            ("kenji.watanabe", "author"),
            ("owen.hughes", "author"),
            ("ruth.adeyemi", "author"),
            ("claire.dubois", "reviewer"),
            ("amara.nwosu", "reviewer"),
        ],
        "organisations": ["westmoor-childrens", "mountain-view-paediatrics", "prairie-childrens", "st-brigids-childrens"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Any; measures calculated from the JIA registry",
            "staff_time": "Weekly 30-minute team meeting and 20-minute population huddle",
            "resources_needed": "JIA registry participation; an agreed ophthalmology contact; a rheumatology nurse",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2024-10-14",
                "notes": "First release, agreed at the autumn learning session.",
                "files": [
                    {
                        "filename": "jia-change-package-v1-0.pdf",
                        "title": "Change package",
                        "text": [
                            "Aim: inactive disease (cJADAS10 <= 1) from 48% to 60% and uveitis screening up to date from 71% to 90% by 30 June 2027.",
                            "Primary driver 1: measure disease activity at every visit.",
                            "Primary driver 2: timely, effective and safe treatment.",
                            "Primary driver 3: protect sight through reliable uveitis screening.",
                            "Primary driver 4: families as partners in daily life, school and wellbeing.",
                            "Outcome: inactive disease. Process: uveitis screening up to date; cJADAS10 recorded.",
                            "Balancing: methotrexate stopped for intolerance within 12 months of starting.",
                            "Start with cJADAS10 recording and the EYES flag on the population report.",
                        ],
                    },
                    {
                        "filename": "jia-change-package-measures.xlsx",
                        "title": "Measure definitions",
                        "text": [
                            "Measure | Type | Numerator | Denominator | Frequency",
                            "Inactive disease | Outcome | Patients with cJADAS10 <= 1 at most recent visit | Active non-systemic JIA patients with cJADAS10 recorded | Monthly",
                            "Uveitis screening up to date | Process | Patients whose last slit-lamp exam is within the interval for their risk group | Active patients requiring screening | Monthly",
                            "cJADAS10 recorded | Process | Visits with all three cJADAS10 components recorded | JIA clinic visits | Monthly",
                            "Methotrexate stopped for intolerance | Balancing | Patients starting methotrexate who stopped for intolerance within 12 months | Patients starting methotrexate 12-24 months ago | Quarterly",
                            "Notes | Active = at least one visit in the last 13 months | Systemic JIA is excluded from the inactive-disease measure | Screening intervals come from the uveitis screening protocol | Refreshed on the 5th working day of each month",
                        ],
                    },
                ],
            }
        ],
        "aim": (
            "Across six care centres, increase the proportion of children with non-systemic JIA who have "
            "inactive disease (cJADAS10 ≤ 1) at their most recent visit from 48% to 60%, and the proportion "
            "up to date with uveitis screening from 71% to 90%, by 30 June 2027."
        ),
        "drivers": [
            {
                "title": "Measure disease activity at every visit",
                "description": "Treatment decisions rest on a standard score recorded at every visit and visible across the clinic population.",
                "secondary": [
                    {
                        "title": "Standard disease-activity scoring",
                        "change_ideas": [
                            {"title": "cJADAS10 form at every visit", "description": "Use the one-page form so all three components are recorded.", "tool": "jia-cjadas10-disease-activity-form"},
                            {"title": "Patient global completed in the waiting room", "description": "Reception hands Part A of the form to the family at check-in.", "tool": "jia-cjadas10-disease-activity-form"},
                        ],
                    },
                    {
                        "title": "Registry-driven population management",
                        "change_ideas": [
                            {"title": "Weekly huddle with the JIA population report", "description": "Review ACTIVE, EYES and MTX LABS flags weekly and assign owners.", "tool": "jia-population-management-registry-report"},
                            {"title": "Pre-visit planning for every JIA clinic", "description": "A nurse completes the JIA checklist three to five days ahead.", "tool": "jia-pre-visit-planning-checklist"},
                            {"title": "One-page huddle sheet in small centres", "description": "Centres with a combined clinic use the single-sheet version.", "tool": "small-centre-combined-clinic-huddle-sheet"},
                        ],
                    },
                ],
            },
            {
                "title": "Timely, effective and safe treatment",
                "description": "Children who are not at target have treatment escalated promptly, and medicines are taken safely.",
                "secondary": [
                    {
                        "title": "Treat to target",
                        "change_ideas": [
                            {"title": "Review three months after starting methotrexate", "description": "Book a review at three months; if cJADAS10 is not at target, discuss escalation at that visit.", "tool": None},
                            {"title": "Joint injection within two weeks of the decision", "description": "Hold weekly injection slots and send the preparation video with the appointment letter.", "tool": "jia-joint-injection-day-video-for-families"},
                        ],
                    },
                    {
                        "title": "Medication safety and adherence",
                        "change_ideas": [
                            {"title": "Structured methotrexate teaching with teach-back", "description": "Every new start has a dedicated nurse teaching session using the checklist.", "tool": "jia-methotrexate-nurse-teaching-checklist"},
                            {"title": "Family handout and weekly dose record", "description": "Families go home with the handout and a fridge record.", "tool": "jia-methotrexate-family-handout"},
                            {"title": "Phone call after the second dose", "description": "The nurse phones to ask about nausea and injection technique before problems become aversion.", "tool": None},
                        ],
                    },
                ],
            },
            {
                "title": "Protect sight through reliable uveitis screening",
                "description": "Every child is screened at diagnosis and at the interval set by their risk group, and results come back to the team.",
                "secondary": [
                    {
                        "title": "Reliable screening schedule",
                        "change_ideas": [
                            {"title": "Book the first eye exam before leaving the diagnosis visit", "description": "The nurse books the first slit-lamp examination during the diagnosis visit (see the worked PDSA example).", "tool": "pdsa-worksheet-with-ibd-and-jia-examples"},
                            {"title": "Eye-exam due date on every pre-visit plan", "description": "The due date is calculated from the protocol table and checked before each visit.", "tool": "jia-pre-visit-planning-checklist"},
                            {"title": "Recall children with an EYES flag", "description": "The nurse phones families of children on the EYES list and books the examination.", "tool": "jia-population-management-registry-report"},
                        ],
                    },
                    {
                        "title": "Shared care with ophthalmology",
                        "change_ideas": [
                            {"title": "Standard results letter from ophthalmology", "description": "Agree a one-line result format (no uveitis / uveitis – activity grade – next exam date) copied to rheumatology.", "tool": None},
                            {"title": "Monthly joint uveitis clinic", "description": "Rheumatology and ophthalmology see children with active uveitis together once a month.", "tool": None},
                        ],
                    },
                ],
            },
            {
                "title": "Families as partners in daily life, school and wellbeing",
                "description": "Families and young people have what they need to manage JIA at home and at school.",
                "secondary": [
                    {
                        "title": "School and growing up",
                        "change_ideas": [
                            {"title": "School letter at the start of each year", "description": "Offer the letter with specific adjustments for handwriting, stairs and exams.", "tool": "ibd-jia-school-accommodations-letter-template"},
                            {"title": "Transition readiness from age 12", "description": "Introduce the readiness checklist at the first visit after the 12th birthday.", "tool": "transition-readiness-checklist"},
                        ],
                    },
                    {
                        "title": "Pain, fatigue and mood",
                        "change_ideas": [
                            {"title": "Pre-visit patient-reported outcomes", "description": "Collect pain interference, fatigue and function before the visit.", "tool": "ibd-jia-pre-visit-patient-reported-outcomes-survey"},
                            {"title": "Direct referral to psychology for high scores", "description": "Agree a direct referral route for high anxiety or pain-interference scores.", "tool": None},
                        ],
                    },
                ],
            },
        ],
        "measures": [
            {
                "kind": "outcome",
                "name": "Inactive disease at most recent visit",
                "definition": "cJADAS10 of 1 or below at the most recent visit in the last 13 months, in children with non-systemic JIA.",
                "numerator": "Active non-systemic JIA patients with cJADAS10 ≤ 1 at the most recent visit",
                "denominator": "Active non-systemic JIA patients with cJADAS10 recorded at the most recent visit",
            },
            {
                "kind": "process",
                "name": "Uveitis screening up to date",
                "definition": (
                    "The date of the last slit-lamp examination is within the screening interval for the child's "
                    "risk group in the uveitis screening protocol, or the child is under active ophthalmology care "
                    "for uveitis."
                ),
                "numerator": "Active JIA patients whose screening is up to date",
                "denominator": "Active JIA patients",
            },
            {
                "kind": "process",
                "name": "cJADAS10 recorded",
                "definition": "A JIA clinic visit with all three cJADAS10 components recorded in the registry.",
                "numerator": "JIA clinic visits in the month with all three components recorded",
                "denominator": "JIA clinic visits in the month",
            },
            {
                "kind": "balancing",
                "name": "Methotrexate stopped for intolerance",
                "definition": (
                    "Children who stopped methotrexate within 12 months of starting, with intolerance (nausea, "
                    "aversion or abnormal blood tests) recorded as the reason. Watched to make sure faster "
                    "escalation does not come at the cost of tolerability."
                ),
                "numerator": "Children who started methotrexate 12–24 months ago and stopped it for intolerance within 12 months",
                "denominator": "Children who started methotrexate 12–24 months ago",
            },
        ],
    },
    {
        "slug": "transition-to-adult-care-change-package",
        "title": "Change package: transition from paediatric to adult care",
        "summary": (
            "A cross-condition change package for preparing young people for adult care, tested in IBD and "
            "JIA clinics and now spreading to diabetes and congenital heart clinics: readiness assessment, "
            "time alone, planned transfer and confirmed arrival."
        ),
        "body": [
            ("heading", "The gap after the last paediatric appointment"),
            (
                "paragraph",
                "<p>In 2023 the network followed 140 young people with IBD or JIA who had transferred to adult "
                "care: 38% did not attend an adult appointment within six months, and a quarter of those "
                "returned through the emergency department. The changes in this package were tested at "
                "Eastgate, Riverbend and Kingsbridge and are now being spread to every condition programme.</p>",
            ),
            (
                "steps",
                [
                    {"title": "Age 12", "text": "Share the transition policy; first readiness checklist."},
                    {"title": "Age 14", "text": "Part of every visit without the parent; goals from the checklist."},
                    {"title": "Age 16", "text": "Young person books their own appointments; confidentiality explained."},
                    {"title": "Six months before transfer", "text": "Medical summary sent; joint or handover appointment booked."},
                    {"title": "Three months after transfer", "text": "Care coordinator confirms the young person has attended."},
                ],
            ),
            (
                "callout",
                {
                    "tone": "info",
                    "title": "Spreading across conditions",
                    "text": (
                        "The drivers are the same for every condition; only the condition-specific items on the "
                        "readiness checklist differ. Diabetes and congenital heart teams joining the spread phase "
                        "should use the 2024 version of the checklist, which includes their back pages."
                    ),
                },
            ),
        ],
        "conditions": ["ibd", "jia", "type-1-diabetes", "single-ventricle"],
        "resource_type": "change-package",
        "phase": "spread",
        "audiences": ["improvement-teams", "clinicians", "care-coordinators", "patients"],
        "tags": ["transition", "adolescents", "driver diagram", "cross-condition", "spread"],
        "licence": "CC-BY-SA-4.0",
        "attribution": "Network transition working group, with young people from the Patient and Family Advisory Council.",
        "contributors": [
            ("priya.raman", "author"),
            ("jonah.price", "author"),
            ("hannah.boyd", "author"),
            ("helen.fraser", "reviewer"),
            ("maya.patel", "reviewer"),
        ],
        "organisations": ["eastgate-university-childrens", "riverbend-childrens", "kingsbridge-community-paediatrics", "family-advisory-council"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "mixed",
            "centre_size": "any",
            "ehr": "Any; needs a registry or list field for transfer date and first adult appointment",
            "staff_time": "A named transition lead (about 2 hours a week in a medium centre) and care coordinator time for follow-up calls",
            "resources_needed": "A written transition policy; an agreed adult receiving team; a care coordinator or nurse for post-transfer calls",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2025-06-23",
                "notes": "First release after testing at Eastgate, Riverbend and Kingsbridge (2023–2025).",
                "files": [
                    {
                        "filename": "transition-change-package.pdf",
                        "title": "Change package",
                        "text": [
                            "Aim: readiness assessment in the last 12 months from 35% to 80%; first adult appointment attended within 6 months of transfer from 62% to 85%; by 31 March 2027.",
                            "Primary driver 1: start early and prepare - transition policy at 12; yearly readiness assessment.",
                            "Primary driver 2: build self-management skills - time alone; knowing my condition and medicines.",
                            "Primary driver 3: plan the transfer - transfer package; confirmed arrival.",
                            "Primary driver 4: the whole of life - education and work; emotional wellbeing.",
                            "Outcome: attended first adult appointment within 6 months of transfer.",
                            "Process: readiness assessment in last 12 months; time alone documented.",
                            "Balancing: emergency department attendances in the 12 months after transfer.",
                        ],
                    }
                ],
            }
        ],
        "aim": (
            "In participating IBD and JIA clinics, increase the proportion of young people aged 14–18 with a "
            "transition readiness assessment in the last 12 months from 35% to 80%, and the proportion who "
            "attend their first adult appointment within six months of transfer from 62% to 85%, by 31 March "
            "2027."
        ),
        "drivers": [
            {
                "title": "Start early and prepare",
                "description": "Young people and families know what transition involves from age 12 and can see their progress.",
                "secondary": [
                    {
                        "title": "A clear transition policy",
                        "change_ideas": [
                            {"title": "Share a written transition policy at 12", "description": "A one-page policy explains when transfer happens and how the team will help.", "tool": None},
                            {"title": "Introduce the readiness checklist after the 12th birthday", "description": "Give the checklist with the policy at the first visit after the 12th birthday.", "tool": "transition-readiness-checklist"},
                        ],
                    },
                    {
                        "title": "A yearly readiness assessment",
                        "change_ideas": [
                            {"title": "Record the readiness count in the registry", "description": "Record the number of 'yes' answers each year so progress can be seen.", "tool": "transition-readiness-checklist"},
                            {"title": "Transition prompt in IBD pre-visit planning", "description": "The IBD checklist flags young people whose assessment is due.", "tool": "ibd-pre-visit-planning-checklist"},
                            {"title": "Transition prompt in JIA pre-visit planning", "description": "Add the same prompt to the JIA checklist.", "tool": "jia-pre-visit-planning-checklist"},
                        ],
                    },
                ],
            },
            {
                "title": "Build self-management skills",
                "description": "Young people practise managing their own condition and care while paediatric support is still there.",
                "secondary": [
                    {
                        "title": "Time alone with the clinician",
                        "change_ideas": [
                            {"title": "Part of every visit without the parent from 14", "description": "Make time alone the default from age 14 and record whether it happened.", "tool": None},
                            {"title": "Explain time alone to parents in advance", "description": "Use the clinician notes that accompany the readiness checklist to explain to parents why time alone matters.", "tool": "transition-readiness-checklist"},
                        ],
                    },
                    {
                        "title": "Knowing my condition and medicines",
                        "change_ideas": [
                            {"title": "Teen flare plan", "description": "Young people with IBD complete their own flare plan.", "tool": "ibd-flare-action-plan-for-teens"},
                            {"title": "Teach-back for their own medicines", "description": "Use the teach-back questions with the young person, not only the parent.", "tool": "jia-methotrexate-nurse-teaching-checklist"},
                            {"title": "Young person completes the pre-visit survey", "description": "From 12, the young person completes the outcomes survey themselves.", "tool": "ibd-jia-pre-visit-patient-reported-outcomes-survey"},
                        ],
                    },
                ],
            },
            {
                "title": "Plan the transfer",
                "description": "The adult team knows the young person before the first appointment, and nobody is lost in between.",
                "secondary": [
                    {
                        "title": "A transfer package",
                        "change_ideas": [
                            {"title": "Medical summary six months before transfer", "description": "Send a structured summary to the adult team and give a copy to the young person.", "tool": None},
                            {"title": "Joint or handover clinic", "description": "Hold a joint appointment with the adult team, or a handover call if a joint clinic is not possible.", "tool": None},
                        ],
                    },
                    {
                        "title": "Confirmed arrival",
                        "change_ideas": [
                            {"title": "Call three months after transfer", "description": "The care coordinator phones the young person to check they have an adult appointment and know how to reach the team.", "tool": None},
                            {"title": "Transferred-patient flag on the population report", "description": "Keep transferred patients on the population report with a flag until the first adult appointment is confirmed.", "tool": "ibd-population-management-registry-report"},
                        ],
                    },
                ],
            },
            {
                "title": "The whole of life",
                "description": "Transition support covers education, work and emotional wellbeing, not only clinic attendance.",
                "secondary": [
                    {
                        "title": "Education and work",
                        "change_ideas": [
                            {"title": "School and exam letter", "description": "Offer the school letter with exam access arrangements at 15–16.", "tool": "ibd-jia-school-accommodations-letter-template"},
                            {"title": "Talk about college, university and work at 16", "description": "Add a question about plans after school to the 16-year review.", "tool": None},
                        ],
                    },
                    {
                        "title": "Emotional wellbeing",
                        "change_ideas": [
                            {"title": "Yearly psychosocial screen", "description": "Screen yearly from 12 as set out in the psychosocial screening protocol.", "tool": None},
                            {"title": "Peer mentoring", "description": "Young adults from the advisory council meet young people approaching transfer.", "tool": None},
                        ],
                    },
                ],
            },
        ],
        "measures": [
            {
                "kind": "outcome",
                "name": "First adult appointment attended within six months",
                "definition": "A young person transferred to adult care who attended an adult specialist appointment within 183 days of the transfer date.",
                "numerator": "Young people transferred 6–12 months ago who attended an adult appointment within 183 days of transfer",
                "denominator": "Young people transferred 6–12 months ago",
            },
            {
                "kind": "process",
                "name": "Readiness assessment in the last 12 months",
                "definition": "A transition readiness checklist completed by the young person and recorded in the registry in the last 12 months.",
                "numerator": "Active patients aged 14–18 with a readiness count recorded in the last 12 months",
                "denominator": "Active patients aged 14–18",
            },
            {
                "kind": "process",
                "name": "Time alone documented",
                "definition": "The visit note records that the young person spent part of the visit with the clinician without a parent or carer.",
                "numerator": "Visits by young people aged 14 and over with time alone documented",
                "denominator": "Visits by young people aged 14 and over",
            },
            {
                "kind": "balancing",
                "name": "Emergency attendances after transfer",
                "definition": (
                    "Emergency department attendances for the young person's condition in the 12 months after "
                    "transfer, where known. Watched to check that earlier, planned transfer does not increase "
                    "unplanned care."
                ),
                "numerator": "Young people transferred 12–24 months ago with at least one condition-related emergency attendance in the 12 months after transfer",
                "denominator": "Young people transferred 12–24 months ago with follow-up information available",
            },
        ],
    },
    {
        "slug": "ibd-anaemia-reduction-change-package",
        "title": "Change package: reducing anaemia in children with IBD",
        "summary": (
            "A change package being tested at three centres to reduce anaemia in paediatric IBD through "
            "reliable iron studies, population-level visibility, prompt and well-chosen iron replacement, "
            "and treating the underlying inflammation."
        ),
        "body": [
            ("heading", "A common, fixable complication"),
            (
                "paragraph",
                "<p>Almost one child in four with IBD at Lakeshore, Kingsbridge and Southport was anaemic at "
                "their most recent blood test in 2024, and ferritin had not been measured in the previous "
                "six months for a third of them. Anaemia causes tiredness, poor concentration at school and "
                "lower quality of life, and it is often treatable within weeks.</p>",
            ),
            (
                "callout",
                {
                    "tone": "warning",
                    "title": "Why this package is network-only for now",
                    "text": (
                        "The package is in its test phase and the results so far are unpublished and from three "
                        "centres only. It will be released under an open licence once the evaluation is "
                        "complete."
                    ),
                },
            ),
            (
                "table",
                {
                    "caption": "Early results (test phase)",
                    "header": ["Quarter", "Anaemia at most recent Hb", "Iron studies in last 6 months"],
                    "rows": [
                        ["Q4 2024 (baseline)", "24%", "64%"],
                        ["Q1 2025", "23%", "71%"],
                        ["Q2 2025", "21%", "79%"],
                        ["Q3 2025", "19%", "84%"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>The clinical decisions in this package follow the network's anaemia screening and iron "
                "replacement protocol; the change ideas are about making that protocol happen reliably.</p>",
            ),
        ],
        "conditions": ["ibd"],
        "resource_type": "change-package",
        "phase": "test",
        "audiences": ["improvement-teams", "clinicians", "care-coordinators"],
        "tags": ["anaemia", "iron deficiency", "driver diagram", "intravenous iron"],
        "licence": "network-only",
        "attribution": "Anaemia collaborative: Lakeshore Paediatrics, Kingsbridge Community Paediatrics and Southport Children's Hospital.",
        "contributors": [
            ("tom.alvarez", "author"),
            ("hannah.boyd", "author"),
            ("eilidh.mackay", "author"),
            ("samuel.okafor", "reviewer"),
        ],
        "organisations": ["lakeshore-paediatrics", "kingsbridge-community-paediatrics", "southport-childrens"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Any; order set for iron studies recommended",
            "staff_time": "Care coordinator about 1 hour a week for follow-up calls; improvement meeting 30 minutes a week",
            "resources_needed": "Access to day-case intravenous iron; dietitian; registry haemoglobin field",
        },
        "releases": [
            {
                "label": "0.9",
                "date": "2025-11-10",
                "notes": "Test-phase release for the three collaborative centres and network members.",
                "files": [
                    {
                        "filename": "ibd-anaemia-change-package-test.pdf",
                        "title": "Change package (test phase)",
                        "text": [
                            "Aim: reduce anaemia at the most recent haemoglobin from 24% to 15% at three centres by 31 March 2027.",
                            "Primary driver 1: reliable screening - iron studies with every routine blood test; anaemia visible on the population report.",
                            "Primary driver 2: prompt, effective iron replacement - right route first time; follow-through.",
                            "Primary driver 3: treat the cause - control inflammation; diet and growth.",
                            "Outcome: anaemia at most recent Hb (WHO thresholds for age and sex).",
                            "Process: ferritin and TSAT in last 6 months; treatment started within 14 days of an anaemic result.",
                            "Balancing: IV iron infusion reactions and symptomatic hypophosphataemia.",
                            "Clinical decisions follow the network anaemia screening and iron replacement protocol.",
                        ],
                    }
                ],
            }
        ],
        "aim": (
            "Reduce the proportion of children with IBD who are anaemic at their most recent haemoglobin "
            "measurement from 24% to 15% at Lakeshore, Kingsbridge and Southport by 31 March 2027."
        ),
        "drivers": [
            {
                "title": "Reliable screening",
                "description": "Every child has iron studies often enough to catch iron deficiency before it becomes anaemia.",
                "secondary": [
                    {
                        "title": "Iron studies with every routine blood test",
                        "change_ideas": [
                            {"title": "Standing order set", "description": "The IBD blood-test order set includes FBC, ferritin, transferrin saturation and CRP by default.", "tool": None},
                            {"title": "Anaemia line on the pre-visit checklist", "description": "The pre-visit plan checks when ferritin was last measured.", "tool": "ibd-pre-visit-planning-checklist"},
                        ],
                    },
                    {
                        "title": "Anaemia visible across the population",
                        "change_ideas": [
                            {"title": "ANAEMIA flag on the population report", "description": "The report flags any child whose last haemoglobin is below the WHO threshold for age and sex.", "tool": "ibd-population-management-registry-report"},
                            {"title": "Anaemia list at the weekly huddle", "description": "Each flagged child gets an owner and a plan at the huddle.", "tool": "ibd-population-management-registry-report"},
                        ],
                    },
                ],
            },
            {
                "title": "Prompt, effective iron replacement",
                "description": "Treatment starts quickly, by the route most likely to work, and is followed through.",
                "secondary": [
                    {
                        "title": "Right route first time",
                        "change_ideas": [
                            {"title": "Decision rule for oral versus intravenous iron", "description": "Use the protocol's rule: intravenous iron for haemoglobin below 100 g/L, active disease, or oral intolerance or failure.", "tool": None},
                            {"title": "IV iron in the biologic infusion unit", "description": "Offer IV iron slots alongside biologic infusions so children do not need an extra hospital day.", "tool": "anti-tnf-infusion-day-nursing-checklist"},
                        ],
                    },
                    {
                        "title": "Follow-through",
                        "change_ideas": [
                            {"title": "Two-week tolerance call", "description": "The care coordinator phones two weeks after oral iron starts to ask about side effects and adherence.", "tool": None},
                            {"title": "Book the four-week haemoglobin at prescribing", "description": "The repeat blood test is booked before the family leaves.", "tool": None},
                            {"title": "Test alternate-day oral iron", "description": "Run a PDSA cycle comparing tolerance of alternate-day dosing with daily dosing in a small group.", "tool": "pdsa-worksheet-with-ibd-and-jia-examples"},
                        ],
                    },
                ],
            },
            {
                "title": "Treat the cause",
                "description": "Anaemia is treated as a sign that inflammation or nutrition needs attention, not only as a blood result.",
                "secondary": [
                    {
                        "title": "Control inflammation",
                        "change_ideas": [
                            {"title": "Anaemia prompts a disease-activity review", "description": "A new anaemia triggers a check that PGA and calprotectin have been reviewed.", "tool": "ibd-remission-measures-scoring-guide"},
                            {"title": "Drug level if anaemic on anti-TNF", "description": "Take a trough level at the next infusion for any child on anti-TNF who becomes anaemic.", "tool": "anti-tnf-infusion-day-nursing-checklist"},
                        ],
                    },
                    {
                        "title": "Diet and growth",
                        "change_ideas": [
                            {"title": "Dietitian advice on iron-rich foods", "description": "The dietitian reviews iron intake and records it on the growth and nutrition form.", "tool": "ibd-growth-and-nutrition-monitoring-form"},
                            {"title": "Check growth when anaemia is found", "description": "Review height velocity, as anaemia and poor growth often travel together.", "tool": "ibd-growth-and-nutrition-monitoring-form"},
                        ],
                    },
                ],
            },
        ],
        "measures": [
            {
                "kind": "outcome",
                "name": "Anaemia at most recent haemoglobin",
                "definition": (
                    "Most recent haemoglobin in the last 6 months below the WHO threshold for age and sex "
                    "(5–11 years below 115 g/L; 12–14 years below 120 g/L; girls 15 and over below 120 g/L; "
                    "boys 15 and over below 130 g/L)."
                ),
                "numerator": "Active IBD patients whose most recent haemoglobin is below the threshold",
                "denominator": "Active IBD patients with a haemoglobin in the last 6 months",
            },
            {
                "kind": "process",
                "name": "Iron studies in the last 6 months",
                "definition": "Ferritin and transferrin saturation both measured in the last 6 months.",
                "numerator": "Active IBD patients with ferritin and transferrin saturation in the last 6 months",
                "denominator": "Active IBD patients",
            },
            {
                "kind": "process",
                "name": "Treatment started within 14 days",
                "definition": "Iron treatment (oral or intravenous) started within 14 days of a new anaemic haemoglobin result with iron deficiency.",
                "numerator": "New iron-deficiency anaemia episodes with iron started within 14 days",
                "denominator": "New iron-deficiency anaemia episodes in the period",
            },
            {
                "kind": "balancing",
                "name": "Adverse events after intravenous iron",
                "definition": (
                    "An intravenous iron course followed by an infusion reaction needing treatment, or by "
                    "symptomatic hypophosphataemia within 8 weeks. Watched because greater use of IV iron is "
                    "one of the changes being tested."
                ),
                "numerator": "IV iron courses followed by an infusion reaction or symptomatic hypophosphataemia",
                "denominator": "IV iron courses given in the period",
            },
        ],
    },
]


PROTOCOLS = [
    {
        "slug": "ibd-anaemia-screening-and-iron-replacement-protocol",
        "title": "Anaemia screening and iron replacement in paediatric IBD",
        "summary": (
            "How often to screen children with IBD for anaemia and iron deficiency, how to interpret "
            "ferritin when there is inflammation, when to choose oral or intravenous iron, and how to "
            "follow up."
        ),
        "body": [
            ("heading", "Why a protocol"),
            (
                "paragraph",
                "<p>Anaemia is the most common extra-intestinal complication of IBD and is usually a mix of "
                "iron deficiency and anaemia of inflammation. Ferritin rises with inflammation, so a "
                "'normal' ferritin can hide iron deficiency in a child with active disease. This protocol "
                "sets out the screening interval, the thresholds and the choice of treatment so that every "
                "centre acts on the same results in the same way.</p>",
            ),
            (
                "table",
                {
                    "caption": "WHO haemoglobin thresholds for anaemia",
                    "header": ["Age and sex", "Anaemia if haemoglobin below"],
                    "rows": [
                        ["6 months to 4 years", "110 g/L"],
                        ["5 to 11 years", "115 g/L"],
                        ["12 to 14 years", "120 g/L"],
                        ["15 years and over, female", "120 g/L"],
                        ["15 years and over, male", "130 g/L"],
                    ],
                },
            ),
            (
                "table",
                {
                    "caption": "Interpreting iron studies",
                    "header": ["Situation", "Iron deficiency likely if"],
                    "rows": [
                        ["No evidence of inflammation (normal CRP, quiescent disease)", "Ferritin below 30 µg/L"],
                        ["Active inflammation", "Ferritin below 100 µg/L, or transferrin saturation below 20%"],
                        ["Ferritin 100 µg/L or more with transferrin saturation below 20% during inflammation", "Anaemia of inflammation is likely; treat the inflammation and discuss with the consultant"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "tone": "warning",
                    "title": "Look beyond iron",
                    "text": (
                        "If the MCV is normal or high, or the anaemia does not respond to iron, check vitamin B12 "
                        "and folate (especially after ileal resection or with extensive ileal disease), and "
                        "consider medication effects such as thiopurines."
                    ),
                },
            ),
        ],
        "conditions": ["ibd"],
        "resource_type": "protocol",
        "phase": "implement",
        "audiences": ["clinicians", "nurses"],
        "tags": ["anaemia", "iron deficiency", "intravenous iron", "laboratory monitoring"],
        "licence": "CC-BY-4.0",
        "attribution": "Network IBD working group, led by Lakeshore Paediatrics; based on the ECCO consensus on iron deficiency and anaemia in IBD.",
        "contributors": [("tom.alvarez", "author"), ("eilidh.mackay", "author"), ("samuel.okafor", "reviewer"), ("claire.dubois", "reviewer")],
        "organisations": ["lakeshore-paediatrics", "network-office"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Any; an order set for FBC, ferritin, transferrin saturation and CRP is recommended",
            "staff_time": "No extra clinic time; day-case time for intravenous iron",
            "resources_needed": "Laboratory iron studies; a day-case unit able to give intravenous iron to children",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2024-01-22",
                "notes": "First network version, replacing three different local guidelines.",
                "files": [
                    {
                        "filename": "ibd-anaemia-protocol-v1-0.pdf",
                        "title": "Protocol",
                        "text": [
                            "Anaemia screening and iron replacement in paediatric IBD - version 1.0",
                            "Screen: FBC, ferritin, transferrin saturation and CRP at diagnosis; every 3 months with active disease; every 6 months in remission.",
                            "Anaemia: haemoglobin below the WHO threshold for age and sex.",
                            "Iron deficiency: ferritin < 30 µg/L without inflammation; ferritin < 100 µg/L or TSAT < 20% with inflammation.",
                            "Oral iron: mild anaemia (Hb >= 100 g/L), quiescent disease, no previous intolerance. Once daily or on alternate days.",
                            "Intravenous iron: Hb < 100 g/L, active disease, oral intolerance or no response to oral iron after 4 weeks.",
                            "Follow-up: Hb at 4 weeks (expect a rise of at least 10 g/L); ferritin and TSAT at 3 months.",
                            "After correction: continue screening; re-treat when ferritin falls below 30 µg/L (or 100 µg/L with inflammation).",
                            "Non-response: check B12, folate, adherence, ongoing blood loss and disease activity.",
                            "Record the iron course in the registry so that the anaemia measures can be calculated.",
                        ],
                    }
                ],
            }
        ],
        "scope": (
            "Screening for, and treatment of, iron deficiency and iron-deficiency anaemia in outpatients with "
            "IBD. Does not cover acute severe colitis or transfusion decisions in acute bleeding."
        ),
        "population": "Children and young people under 18 with Crohn's disease, ulcerative colitis or IBD-unclassified.",
        "protocol_steps": [
            {"title": "Screen at the right interval", "text": "FBC, ferritin, transferrin saturation and CRP at diagnosis, every 3 months while disease is active and every 6 months in remission."},
            {"title": "Define anaemia", "text": "Compare haemoglobin with the WHO threshold for the child's age and sex."},
            {"title": "Classify iron status", "text": "Without inflammation, ferritin below 30 µg/L indicates iron deficiency; with inflammation, ferritin below 100 µg/L or transferrin saturation below 20% suggests it."},
            {"title": "Choose oral iron when appropriate", "text": "For mild anaemia (haemoglobin 100 g/L or more) in quiescent disease without previous intolerance, give oral iron once daily or on alternate days, at the dose in the local formulary."},
            {"title": "Choose intravenous iron when indicated", "text": "Give intravenous iron if haemoglobin is below 100 g/L, disease is active, oral iron was not tolerated, or haemoglobin has not risen after 4 weeks of oral iron."},
            {"title": "Follow up", "text": "Repeat haemoglobin at 4 weeks and expect a rise of at least 10 g/L; repeat ferritin and transferrin saturation at 3 months."},
            {"title": "Investigate non-response", "text": "Check adherence, vitamin B12 and folate, ongoing blood loss and disease activity; discuss with the consultant."},
            {"title": "Prevent recurrence", "text": "Continue routine screening after correction and re-treat when ferritin falls below the threshold again."},
        ],
        "citations": [
            {
                "text": "Dignass AU, Gasche C, Bettenworth D, et al. European consensus on the diagnosis and management of iron deficiency and anaemia in inflammatory bowel diseases. J Crohns Colitis. 2015;9(3):211-222.",
                "doi": "10.1093/ecco-jcc/jju009",
            },
            {
                "text": "van Rheenen PF, Aloi M, Assa A, et al. The medical management of paediatric Crohn's disease: an ECCO-ESPGHAN guideline update. J Crohns Colitis. 2021;15(2):171-194.",
                "doi": "10.1093/ecco-jcc/jjaa161",
            },
        ],
        "effective_date": "2024-02-01",
        "review_by": "2027-02-01",
        "superseded_by": None,
    },
    {
        "slug": "ibd-infliximab-trough-level-monitoring-protocol-2022",
        "title": "Infliximab trough level monitoring in paediatric IBD (2022)",
        "summary": (
            "The network's first drug-level protocol: reactive measurement of infliximab trough levels and "
            "antibodies when a child loses response. Superseded in 2025 by the proactive anti-TNF "
            "monitoring protocol."
        ),
        "body": [
            (
                "callout",
                {
                    "tone": "warning",
                    "title": "Superseded",
                    "text": (
                        "This protocol was replaced on 1 April 2025 by 'Proactive therapeutic drug monitoring of "
                        "anti-TNF therapy in paediatric IBD'. It is kept for reference and for audits of care "
                        "given before that date."
                    ),
                },
            ),
            ("heading", "What this protocol covered"),
            (
                "paragraph",
                "<p>In 2022 most centres measured infliximab levels only when a child lost response. This "
                "protocol standardised when the sample was taken (immediately before the next infusion), "
                "which laboratory was used, and how results were interpreted. It did not cover adalimumab or "
                "routine (proactive) monitoring.</p>",
            ),
            (
                "table",
                {
                    "caption": "Interpretation used in 2022",
                    "header": ["Trough level", "Antibodies", "Action"],
                    "rows": [
                        ["Below 3 µg/mL", "Not detected", "Increase dose or shorten interval"],
                        ["Below 3 µg/mL", "Detected", "Discuss switching to another anti-TNF"],
                        ["3–7 µg/mL", "Not measured", "Look for another cause of symptoms"],
                        ["Above 7 µg/mL", "Not measured", "Consider a change of drug class"],
                    ],
                },
            ),
        ],
        "conditions": ["ibd"],
        "resource_type": "protocol",
        "phase": "implement",
        "audiences": ["clinicians", "nurses"],
        "tags": ["therapeutic drug monitoring", "infliximab", "anti-TNF", "superseded"],
        "licence": "network-only",
        "attribution": "Network IBD working group, 2022.",
        "contributors": [("samuel.okafor", "author"), ("tom.alvarez", "author"), ("grace.lin", "reviewer")],
        "organisations": ["northfield-childrens", "lakeshore-paediatrics"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Any",
            "staff_time": "One extra blood sample at the infusion",
            "resources_needed": "Access to an infliximab level and antibody assay",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2022-05-16",
                "notes": "First network drug-level protocol (reactive monitoring only).",
                "files": [
                    {
                        "filename": "infliximab-trough-protocol-2022.pdf",
                        "title": "Protocol (superseded)",
                        "text": [
                            "Infliximab trough level monitoring - 2022 (network members only)",
                            "When: only when there is loss of response (symptoms plus raised calprotectin or CRP).",
                            "Sample: from the cannula immediately before the next infusion.",
                            "Laboratory: network reference laboratory; results within 10 working days.",
                            "Level below 3 µg/mL, antibodies not detected: increase dose or shorten interval.",
                            "Level below 3 µg/mL, antibodies detected: discuss switching to another anti-TNF.",
                            "Level 3-7 µg/mL: look for other causes (infection, stricture, irritable bowel symptoms).",
                            "Level above 7 µg/mL with active disease: consider a change of drug class.",
                        ],
                    }
                ],
            }
        ],
        "scope": "Reactive measurement of infliximab trough levels and anti-drug antibodies in children with loss of response.",
        "population": "Children and young people under 18 with IBD receiving maintenance infliximab.",
        "protocol_steps": [
            {"title": "Confirm loss of response", "text": "Symptoms of active disease with raised faecal calprotectin or CRP."},
            {"title": "Take the sample", "text": "Take the trough sample from the cannula immediately before the next infusion."},
            {"title": "Send to the reference laboratory", "text": "Request infliximab level and, if the level is below 3 µg/mL, anti-drug antibodies."},
            {"title": "Interpret and act", "text": "Use the interpretation table; discuss every result with the IBD consultant before changing treatment."},
        ],
        "citations": [
            {
                "text": "Ruemmele FM, Veres G, Kolho KL, et al. Consensus guidelines of ECCO/ESPGHAN on the medical management of pediatric Crohn's disease. J Crohns Colitis. 2014;8(10):1179-1207.",
                "doi": None,
            },
        ],
        "effective_date": "2022-06-01",
        "review_by": "2024-06-01",
        "superseded_by": "ibd-proactive-anti-tnf-therapeutic-drug-monitoring-protocol",
    },
    {
        "slug": "ibd-proactive-anti-tnf-therapeutic-drug-monitoring-protocol",
        "title": "Proactive therapeutic drug monitoring of anti-TNF therapy in paediatric IBD",
        "summary": (
            "When to measure infliximab and adalimumab levels (end of induction, every six months and on "
            "loss of response), the network's target levels, and what to do with low levels, antibodies "
            "or active disease despite adequate levels."
        ),
        "body": [
            ("heading", "From reactive to proactive"),
            (
                "paragraph",
                "<p>Children clear anti-TNF drugs faster than adults, particularly when they are small, have "
                "extensive disease or a low albumin, and many lose response because levels are too low rather "
                "than because the drug has stopped working. Current paediatric guidance recommends using drug "
                "levels to guide treatment changes rather than escalating or switching empirically. This "
                "protocol replaces the 2022 reactive-only protocol and adds adalimumab, end-of-induction "
                "levels and six-monthly proactive monitoring.</p>",
            ),
            (
                "table",
                {
                    "caption": "Network target trough levels (maintenance)",
                    "header": ["Drug", "Luminal disease", "Perianal fistulising disease"],
                    "rows": [
                        ["Infliximab", "5 µg/mL or above", "10 µg/mL or above"],
                        ["Adalimumab", "7.5 µg/mL or above", "12 µg/mL or above"],
                    ],
                },
            ),
            (
                "table",
                {
                    "caption": "Interpreting a result together with disease activity",
                    "header": ["Level", "Antibodies", "Disease", "Action"],
                    "rows": [
                        ["Below target", "Absent or low", "Active or quiescent", "Intensify: shorten the interval or increase the dose; recheck before the next-but-one dose"],
                        ["Below target or undetectable", "High", "Active", "Add or optimise an immunomodulator, or switch to another anti-TNF"],
                        ["At or above target", "Any", "Active (objectively confirmed)", "Mechanistic failure: switch to a different drug class"],
                        ["At or above target", "Any", "Quiescent", "Continue; no change needed"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "tone": "info",
                    "title": "Confirm activity objectively",
                    "text": (
                        "Before switching for 'active disease with adequate levels', confirm inflammation with "
                        "calprotectin, imaging or endoscopy. Symptoms alone can come from strictures, infection "
                        "or disorders of gut–brain interaction."
                    ),
                },
            ),
        ],
        "conditions": ["ibd"],
        "resource_type": "protocol",
        "phase": "implement",
        "audiences": ["clinicians", "nurses"],
        "tags": ["therapeutic drug monitoring", "infliximab", "adalimumab", "anti-TNF", "treat to target"],
        "licence": "CC-BY-4.0",
        "attribution": "Network IBD working group (Eastgate, Northfield, Lakeshore, St Brigid's).",
        "contributors": [
            ("priya.raman", "author"),
            ("samuel.okafor", "author"),
            ("tom.alvarez", "author"),
            ("claire.dubois", "reviewer"),
            ("carlos.mendes", "reviewer"),
        ],
        "organisations": ["eastgate-university-childrens", "northfield-childrens", "lakeshore-paediatrics", "st-brigids-childrens"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Any; the TDM flag on the population report identifies children due a level",
            "staff_time": "One extra sample at the infusion or clinic visit; 5 minutes to review each result",
            "resources_needed": "Infliximab and adalimumab level and antibody assays with results within 10 working days",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2025-03-17",
                "notes": "Replaces the 2022 infliximab protocol; adds adalimumab, end-of-induction and six-monthly proactive levels.",
                "files": [
                    {
                        "filename": "anti-tnf-tdm-protocol-v1-0.pdf",
                        "title": "Protocol",
                        "text": [
                            "Proactive therapeutic drug monitoring of anti-TNF therapy - version 1.0",
                            "Infliximab: trough before the 4th infusion (end of induction), then every 6 months, and on loss of response.",
                            "Adalimumab: trough at week 12, then every 6 months, and on loss of response; sample at any time before the next dose.",
                            "Targets (maintenance): infliximab >= 5 µg/mL; adalimumab >= 7.5 µg/mL.",
                            "Low level, no or low antibodies: intensify (shorter interval or higher dose) and recheck.",
                            "Low level, high antibodies, active disease: add or optimise immunomodulator, or switch within class.",
                            "Adequate level, objectively active disease: switch to a different drug class.",
                            "Record every level and action in the registry.",
                        ],
                    }
                ],
            },
            {
                "label": "1.1",
                "date": "2026-01-19",
                "notes": (
                    "Added higher targets for perianal fistulising disease; clarified that active disease must "
                    "be confirmed objectively before a switch out of class; added the dose-intensification table."
                ),
                "files": [
                    {
                        "filename": "anti-tnf-tdm-protocol-v1-1.pdf",
                        "title": "Protocol",
                        "text": [
                            "Proactive therapeutic drug monitoring of anti-TNF therapy - version 1.1",
                            "Infliximab: trough before the 4th infusion, then every 6 months, and on loss of response.",
                            "Adalimumab: level at week 12, then every 6 months, and on loss of response.",
                            "Targets: infliximab >= 5 µg/mL (>= 10 µg/mL perianal fistulising disease); adalimumab >= 7.5 µg/mL (>= 12 µg/mL perianal).",
                            "Confirm active disease with calprotectin, imaging or endoscopy before any switch.",
                            "Low level, no or low antibodies: intensify and recheck before the next-but-one dose.",
                            "Low level, high antibodies, active disease: add or optimise immunomodulator, or switch within class.",
                            "Adequate level, objectively active disease: switch to a different drug class.",
                            "Quiescent disease at or above target: continue.",
                        ],
                    },
                    {
                        "filename": "anti-tnf-dose-intensification-table.docx",
                        "title": "Dose-intensification options",
                        "text": [
                            "Infliximab, level below target: shorten the interval (for example from 8 to 6 weeks) or increase the dose per the local formulary.",
                            "Adalimumab, level below target: move from every-2-week to weekly dosing per the local formulary.",
                            "Recheck the level before the next-but-one dose after any change.",
                            "If the level remains below target after two intensification steps, discuss at the IBD multidisciplinary meeting.",
                            "Document the level, antibodies, disease activity and the action in the registry TDM fields.",
                            "Doses are prescribed according to the local paediatric formulary; this table does not replace it.",
                        ],
                    },
                ],
            },
        ],
        "scope": (
            "Measurement and interpretation of infliximab and adalimumab levels and anti-drug antibodies in "
            "outpatients with IBD, proactively and on loss of response. Acute severe colitis is out of scope."
        ),
        "population": "Children and young people under 18 with IBD starting or receiving infliximab or adalimumab.",
        "protocol_steps": [
            {"title": "Measure at the end of induction", "text": "Infliximab: trough before the fourth infusion. Adalimumab: level at week 12."},
            {"title": "Measure proactively during maintenance", "text": "Every 6 months while on therapy, added to the infusion or clinic visit by the TDM flag on the population report."},
            {"title": "Measure on loss of response", "text": "Whenever there is objective evidence of active disease."},
            {"title": "Take the sample correctly", "text": "Infliximab: from the cannula immediately before the infusion. Adalimumab: at any time before the next dose."},
            {"title": "Interpret with disease activity", "text": "Use the interpretation table, combining level, antibodies and objectively assessed disease activity."},
            {"title": "Act and recheck", "text": "After any change, recheck the level before the next-but-one dose."},
            {"title": "Record", "text": "Record level, antibodies, disease activity and action in the registry TDM fields."},
        ],
        "citations": [
            {
                "text": "van Rheenen PF, Aloi M, Assa A, et al. The medical management of paediatric Crohn's disease: an ECCO-ESPGHAN guideline update. J Crohns Colitis. 2021;15(2):171-194.",
                "doi": "10.1093/ecco-jcc/jjaa161",
            },
            {
                "text": "Feuerstein JD, Nguyen GC, Kupfer SS, Falck-Ytter Y, Singh S. American Gastroenterological Association Institute guideline on therapeutic drug monitoring in inflammatory bowel disease. Gastroenterology. 2017;153(3):827-834.",
                "doi": "10.1053/j.gastro.2017.07.032",
            },
            {
                "text": "Turner D, Ruemmele FM, Orlanski-Meyer E, et al. Management of paediatric ulcerative colitis, part 1: ambulatory care – an evidence-based guideline from ECCO and ESPGHAN. J Pediatr Gastroenterol Nutr. 2018;67(2):257-291.",
                "doi": "10.1097/MPG.0000000000002035",
            },
        ],
        "effective_date": "2025-04-01",
        "review_by": "2027-04-01",
        "superseded_by": None,
    },
    {
        "slug": "jia-uveitis-screening-schedule-protocol",
        "title": "Uveitis screening schedule for children with JIA",
        "summary": (
            "Who needs slit-lamp screening for uveitis, how often according to JIA category, ANA status, "
            "age at onset and disease duration, and how the rheumatology team makes sure no child falls "
            "through the gaps."
        ),
        "body": [
            (
                "callout",
                {
                    "tone": "warning",
                    "title": "Review overdue",
                    "text": (
                        "This protocol was due for review on 1 June 2026. The JIA working group is checking it "
                        "against current guidance; until the review is published, continue to use this version."
                    ),
                },
            ),
            ("heading", "Uveitis in JIA is usually silent"),
            (
                "paragraph",
                "<p>Chronic anterior uveitis affects a significant minority of children with JIA, most often "
                "young children with oligoarticular disease and a positive antinuclear antibody (ANA). It "
                "usually causes no symptoms until damage – cataract, glaucoma, band keratopathy – has "
                "occurred, so regular slit-lamp screening is the only way to find it early.</p>",
            ),
            (
                "table",
                {
                    "caption": "Screening intervals (children without known uveitis)",
                    "header": ["JIA category and risk factors", "Screening interval"],
                    "rows": [
                        ["Oligoarticular, RF-negative polyarticular, psoriatic or undifferentiated JIA; ANA positive; onset at age 6 or younger; disease duration 4 years or less", "Every 3 months"],
                        ["Same categories; any other combination of ANA, age at onset and duration up to 7 years from diagnosis", "Every 6 months"],
                        ["Same categories; more than 7 years from diagnosis", "Every 12 months"],
                        ["Systemic JIA, RF-positive polyarticular JIA, enthesitis-related arthritis", "Every 12 months, and urgent review for a red, painful or light-sensitive eye"],
                        ["Any category, for 12 months after stopping or reducing methotrexate or a biologic (network consensus)", "Every 3 months"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>Children with known uveitis are followed by ophthalmology at intervals set by the "
                "ophthalmologist and are outside this schedule.</p>",
            ),
        ],
        "conditions": ["jia"],
        "resource_type": "protocol",
        "phase": "implement",
        "audiences": ["clinicians", "nurses", "care-coordinators"],
        "tags": ["uveitis", "screening", "ophthalmology", "ANA"],
        "licence": "CC-BY-4.0",
        "attribution": "Network JIA working group with paediatric ophthalmology colleagues at Westmoor Children's Hospital.",
        "contributors": [("kenji.watanabe", "author"), ("owen.hughes", "author"), ("claire.dubois", "reviewer"), ("amara.nwosu", "reviewer")],
        "organisations": ["westmoor-childrens", "mountain-view-paediatrics"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Any; needs a field for last slit-lamp examination date and risk group",
            "staff_time": "A few minutes per child at diagnosis and at each interval change",
            "resources_needed": "Agreed access to paediatric ophthalmology or optometry with slit-lamp examination",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2023-05-15",
                "notes": "First network version.",
                "files": [
                    {
                        "filename": "jia-uveitis-screening-v1-0.pdf",
                        "title": "Protocol",
                        "text": [
                            "Uveitis screening schedule for children with JIA - version 1.0",
                            "First slit-lamp examination within 6 weeks of diagnosis.",
                            "Every 3 months: oligo, RF-negative poly, psoriatic or undifferentiated JIA; ANA+; onset <= 6 years; duration <= 4 years.",
                            "Every 6 months: same categories with other risk combinations, up to 7 years from diagnosis.",
                            "Every 12 months: more than 7 years from diagnosis; systemic JIA; RF-positive poly; enthesitis-related arthritis.",
                            "Record each examination date and result in the registry.",
                            "Families to report any red, painful or light-sensitive eye urgently.",
                        ],
                    }
                ],
            },
            {
                "label": "1.1",
                "date": "2024-07-01",
                "notes": (
                    "Added 3-monthly screening for 12 months after stopping or reducing methotrexate or a "
                    "biologic; added the missed-appointment step; first examination now within 4 weeks "
                    "(previously 6)."
                ),
                "files": [
                    {
                        "filename": "jia-uveitis-screening-v1-1.pdf",
                        "title": "Protocol",
                        "text": [
                            "Uveitis screening schedule for children with JIA - version 1.1",
                            "First slit-lamp examination within 4 weeks of diagnosis; book it before the family leaves the diagnosis visit.",
                            "Every 3 months: oligo, RF-negative poly, psoriatic or undifferentiated JIA; ANA+; onset <= 6 years; duration <= 4 years.",
                            "Every 6 months: same categories with other risk combinations, up to 7 years from diagnosis.",
                            "Every 12 months: more than 7 years from diagnosis; systemic JIA; RF-positive poly; enthesitis-related arthritis.",
                            "Every 3 months for 12 months after stopping or reducing methotrexate or a biologic (network consensus).",
                            "Missed examination: nurse contacts the family within 2 weeks and rebooks.",
                            "Record each examination date, result and next due date in the registry.",
                            "Families to report any red, painful or light-sensitive eye urgently.",
                        ],
                    },
                    {
                        "filename": "uveitis-screening-family-card.pdf",
                        "title": "Eye-check card for families",
                        "text": [
                            "Why eye checks matter",
                            "Arthritis can cause inflammation inside the eye (uveitis) without any redness or pain.",
                            "Regular checks with a special microscope (slit lamp) find it early, before it harms sight.",
                            "Your child's eye checks are due every: ____ months",
                            "Next eye check due by: ____________",
                            "If an eye becomes red, painful or sensitive to light, contact us the same day.",
                        ],
                    },
                ],
            },
        ],
        "scope": "Screening for chronic anterior uveitis in children with JIA who have not been diagnosed with uveitis.",
        "population": "Children and young people under 18 with JIA of any category, from diagnosis onwards.",
        "protocol_steps": [
            {"title": "Refer at diagnosis", "text": "Book the first slit-lamp examination before the family leaves the diagnosis visit, to take place within 4 weeks."},
            {"title": "Assign the risk group", "text": "Use JIA category, ANA result, age at onset and disease duration to choose the interval from the table; record it in the registry."},
            {"title": "Recalculate when things change", "text": "Review the interval at each birthday of disease duration, when the JIA category changes, and when methotrexate or a biologic is stopped or reduced."},
            {"title": "Track the due date", "text": "The EYES flag on the population report and the pre-visit checklist show every child whose examination is due or overdue."},
            {"title": "Follow up missed examinations", "text": "The rheumatology nurse contacts the family within 2 weeks of a missed examination and rebooks it."},
            {"title": "Act on results", "text": "If uveitis is found, ophthalmology takes over eye follow-up and the rheumatology team reviews systemic treatment within 2 weeks."},
        ],
        "citations": [
            {
                "text": "Angeles-Han ST, Ringold S, Beukelman T, et al. 2019 American College of Rheumatology/Arthritis Foundation guideline for the screening, monitoring, and treatment of juvenile idiopathic arthritis-associated uveitis. Arthritis Care Res. 2019;71(6):703-716.",
                "doi": "10.1002/acr.23871",
            },
            {
                "text": "Cassidy J, Kivlin J, Lindsley C, Nocton J; Section on Rheumatology; Section on Ophthalmology. Ophthalmologic examinations in children with juvenile rheumatoid arthritis. Pediatrics. 2006;117(5):1843-1845.",
                "doi": "10.1542/peds.2006-0421",
            },
        ],
        "effective_date": "2023-06-01",
        "review_by": "2026-06-01",
        "superseded_by": None,
    },
    {
        "slug": "jia-intra-articular-corticosteroid-injection-protocol",
        "title": "Intra-articular corticosteroid injection in JIA",
        "summary": (
            "A protocol for joint injections in children with JIA: indications, consent, choosing nitrous "
            "oxide or general anaesthesia, triamcinolone hexacetonide dosing, ultrasound guidance, "
            "aftercare and follow-up at six weeks."
        ),
        "body": [
            ("heading", "Fast, effective and local"),
            (
                "paragraph",
                "<p>Intra-articular corticosteroid injection is an effective treatment for active arthritis in "
                "one or a few joints and a useful bridge while systemic treatment takes effect. Triamcinolone "
                "hexacetonide is the preferred preparation because its effect lasts longest. The main barriers "
                "in our network have been waiting times and procedural distress, which this protocol "
                "addresses alongside the clinical steps.</p>",
            ),
            (
                "table",
                {
                    "caption": "Triamcinolone hexacetonide doses used in the network",
                    "header": ["Joint", "Dose", "Maximum"],
                    "rows": [
                        ["Knee, hip, shoulder", "1 mg/kg", "40 mg"],
                        ["Ankle (tibiotalar), elbow, wrist, subtalar", "0.5 mg/kg", "20 mg"],
                        ["Small joints of hands and feet, temporomandibular joint", "As in the network formulary table", "As in the formulary"],
                    ],
                },
            ),
            (
                "table",
                {
                    "caption": "Choosing sedation",
                    "header": ["Usually nitrous oxide and local anaesthetic", "Usually general anaesthesia"],
                    "rows": [
                        ["Older children able to use the mask, one or two easily reached joints", "Young children, several joints, hip, subtalar or temporomandibular joints, or a previous distressing procedure"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "tone": "warning",
                    "title": "Do not inject if…",
                    "text": (
                        "There is suspected joint or skin infection over the site, or the child is unwell with "
                        "fever. If septic arthritis is possible, aspirate and send fluid for culture before any "
                        "steroid is given."
                    ),
                },
            ),
        ],
        "conditions": ["jia"],
        "resource_type": "protocol",
        "phase": "implement",
        "audiences": ["clinicians", "nurses"],
        "tags": ["joint injection", "triamcinolone hexacetonide", "procedural sedation", "nitrous oxide"],
        "licence": "CC-BY-4.0",
        "attribution": "Mountain View Paediatrics and Westmoor Children's Hospital rheumatology teams, with St Brigid's psychology.",
        "contributors": [("owen.hughes", "author"), ("kenji.watanabe", "author"), ("yusuf.ali", "reviewer"), ("claire.dubois", "reviewer")],
        "organisations": ["mountain-view-paediatrics", "westmoor-childrens"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Any",
            "staff_time": "About 45 minutes of clinician and nurse time per nitrous oxide session; theatre time for general anaesthesia",
            "resources_needed": "Nitrous oxide with trained staff; ultrasound for deep joints; play specialist; theatre access",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2024-08-19",
                "notes": "First network version, combining the Mountain View and Westmoor local procedures.",
                "files": [
                    {
                        "filename": "jia-joint-injection-protocol.pdf",
                        "title": "Protocol",
                        "text": [
                            "Intra-articular corticosteroid injection in JIA - version 1.0",
                            "Indication: active arthritis in one or a few joints, or as a bridge to systemic therapy.",
                            "Consent: benefits, alternatives, risks (subcutaneous atrophy, post-injection flare, infection, crystal synovitis).",
                            "Sedation: nitrous oxide and local anaesthetic cream for suitable older children; general anaesthesia otherwise.",
                            "Drug: triamcinolone hexacetonide. Large joints 1 mg/kg (max 40 mg); medium joints 0.5 mg/kg (max 20 mg); small joints per formulary.",
                            "Ultrasound guidance for hip, subtalar, tibiotalar and temporomandibular joints.",
                            "Aseptic technique; aspirate effusion before injecting; send fluid if infection is possible.",
                            "Aftercare: rest the joint for the rest of the day; give the aftercare leaflet.",
                            "Follow-up: review response at 6 weeks; record joints injected and response in the registry.",
                        ],
                    }
                ],
            }
        ],
        "scope": "Intra-articular corticosteroid injection of peripheral joints and the temporomandibular joint in children with JIA.",
        "population": "Children and young people under 18 with JIA and active arthritis in one or more joints.",
        "protocol_steps": [
            {"title": "Confirm the indication", "text": "Active arthritis on examination, with ultrasound where the examination is uncertain; consider whether systemic therapy also needs to change."},
            {"title": "Prepare the family", "text": "Send the joint injection video and aftercare leaflet with the appointment; offer play specialist or psychology support if the child is anxious."},
            {"title": "Choose sedation", "text": "Nitrous oxide with topical local anaesthetic for suitable older children and accessible joints; general anaesthesia for young children, multiple or deep joints."},
            {"title": "Consent", "text": "Discuss benefits, alternatives and risks, including subcutaneous atrophy, post-injection flare and infection."},
            {"title": "Inject", "text": "Aseptic technique; ultrasound guidance for deep joints; aspirate any effusion; inject triamcinolone hexacetonide at the dose in the table."},
            {"title": "Aftercare", "text": "Rest the joint for the rest of the day; simple analgesia for aching; return advice for signs of infection."},
            {"title": "Review at six weeks", "text": "Assess response and record joints injected, drug, dose and response in the registry."},
        ],
        "citations": [
            {
                "text": "Ringold S, Angeles-Han ST, Beukelman T, et al. 2019 American College of Rheumatology/Arthritis Foundation guideline for the treatment of juvenile idiopathic arthritis: therapeutic approaches for non-systemic polyarthritis, sacroiliitis, and enthesitis. Arthritis Care Res. 2019;71(6):717-734.",
                "doi": "10.1002/acr.23870",
            },
            {
                "text": "Onel KB, Horton DB, Lovell DJ, et al. 2021 American College of Rheumatology guideline for the treatment of juvenile idiopathic arthritis: therapeutic approaches for oligoarthritis, temporomandibular joint arthritis, and systemic juvenile idiopathic arthritis. Arthritis Rheumatol. 2022;74(4):553-569.",
                "doi": None,
            },
        ],
        "effective_date": "2024-09-02",
        "review_by": "2027-09-01",
        "superseded_by": None,
    },
    {
        "slug": "ibd-jia-psychosocial-screening-protocol",
        "title": "Psychosocial screening in IBD and JIA clinics",
        "summary": (
            "A yearly screening protocol for depression and anxiety in young people with IBD or JIA, "
            "using PHQ-A and GAD-7 from age 12 and the parent-completed PSC-17 from age 8, with clear "
            "routing for positive screens and same-day risk assessment."
        ),
        "body": [
            ("heading", "Screening only helps if there is somewhere to go"),
            (
                "paragraph",
                "<p>Depression and anxiety are more common in young people with IBD than in their peers, and "
                "they affect adherence, pain and quality of life. The network's pilot at St Brigid's and "
                "Northfield showed that screening was acceptable to families, but also that a positive screen "
                "without an agreed next step left clinicians uneasy. This protocol therefore starts with the "
                "routing, and centres should not begin screening until each route is in place.</p>",
            ),
            (
                "table",
                {
                    "caption": "Instruments and routing",
                    "header": ["Instrument", "Who", "Score", "Route"],
                    "rows": [
                        ["PHQ-A (PHQ-9 modified for adolescents)", "Age 12–18", "0–9", "Discuss at the visit; rescreen in 12 months"],
                        ["PHQ-A", "Age 12–18", "10–14", "Offer psychology appointment within 4 weeks"],
                        ["PHQ-A", "Age 12–18", "15 or more", "Psychology review within 2 weeks; inform GP"],
                        ["PHQ-A item 9 (thoughts of self-harm)", "Age 12–18", "Any positive answer", "Same-day risk assessment before the young person leaves"],
                        ["GAD-7", "Age 12–18", "10 or more", "Offer psychology appointment within 4 weeks"],
                        ["PSC-17 (parent-completed)", "Age 8–11", "Total 15 or more", "Offer psychology appointment within 4 weeks"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "tone": "warning",
                    "title": "Why this protocol is network-only",
                    "text": (
                        "The routing and response times are specific to the pilot centres' psychology services "
                        "and are still being evaluated. Centres outside the network should design their own "
                        "routes with local mental health services."
                    ),
                },
            ),
        ],
        "conditions": ["ibd", "jia"],
        "resource_type": "protocol",
        "phase": "test",
        "audiences": ["clinicians", "nurses", "care-coordinators"],
        "tags": ["psychosocial screening", "depression", "anxiety", "mental health", "PHQ-A", "GAD-7"],
        "licence": "network-only",
        "attribution": "Psychosocial screening pilot group, St Brigid's Children's Hospital and Northfield Children's Hospital.",
        "contributors": [("yusuf.ali", "author"), ("carlos.mendes", "author"), ("grace.lin", "author"), ("hannah.boyd", "reviewer"), ("jonah.price", "reviewer")],
        "organisations": ["st-brigids-childrens", "northfield-childrens"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "medium",
            "ehr": "Any; questionnaires on paper, tablet or portal",
            "staff_time": "5 minutes for the young person; 2–5 minutes for the clinician to review; psychology capacity for positive screens",
            "resources_needed": "Psychology or mental health service with agreed response times; a same-day risk assessment pathway",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2024-12-09",
                "notes": "Pilot protocol for St Brigid's and Northfield IBD and JIA clinics.",
                "files": [
                    {
                        "filename": "psychosocial-screening-protocol-pilot.pdf",
                        "title": "Protocol (pilot)",
                        "text": [
                            "Psychosocial screening in IBD and JIA clinics - pilot version 1.0 (network members only)",
                            "Who: all young people aged 12-18 (PHQ-A and GAD-7, self-completed); ages 8-11 (PSC-17, parent-completed).",
                            "When: once a year, at the visit nearest the birthday, and at any visit where there is concern.",
                            "Before starting: confirm each route below is available with named contacts.",
                            "PHQ-A item 9 positive: same-day risk assessment before the young person leaves clinic.",
                            "PHQ-A 15+: psychology review within 2 weeks; inform GP with consent.",
                            "PHQ-A 10-14 or GAD-7 10+ or PSC-17 15+: offer psychology within 4 weeks.",
                            "Lower scores: discuss briefly; rescreen in 12 months.",
                            "Record completion and route in the registry; scores stay in the clinical record.",
                        ],
                    }
                ],
            }
        ],
        "scope": "Yearly screening for depression and anxiety, and routing of positive screens, in outpatient IBD and JIA clinics.",
        "population": "Children and young people aged 8–18 with IBD or JIA attending outpatient clinics at pilot centres.",
        "protocol_steps": [
            {"title": "Set up the routes first", "text": "Agree named contacts and response times with psychology and the same-day risk-assessment service before screening starts."},
            {"title": "Identify who is due", "text": "Pre-visit planning flags young people whose yearly screen is due."},
            {"title": "Administer privately", "text": "Young people aged 12 and over complete PHQ-A and GAD-7 on their own; parents of 8- to 11-year-olds complete PSC-17."},
            {"title": "Review before the young person leaves", "text": "The clinician scores and reviews the questionnaire during the visit, checking PHQ-A item 9 first."},
            {"title": "Route positive screens", "text": "Follow the routing table; a positive item 9 always leads to a same-day risk assessment."},
            {"title": "Record and rescreen", "text": "Record completion and route in the registry and rescreen in 12 months, or sooner if there is concern."},
        ],
        "citations": [
            {
                "text": "Mackner LM, Greenley RN, Szigethy E, Herzer M, Deer K, Hommel KA. Psychosocial issues in pediatric inflammatory bowel disease: report of the North American Society for Pediatric Gastroenterology, Hepatology, and Nutrition. J Pediatr Gastroenterol Nutr. 2013;56(4):449-458.",
                "doi": "10.1097/MPG.0b013e3182841263",
            },
        ],
        "effective_date": "2025-01-06",
        "review_by": "2026-12-31",
        "superseded_by": None,
    },
    {
        "slug": "methotrexate-prescribing-and-monitoring-protocol-ibd-jia",
        "title": "Methotrexate prescribing and laboratory monitoring in IBD and JIA",
        "summary": (
            "A shared protocol for once-weekly methotrexate in children with JIA or IBD: baseline checks, "
            "dosing, folic acid, blood monitoring schedule, thresholds for withholding, vaccines and "
            "pregnancy advice."
        ),
        "body": [
            ("heading", "One protocol for two clinics"),
            (
                "paragraph",
                "<p>Rheumatology and gastroenterology prescribe methotrexate to the same age group with much "
                "the same safety concerns, but the network's centres had nine different monitoring schedules "
                "between them. This shared protocol standardises the safety steps; the indication and dose "
                "targets remain condition-specific.</p>",
            ),
            (
                "table",
                {
                    "caption": "Monitoring schedule",
                    "header": ["When", "Tests"],
                    "rows": [
                        ["Before starting", "FBC, ALT (or AST), creatinine; varicella immunity; hepatitis B and C serology if risk factors; pregnancy test if post-menarchal"],
                        ["About 4 weeks after starting and after each dose increase", "FBC, ALT, creatinine"],
                        ["Then every 3 months", "FBC, ALT, creatinine"],
                    ],
                },
            ),
            (
                "table",
                {
                    "caption": "When to withhold and discuss with the consultant",
                    "header": ["Result", "Action"],
                    "rows": [
                        ["ALT more than 2 and up to 3 times the upper limit of normal", "Repeat within 2 weeks; check alcohol, other medicines and intercurrent illness"],
                        ["ALT more than 3 times the upper limit of normal", "Withhold; repeat within 1–2 weeks; discuss with the consultant"],
                        ["Neutrophils below 1.5 × 10⁹/L", "Withhold; repeat within 1 week; discuss"],
                        ["Platelets below 100 × 10⁹/L", "Withhold; repeat within 1 week; discuss"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "tone": "warning",
                    "title": "Once weekly",
                    "text": (
                        "Prescriptions must state the dose, the route and the day of the week. Pharmacy checks "
                        "every new methotrexate prescription for weekly dosing before it is dispensed."
                    ),
                },
            ),
        ],
        "conditions": ["jia", "ibd"],
        "resource_type": "protocol",
        "phase": "implement",
        "audiences": ["clinicians", "nurses"],
        "tags": ["methotrexate", "medication safety", "laboratory monitoring", "vaccines"],
        "licence": "CC-BY-NC-4.0",
        "attribution": "Network JIA and IBD working groups (Westmoor, Prairie, Northfield).",
        "contributors": [("kenji.watanabe", "author"), ("ruth.adeyemi", "author"), ("samuel.okafor", "author"), ("claire.dubois", "reviewer")],
        "organisations": ["westmoor-childrens", "prairie-childrens", "northfield-childrens"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Any; recurring blood-test orders recommended",
            "staff_time": "Nurse time to track results, about 2 minutes per patient per quarter",
            "resources_needed": "Local phlebotomy or home blood-test arrangements; nurse to review results; pharmacy weekly-dose check",
        },
        "releases": [
            {
                "label": "1.0",
                "date": "2024-09-23",
                "notes": "First shared version for rheumatology and gastroenterology.",
                "files": [
                    {
                        "filename": "methotrexate-protocol-ibd-jia.pdf",
                        "title": "Protocol",
                        "text": [
                            "Methotrexate prescribing and monitoring in IBD and JIA - version 1.0",
                            "JIA: usually 15 mg/m² once weekly (maximum 25 mg), subcutaneous or oral.",
                            "IBD: 15 mg/m² once weekly (maximum 25 mg), subcutaneous; reduction after sustained remission per consultant.",
                            "Folic acid: as per local formulary, not on the methotrexate day unless advised.",
                            "Baseline: FBC, ALT, creatinine, varicella immunity, pregnancy test if post-menarchal.",
                            "Monitoring: ~4 weeks after start or dose increase, then every 3 months.",
                            "Withhold and discuss: ALT > 3× ULN; neutrophils < 1.5 × 10^9/L; platelets < 100 × 10^9/L.",
                            "Vaccines: inactivated vaccines recommended; live vaccines only after consultant discussion.",
                            "Teaching: nurse session with the methotrexate teaching checklist before the first dose.",
                        ],
                    }
                ],
            }
        ],
        "scope": "Prescribing, safety monitoring and family teaching for once-weekly methotrexate in outpatients.",
        "population": "Children and young people under 18 with JIA or IBD starting or taking methotrexate.",
        "protocol_steps": [
            {"title": "Baseline checks", "text": "FBC, ALT, creatinine, varicella immunity, hepatitis serology if risk factors, and a pregnancy test if post-menarchal."},
            {"title": "Prescribe once weekly", "text": "State dose, route and day of the week; JIA usually 15 mg/m² weekly and IBD 15 mg/m² weekly, maximum 25 mg, subject to consultant decision."},
            {"title": "Prescribe folic acid", "text": "Prescribe folic acid as per the local formulary to reduce side effects."},
            {"title": "Teach the family", "text": "Nurse teaching session with teach-back before the first dose; give the family handout."},
            {"title": "Monitor bloods", "text": "FBC, ALT and creatinine about 4 weeks after starting and after each dose increase, then every 3 months."},
            {"title": "Act on abnormal results", "text": "Follow the withholding table and discuss with the consultant before restarting."},
            {"title": "Vaccines and pregnancy", "text": "Inactivated vaccines as scheduled, including yearly influenza; live vaccines only after discussion; contraception advice for sexually active young people."},
        ],
        "citations": [
            {
                "text": "Ringold S, Angeles-Han ST, Beukelman T, et al. 2019 American College of Rheumatology/Arthritis Foundation guideline for the treatment of juvenile idiopathic arthritis: therapeutic approaches for non-systemic polyarthritis, sacroiliitis, and enthesitis. Arthritis Care Res. 2019;71(6):717-734.",
                "doi": "10.1002/acr.23870",
            },
            {
                "text": "van Rheenen PF, Aloi M, Assa A, et al. The medical management of paediatric Crohn's disease: an ECCO-ESPGHAN guideline update. J Crohns Colitis. 2021;15(2):171-194.",
                "doi": "10.1093/ecco-jcc/jjaa161",
            },
        ],
        "effective_date": "2024-10-07",
        "review_by": "2027-10-07",
        "superseded_by": None,
    },
]
