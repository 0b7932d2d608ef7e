"""Demo content: single-ventricle heart disease and paediatric type 1 diabetes.

Tools, change packages and protocols published to the Improvement Commons by teams working on
interstage home monitoring, feeding and growth and neurodevelopmental follow-up for infants and
children with single-ventricle heart disease (HLHS and related lesions), and on HbA1c, diabetes
technology, depression screening, DKA prevention and school support for children and young people
with type 1 diabetes. People, organisations and figures are fictional. Shapes follow
``resources/demo/__init__.py``.
"""

TOOLS = [
    # ------------------------------------------------------------------
    # Single-ventricle heart disease
    # ------------------------------------------------------------------
    {
        "slug": "interstage-home-monitoring-log",
        "title": "Interstage home monitoring log: daily weight, oxygen saturation and feeds",
        "summary": (
            "A one-page-per-week log for families caring for an infant at home between stage 1 and "
            "stage 2 palliation. Records daily weight, oxygen saturation, feed volumes and wet nappies, "
            "with the network's call thresholds printed beside every column."
        ),
        "body": [
            ("heading", "Why a daily log"),
            ("paragraph",
             "<p>Most interstage deaths and unplanned readmissions are preceded by small changes over "
             "several days: a weight that stops climbing, saturations drifting down, a baby who takes a "
             "little less at each feed. A written log, filled in at the same time every day, makes those "
             "trends visible to the parents and to the monitoring nurse who reviews it on the weekly "
             "call.</p><p>The log was written by the interstage nursing team at Harbour City Heart with "
             "parents from the Family Advisory Council and has been used with more than 60 families "
             "since 2022.</p>"),
            ("table", {
                "caption": "Call thresholds printed on the log (network defaults; the cardiology team may "
                           "set different limits for an individual baby)",
                "header": ["What you measure", "Call the interstage team the same day if", "When to measure"],
                "rows": [
                    ["Oxygen saturation", "Below 75% or above 90% on two readings 10 minutes apart",
                     "Once a day, baby calm or asleep, warm feet"],
                    ["Weight", "Loss of 30 g or more since yesterday, or no gain over 3 days",
                     "Every morning before the first feed, same scale, nappy off"],
                    ["Feeds", "Less than 100 mL/kg in 24 hours, or feeds taking much longer than usual",
                     "Add up at midnight"],
                    ["Wet nappies", "Fewer than 6 in 24 hours", "Tally through the day"],
                    ["Breathing, colour, behaviour",
                     "Faster breathing, sweating with feeds, more blue or grey, unusually sleepy or irritable",
                     "Any time"],
                ],
            }),
            ("callout", {
                "tone": "warning",
                "title": "Some signs cannot wait for a call back",
                "text": "If the baby is floppy, hard to wake, has pauses in breathing or looks grey, families "
                        "should call their local emergency number first and the interstage team second. "
                        "This is printed in red at the foot of every page.",
            }),
            ("paragraph",
             "<p>The log deliberately leaves out heart rate: families found it hard to count reliably and "
             "it rarely triggered a useful call. Centres that want it can add a column to the Word "
             "version.</p>"),
        ],
        "conditions": ["single-ventricle"],
        "resource_type": "form",
        "phase": "change",
        "audiences": ["parents-families", "nurses"],
        "tags": ["interstage", "home monitoring", "pulse oximetry", "weight gain", "family partnership"],
        "licence": "CC-BY-4.0",
        "attribution": "Developed by the interstage nursing team at Harbour City Heart with the Family "
                       "Advisory Council.",
        "contributors": [("fatima.haddad", "author"), ("lucy.morgan", "author"), ("helen.fraser", "reviewer")],
        "organisations": ["harbour-city-heart", "family-advisory-council"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "home",
            "centre_size": "any",
            "ehr": "Any; paper log, with a Word version for local contact details",
            "staff_time": "20 minutes to teach at discharge; 10 minutes to review on each weekly call",
            "resources_needed": "Digital baby scale (accurate to 10 g) and home pulse oximeter issued before "
                                "discharge; printed logs for 6 months",
        },
        "how_to_use": [
            {"title": "Set the targets before discharge",
             "text": "The discharging cardiologist writes the baby's own saturation range and dry weight on "
                     "the first page. If no range is written, the network defaults apply."},
            {"title": "Teach with the baby's own equipment",
             "text": "Ask each caregiver to weigh the baby, take a saturation reading and fill in one row "
                     "while you watch. Use teach-back for the call thresholds."},
            {"title": "Review on every weekly call",
             "text": "The monitoring nurse asks the family to read out the last 7 rows and records the weight "
                     "trend in the interstage registry."},
            {"title": "Bring it to every visit",
             "text": "Clinic staff photograph the completed pages into the record so trends are visible to "
                     "the whole team."},
        ],
        "time_to_adopt": "days",
        "releases": [
            {"label": "1.0", "date": "2022-05-09",
             "notes": "First version used at Harbour City Heart: weight, saturation and feed volume columns "
                      "with call thresholds.",
             "files": [{"filename": "interstage-home-monitoring-log-v1-0.pdf", "title": "Weekly log (printable)",
                        "text": [
                            "INTERSTAGE HOME MONITORING LOG - week starting ____",
                            "Baby's first name: ________  Saturation range set by cardiology: ___% to ___%",
                            "Fill in every morning before the first feed. Bring this sheet to every clinic visit.",
                            "Day | Weight (g) | Change since yesterday (g) | Saturation (%) | Total feeds (mL)",
                            "Monday | | | |",
                            "Tuesday | | | |",
                            "Wednesday | | | |",
                            "Thursday | | | |",
                            "Friday | | | |",
                            "Saturday | | | |",
                            "Sunday | | | |",
                            "CALL THE INTERSTAGE TEAM TODAY IF: saturation below 75% or above 90%; weight down "
                            "30 g or more since yesterday; no weight gain in 3 days; feeding less than usual.",
                        ]}]},
            {"label": "1.1", "date": "2023-03-20",
             "notes": "Added a wet-nappy tally and a 'what we did' column after parents said they could not "
                      "remember whether they had already called. Thresholds unchanged.",
             "files": [{"filename": "interstage-home-monitoring-log-v1-1.pdf", "title": "Weekly log (printable)",
                        "text": [
                            "INTERSTAGE HOME MONITORING LOG - week starting ____",
                            "Baby's first name: ________  Saturation range set by cardiology: ___% to ___%",
                            "Day | Weight (g) | Change (g) | Saturation (%) | Feeds (mL) | Wet nappies | "
                            "Concerns / what we did",
                            "Monday | | | | | |",
                            "Tuesday | | | | | |",
                            "Wednesday | | | | | |",
                            "Thursday | | | | | |",
                            "Friday | | | | | |",
                            "Saturday | | | | | |",
                            "Sunday | | | | | |",
                            "CALL THE INTERSTAGE TEAM TODAY IF: saturation below 75% or above 90% twice, 10 "
                            "minutes apart; weight down 30 g or more; no gain in 3 days; fewer than 6 wet "
                            "nappies; feeding less than usual; vomiting more than twice.",
                            "CALL YOUR LOCAL EMERGENCY NUMBER FIRST IF: floppy or hard to wake, pauses in "
                            "breathing, grey or very blue.",
                        ]}]},
            {"label": "2.0", "date": "2024-10-14",
             "notes": "Aligned thresholds with the draft 2025 network interstage monitoring protocol (feed "
                      "threshold now 100 mL/kg/day rather than 'less than usual'; fever 38.0 °C added). Added "
                      "a Word version so centres can insert their own contact routes. Removed the optional "
                      "heart-rate column.",
             "files": [
                 {"filename": "interstage-home-monitoring-log-v2-0.pdf", "title": "Weekly log (printable)",
                  "text": [
                      "INTERSTAGE HOME MONITORING LOG - week starting ____",
                      "Baby's first name: ________  Saturation range: ___% to ___%  100 mL/kg today = ____ mL",
                      "Fill in every morning before the first feed, same scale, nappy off.",
                      "Day | Weight (g) | Change (g) | Saturation (%) | Feeds in 24 h (mL) | Wet nappies | "
                      "Concerns / what we did",
                      "Monday | | | | | |",
                      "Tuesday | | | | | |",
                      "Wednesday | | | | | |",
                      "Thursday | | | | | |",
                      "Friday | | | | | |",
                      "Saturday | | | | | |",
                      "Sunday | | | | | |",
                      "CALL THE INTERSTAGE TEAM TODAY IF: saturation below 75% or above 90% on two readings "
                      "10 minutes apart; weight down 30 g or more since yesterday; no gain over 3 days; "
                      "feeds under 100 mL/kg in 24 hours; fewer than 6 wet nappies; vomiting more than "
                      "twice; temperature 38.0 °C or higher.",
                      "CALL YOUR LOCAL EMERGENCY NUMBER FIRST IF: floppy or hard to wake, pauses in "
                      "breathing, grey or very blue, saturation below 65%.",
                  ]},
                 {"filename": "interstage-home-monitoring-log-v2-0-editable.docx",
                  "title": "Editable log for local contact details",
                  "text": [
                      "This editable version is identical to the printable log except for the box below.",
                      "Interstage team (weekdays 08:00-18:00): insert your team's contact route here.",
                      "Out of hours: insert your cardiology on-call route here.",
                      "Local hospital the family should attend: insert name here.",
                      "Do not change the thresholds without agreement from your cardiology lead; if you do, "
                      "record the change and the reason in the footer.",
                      "Footer: Interstage home monitoring log v2.0, Improvement Commons, CC BY 4.0.",
                  ]},
             ]},
        ],
    },
    {
        "slug": "interstage-red-flag-card-for-families",
        "title": "Interstage red-flag card for families and everyone who helps care for the baby",
        "summary": (
            "A fridge card adapted from the interstage home monitoring log: green, amber and red signs in "
            "plain language, what to do for each, and a space for the team's contact routes. Written by "
            "parents for grandparents, babysitters and partners."
        ),
        "body": [
            ("heading", "Why families asked for a card"),
            ("paragraph",
             "<p>The home monitoring log works for the parent who fills it in. Parents on the Family "
             "Advisory Council pointed out that the baby is often with someone else: a grandparent, an "
             "older sibling's babysitter, a partner coming off a night shift. They needed something on the "
             "fridge that anyone could act on in ten seconds, without reading the log.</p>"),
            ("table", {
                "caption": "The three bands on the card",
                "header": ["Band", "What you might see", "What to do"],
                "rows": [
                    ["Green: usual for this baby",
                     "Feeding as usual, saturations in the range on the card, pink-blue colour as usual, "
                     "settles after feeds",
                     "Carry on. Fill in the log as normal."],
                    ["Amber: call the interstage team today",
                     "Saturation outside the range twice, weight down 30 g or no gain in 3 days, feeds "
                     "under 100 mL/kg, fewer wet nappies, vomiting more than twice, temperature 38.0 °C or "
                     "more, sweaty or breathless with feeds",
                     "Call the team on the number written on the card. Keep the log to hand."],
                    ["Red: call the emergency number now",
                     "Floppy or hard to wake, pauses in breathing, grey or very blue, saturation below 65%, "
                     "a fit",
                     "Call your local emergency number, say the baby has a single-ventricle heart "
                     "condition, then call the team."],
                ],
            }),
            ("callout", {
                "tone": "tip",
                "title": "Keep two copies",
                "text": "Families told us the card works best with one copy on the fridge and one folded in "
                        "the changing bag, so it travels with the baby.",
            }),
        ],
        "conditions": ["single-ventricle"],
        "resource_type": "handout",
        "phase": "implement",
        "audiences": ["parents-families"],
        "tags": ["interstage", "red flags", "family education", "escalation"],
        "licence": "CC-BY-SA-4.0",
        "attribution": "Adapted by the Family Advisory Council from the Interstage home monitoring log "
                       "(Harbour City Heart, CC BY 4.0).",
        "contributors": [("lucy.morgan", "adapter"), ("fatima.haddad", "reviewer"), ("helen.fraser", "reviewer")],
        "organisations": ["family-advisory-council", "harbour-city-heart"],
        "adapted_from": "interstage-home-monitoring-log",
        "transferability": {
            "care_setting": "home",
            "centre_size": "any",
            "ehr": "Not applicable",
            "staff_time": "5 minutes at discharge to write in contact routes and the baby's saturation range",
            "resources_needed": "Card printed on thick paper or laminated; fridge magnet",
        },
        "how_to_use": [
            {"title": "Fill in the blanks at the bedside",
             "text": "Write the baby's saturation range and both contact routes on the card with the family "
                     "before discharge."},
            {"title": "Walk through the amber band",
             "text": "Ask the parent to explain to you what they would do if the baby vomited three times "
                     "today. Correct and repeat until it is right."},
            {"title": "Give two copies",
             "text": "One for the fridge and one for the changing bag. Offer extra copies for grandparents."},
        ],
        "time_to_adopt": "hours",
        "releases": [
            {"label": "1.0", "date": "2023-01-16",
             "notes": "First version, written by parents and checked by the Harbour City Heart interstage "
                      "nurses.",
             "files": [{"filename": "interstage-red-flag-card-v1-0.pdf", "title": "Fridge card (A5, two-sided)",
                        "text": [
                            "MY BABY HAS A SINGLE-VENTRICLE HEART. IF YOU ARE LOOKING AFTER THEM, READ THIS.",
                            "Baby's usual saturation: ___% to ___%",
                            "GREEN - usual for this baby: feeding as usual, colour as usual, settles after feeds.",
                            "AMBER - call the interstage team today: saturation outside the range twice; weight "
                            "down or not going up; feeding less; fewer wet nappies; vomiting; temperature "
                            "38.0 °C or more; sweaty or breathless with feeds.",
                            "RED - call the emergency number now: floppy or hard to wake; pauses in breathing; "
                            "grey or very blue; a fit.",
                            "Say: 'My baby has a single-ventricle heart condition and has had a Norwood or "
                            "hybrid operation.'",
                            "Interstage team: __________   Out of hours: __________",
                        ]}]},
            {"label": "1.1", "date": "2024-11-04",
             "notes": "Numbers aligned with version 2.0 of the monitoring log (30 g, 3 days, 100 mL/kg, "
                      "saturation below 65% added to red). Larger print after feedback from a grandparent "
                      "with low vision. Added a line on what to bring to hospital.",
             "files": [{"filename": "interstage-red-flag-card-v1-1.pdf", "title": "Fridge card (A5, two-sided, large print)",
                        "text": [
                            "MY BABY HAS A SINGLE-VENTRICLE HEART. IF YOU ARE LOOKING AFTER THEM, READ THIS.",
                            "Baby's usual saturation: ___% to ___%",
                            "GREEN - usual for this baby: feeding as usual, colour as usual, settles after feeds.",
                            "AMBER - call the interstage team today if: saturation outside the range on two "
                            "readings 10 minutes apart; weight down 30 g or more, or no gain in 3 days; feeds "
                            "under 100 mL/kg in a day; fewer than 6 wet nappies; vomiting more than twice; "
                            "temperature 38.0 °C or more; sweaty or breathless with feeds.",
                            "RED - call the emergency number now if: floppy or hard to wake; pauses in "
                            "breathing; grey or very blue; saturation below 65%; a fit.",
                            "Say: 'My baby has a single-ventricle heart condition and has had a Norwood or "
                            "hybrid operation.'",
                            "Take to hospital: this card, the monitoring log, the medicines and the pulse "
                            "oximeter.",
                            "Interstage team: __________   Out of hours: __________",
                        ]}]},
        ],
    },
    {
        "slug": "interstage-red-flag-card-emergency-department-edition",
        "title": "Interstage red-flag card: edition for local emergency departments and GPs",
        "summary": (
            "The families' red-flag card rewritten for the clinicians who see interstage infants first: "
            "expected saturations, why dehydration is dangerous, what not to do, and when to call the "
            "cardiac centre. Shared under the same share-alike licence as its source."
        ),
        "body": [
            ("heading", "The problem this edition solves"),
            ("paragraph",
             "<p>Riverbend families often live two or three hours from the cardiac centre, so their first "
             "stop is a district hospital or their GP. Case reviews of three interstage readmissions found "
             "the same pattern: saturations of 78% treated as an emergency in their own right, while the "
             "real warning sign (two days of vomiting and a falling weight) was not escalated. This edition "
             "keeps the families' traffic-light structure so that parents and local clinicians use the same "
             "words.</p>"),
            ("callout", {
                "tone": "info",
                "title": "Key physiology in one line",
                "text": "After stage 1 palliation the systemic and pulmonary circulations run in parallel; "
                        "saturations of 75-85% are expected, and dehydration or fever can cause shunt or "
                        "stent thrombosis quickly.",
            }),
            ("steps", [
                {"title": "Call the cardiac centre early",
                 "text": "Ring the on-call cardiologist before starting treatment for anything other than "
                         "immediate resuscitation. The family's card carries the number."},
                {"title": "Treat dehydration promptly",
                 "text": "Vomiting or diarrhoea with reduced intake is an amber-to-red sign. Start enteral or "
                         "intravenous fluids as advised; avoid prolonged fasting."},
                {"title": "Do not chase normal saturations",
                 "text": "Do not target saturations above 90%. Give oxygen if saturations are below the "
                         "baby's own range or the baby is unwell, and discuss with cardiology."},
                {"title": "Keep antiplatelet therapy going",
                 "text": "Most infants take aspirin to protect the shunt or stent. Do not stop it without "
                         "cardiology advice."},
                {"title": "Transfer early rather than late",
                 "text": "A low threshold for transfer to the cardiac centre is safer than observation at a "
                         "site without paediatric cardiology."},
            ]),
        ],
        "conditions": ["single-ventricle"],
        "resource_type": "handout",
        "phase": "spread",
        "audiences": ["clinicians", "nurses"],
        "tags": ["interstage", "emergency department", "primary care", "red flags", "shared care"],
        "licence": "CC-BY-SA-4.0",
        "attribution": "Adapted by Riverbend Children's cardiology from the Interstage red-flag card for "
                       "families (Family Advisory Council, CC BY-SA 4.0), itself adapted from the Harbour "
                       "City Heart interstage home monitoring log.",
        "contributors": [("daniel.kowalski", "adapter"), ("helen.fraser", "reviewer"), ("lucy.morgan", "reviewer")],
        "organisations": ["riverbend-childrens"],
        "adapted_from": "interstage-red-flag-card-for-families",
        "transferability": {
            "care_setting": "community",
            "centre_size": "any",
            "ehr": "Any; can be scanned as an alert document on the child's record at the local hospital",
            "staff_time": "30 minutes per local hospital for a briefing with the emergency department lead",
            "resources_needed": "Cardiac centre on-call contact route; agreement from local emergency "
                                "departments to hold the card as an alert",
        },
        "how_to_use": [
            {"title": "Send it with the discharge letter",
             "text": "Attach the card to the stage 1 discharge letter to the GP and the nearest emergency "
                     "department."},
            {"title": "Brief each local department once",
             "text": "Offer a 30-minute session to each emergency department in the catchment; leave laminated "
                     "copies in resus."},
            {"title": "Ask for feedback after every attendance",
             "text": "When an interstage infant attends a local hospital, the monitoring nurse asks the local "
                     "team whether the card was used and what was unclear."},
        ],
        "time_to_adopt": "weeks",
        "releases": [
            {"label": "1.0", "date": "2025-04-07",
             "notes": "First version, piloted with two district general hospitals in the Riverbend "
                      "catchment.",
             "files": [{"filename": "interstage-red-flag-card-ed-edition.pdf",
                        "title": "Card for emergency departments and GPs (A4, one page)",
                        "text": [
                            "INTERSTAGE INFANT: SINGLE-VENTRICLE CIRCULATION AFTER STAGE 1 PALLIATION",
                            "Expected oxygen saturation: 75-85% (this baby's range: ___% to ___%). Do not target "
                            "above 90%.",
                            "Call the cardiac centre on-call cardiologist early: __________",
                            "AMBER - discuss with the cardiac centre today: vomiting or diarrhoea, intake under "
                            "100 mL/kg/day, weight loss, fever 38.0 °C or more, tachypnoea, sweating with feeds.",
                            "RED - resuscitate and call now: saturation below 65% or well below the baby's range, "
                            "poor perfusion, lethargy, apnoea, seizure, new loss of shunt murmur.",
                            "Dehydration can cause shunt or stent thrombosis: start fluids early and avoid "
                            "prolonged fasting.",
                            "Continue aspirin unless cardiology advises otherwise.",
                            "Give oxygen if saturations are below the baby's range or the baby is unwell, and "
                            "discuss with cardiology.",
                            "Transfer early rather than late. The family carries a matching red-flag card and a "
                            "home monitoring log: ask to see both.",
                        ]}]},
        ],
    },
    {
        "slug": "interstage-feeding-and-growth-plan",
        "title": "Interstage feeding and growth plan",
        "summary": (
            "An individual feeding plan for infants going home after stage 1 palliation: daily volume and "
            "energy targets, stepwise fortification, limits on oral feeding time, tube top-ups and the weight "
            "gain that should prompt a dietitian call."
        ),
        "body": [
            ("heading", "Growth is a survival issue, not only a nutrition issue"),
            ("paragraph",
             "<p>Infants with a single ventricle burn more energy than their peers and often tire before a "
             "feed is finished. Poor growth before stage 2 is associated with longer stays and worse "
             "outcomes after the operation. The plan gives families and local teams one page that says how "
             "much, how strong and how long, and what to do when the weight stalls.</p>"),
            ("table", {
                "caption": "Stepwise energy plan used by the St Brigid's and Riverbend teams (adjust with the "
                           "dietitian for each baby)",
                "header": ["Step", "Feed", "Typical target", "Move to the next step if"],
                "rows": [
                    ["1", "Breast milk or standard infant formula on demand",
                     "150 mL/kg/day, about 100 kcal/kg/day", "Weight gain under 20 g/day over a week"],
                    ["2", "Fortified breast milk or concentrated formula, about 0.8 kcal/mL",
                     "150 mL/kg/day, about 120 kcal/kg/day", "Weight gain still under 20 g/day over a week"],
                    ["3", "Further fortified, about 0.9-1.0 kcal/mL, with nasogastric top-ups",
                     "120-150 kcal/kg/day", "Gain still poor, or vomiting: dietitian and cardiology review"],
                ],
            }),
            ("callout", {
                "tone": "warning",
                "title": "Limit oral feeding time",
                "text": "Offer the bottle or breast for no more than 20-30 minutes, then give the rest by tube. "
                        "Long feeds use more energy than they deliver and tire the baby.",
            }),
            ("steps", [
                {"title": "Before discharge", "text": "Speech and language therapy swallow assessment; dietitian "
                 "sets step and volume; family practises tube care and fortification."},
                {"title": "Weekly at home", "text": "Monitoring nurse checks weight velocity from the log and "
                 "asks about vomiting, stool and feed times."},
                {"title": "Every two weeks", "text": "Dietitian recalculates volumes for the new weight."},
                {"title": "If gain is under 20 g/day for a week", "text": "Move up a step and tell the "
                 "cardiology team; look for a cardiac cause (residual arch obstruction, valve regurgitation)."},
            ]),
        ],
        "conditions": ["single-ventricle"],
        "resource_type": "template",
        "phase": "change",
        "audiences": ["clinicians", "nurses", "parents-families"],
        "tags": ["interstage", "nutrition", "growth", "tube feeding", "dietetics"],
        "licence": "CC-BY-NC-4.0",
        "attribution": "Developed by the cardiac nursing and dietetic teams at St Brigid's Children's and "
                       "Riverbend Children's.",
        "contributors": [("claire.dubois", "author"), ("daniel.kowalski", "author"), ("eilidh.mackay", "reviewer")],
        "organisations": ["st-brigids-childrens", "riverbend-childrens"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "mixed",
            "centre_size": "any",
            "ehr": "Any; Word template, or build as a structured note",
            "staff_time": "30 minutes for the dietitian at discharge; 10 minutes per fortnightly review",
            "resources_needed": "Paediatric dietitian with cardiac experience; speech and language therapy; "
                                "nasogastric tube supplies and home enteral feeding service",
        },
        "how_to_use": [
            {"title": "Complete with the family", "text": "The dietitian fills in volumes in mL per feed and "
             "per day for today's weight, not in mL/kg, so families do no arithmetic."},
            {"title": "File a copy where everyone can see it", "text": "One copy with the family, one in the "
             "record, one to the local community nursing team."},
            {"title": "Rewrite, don't amend", "text": "When volumes change, issue a new dated plan rather than "
             "crossing out numbers."},
        ],
        "time_to_adopt": "days",
        "releases": [
            {"label": "1.0", "date": "2024-02-26",
             "notes": "First shared version.",
             "files": [{"filename": "interstage-feeding-and-growth-plan.docx", "title": "Feeding plan template",
                        "text": [
                            "INTERSTAGE FEEDING AND GROWTH PLAN  Date issued: ____  Next review: ____",
                            "Weight today: ____ g   Target gain: 20-30 g per day",
                            "Feed: ____________________  Strength: ____ kcal/mL  How to make it up: ____________",
                            "Each feed: ____ mL, ____ times a day. Total per day: ____ mL (at least ____ mL)",
                            "Oral feeding: offer for up to ____ minutes, then give the rest by tube.",
                            "Tube: size ____, length at nostril ____ cm, check position before every feed.",
                            "Call the dietitian if: gain under 20 g a day for a week; vomiting more than twice a "
                            "day; feeds take longer than 30 minutes most of the time; the tube keeps coming out.",
                            "Call the interstage team the same day if: intake under 100 mL/kg in 24 hours, weight "
                            "down 30 g or more, or any amber sign on the red-flag card.",
                            "Dietitian: __________  Interstage nurse: __________",
                        ]}]},
        ],
    },
    {
        "slug": "interstage-growth-registry-report",
        "title": "Interstage growth and readmission registry report (network members)",
        "summary": (
            "Half-yearly centre-level report from the single-ventricle registry: weight-for-age z-score change "
            "from stage 1 discharge to stage 2 admission, growth failure, tube feeding and unplanned "
            "readmissions, with network medians for comparison."
        ),
        "body": [
            ("heading", "What the report shows"),
            ("paragraph",
             "<p>Each participating centre sees its own rows and the network median. Centre names are "
             "visible to network members only, which is why this report is not openly licensed. Growth "
             "failure is defined as a weight-for-age z-score (WHO standards) below −2 at stage 2 "
             "admission.</p>"),
            ("table", {
                "caption": "Columns in the report",
                "header": ["Column", "Definition"],
                "rows": [
                    ["Infants", "Infants whose interstage period ended (stage 2 admission or death) in the "
                                "reporting window"],
                    ["Median WAZ change", "Weight-for-age z-score at stage 2 admission minus z-score at stage 1 "
                                          "discharge"],
                    ["Growth failure", "Percentage with z-score below −2 at stage 2 admission"],
                    ["Tube fed at stage 2", "Percentage receiving any nasogastric or gastrostomy feeds"],
                    ["Readmissions per 100 interstage days", "Unplanned admissions of 24 hours or more"],
                ],
            }),
            ("callout", {
                "tone": "info",
                "title": "Small numbers",
                "text": "Most centres discharge fewer than 20 interstage infants a year. Read percentages with "
                        "the counts beside them and look at two or three reports before drawing conclusions.",
            }),
        ],
        "conditions": ["single-ventricle"],
        "resource_type": "report",
        "phase": "measure",
        "audiences": ["improvement-teams", "clinicians", "researchers"],
        "tags": ["registry", "growth", "readmissions", "benchmarking"],
        "licence": "network-only",
        "attribution": "Produced by the network data team from the single-ventricle registry.",
        "contributors": [("isaac.brennan", "author"), ("olivia.chen", "reviewer"), ("daniel.kowalski", "reviewer")],
        "organisations": ["network-office"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "mixed",
            "centre_size": "any",
            "ehr": "Not applicable; built from registry submissions",
            "staff_time": "30 minutes a quarter for a centre team to review with its data lead",
            "resources_needed": "Complete registry submissions for weight at stage 1 discharge and stage 2 "
                                "admission",
        },
        "how_to_use": [
            {"title": "Review at the monthly improvement meeting",
             "text": "Put your centre's row beside the network median and your own previous report."},
            {"title": "Check data completeness first",
             "text": "The last column shows missing weights; fix these before interpreting the growth "
                     "figures."},
        ],
        "time_to_adopt": "hours",
        "releases": [
            {"label": "2024-H2", "date": "2025-01-20",
             "notes": "Report for interstage periods ending July-December 2024.",
             "files": [{"filename": "interstage-growth-report-2024-h2.xlsx", "title": "Centre table",
                        "text": [
                            "Centre | Infants | Median WAZ change | Growth failure (%) | Tube fed at stage 2 (%) | "
                            "Readmissions per 100 interstage days | Missing weights",
                            "Harbour City Heart | 14 | -0.41 | 21 | 43 | 0.9 | 0",
                            "Riverbend Children's | 9 | -0.62 | 33 | 56 | 1.4 | 1",
                            "St Brigid's Children's | 11 | -0.35 | 18 | 36 | 0.8 | 0",
                            "Westmoor Children's | 7 | -0.70 | 29 | 71 | 1.6 | 2",
                            "Eastgate University Children's | 16 | -0.48 | 25 | 50 | 1.1 | 0",
                            "Network | 57 | -0.49 | 25 | 49 | 1.1 | 3",
                        ]}]},
            {"label": "2025-H1", "date": "2025-07-21",
             "notes": "Report for January-June 2025. Added a 'missing weights' footnote after Westmoor "
                      "queried its figures; two late submissions from 2024-H2 now included in the trend "
                      "sheet.",
             "files": [{"filename": "interstage-growth-report-2025-h1.xlsx", "title": "Centre table",
                        "text": [
                            "Centre | Infants | Median WAZ change | Growth failure (%) | Tube fed at stage 2 (%) | "
                            "Readmissions per 100 interstage days | Missing weights",
                            "Harbour City Heart | 12 | -0.30 | 17 | 42 | 0.8 | 0",
                            "Riverbend Children's | 10 | -0.51 | 30 | 50 | 1.2 | 0",
                            "St Brigid's Children's | 9 | -0.28 | 11 | 33 | 0.7 | 0",
                            "Westmoor Children's | 8 | -0.58 | 25 | 63 | 1.3 | 0",
                            "Eastgate University Children's | 15 | -0.40 | 20 | 47 | 1.0 | 1",
                            "Network | 54 | -0.40 | 20 | 46 | 1.0 | 1",
                            "Note: growth failure = weight-for-age z-score below -2 (WHO) at stage 2 admission.",
                        ]}]},
        ],
    },
    {
        "slug": "single-ventricle-neurodevelopmental-referral-checklist",
        "title": "Neurodevelopmental referral checklist for infants with single-ventricle heart disease",
        "summary": (
            "A bedside checklist, completed before stage 1 discharge and again at stage 2, that makes sure "
            "every infant with a single ventricle is referred for developmental surveillance, early "
            "intervention, hearing and feeding review, and is booked for a formal assessment."
        ),
        "body": [
            ("heading", "Every child with a single ventricle is at high risk"),
            ("paragraph",
             "<p>The 2012 American Heart Association statement places all children who needed open-heart "
             "surgery as neonates, and all children with cyanotic lesions, in the high-risk group for "
             "developmental disorder. In practice, referrals depended on who wrote the discharge letter. "
             "An audit at St Brigid's found that 11 of 24 infants discharged after stage 1 in 2022 had no "
             "developmental referral at all.</p>"),
            ("table", {
                "caption": "Checklist items and when they are completed",
                "header": ["Item", "Before stage 1 discharge", "At stage 2 admission"],
                "rows": [
                    ["Early intervention or community child development referral sent", "Yes", "Confirm received"],
                    ["Newborn hearing screen result documented; refer if not passed or aminoglycosides given",
                     "Yes", "Confirm done"],
                    ["Feeding and swallow assessment documented", "Yes", "Repeat if still tube fed"],
                    ["Brain imaging findings (if any) summarised in the letter", "Yes", "Update"],
                    ["Cardiac neurodevelopmental clinic booked for 12-18 months", "Booked", "Date confirmed"],
                    ["Family given developmental care leaflet and told what to watch for", "Yes", "Revisit"],
                ],
            }),
            ("callout", {
                "tone": "tip",
                "title": "Make it part of discharge, not an extra",
                "text": "Teams that printed the checklist on the back of the discharge summary reached 90% "
                        "completion within two months; teams that kept it as a separate form plateaued at "
                        "about 60%.",
            }),
        ],
        "conditions": ["single-ventricle"],
        "resource_type": "checklist",
        "phase": "implement",
        "audiences": ["clinicians", "nurses", "care-coordinators"],
        "tags": ["neurodevelopment", "early intervention", "discharge", "developmental surveillance"],
        "licence": "CC-BY-NC-SA-4.0",
        "attribution": "Developed by the cardiac psychology and nursing teams at St Brigid's Children's.",
        "contributors": [("yusuf.ali", "author"), ("claire.dubois", "author"), ("daniel.kowalski", "reviewer")],
        "organisations": ["st-brigids-childrens"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "inpatient",
            "centre_size": "any",
            "ehr": "Any; Epic and Cerner discharge-summary builds shared on request",
            "staff_time": "10 minutes per infant for the discharging nurse or care coordinator",
            "resources_needed": "Local early intervention or child development service that accepts "
                                "referrals from birth; audiology; cardiac neurodevelopmental follow-up clinic "
                                "or equivalent",
        },
        "how_to_use": [
            {"title": "Attach to the discharge summary",
             "text": "Print or build the checklist as the last page of the stage 1 discharge summary."},
            {"title": "Owner is the discharging nurse",
             "text": "The nurse ticks each item or writes why it is not applicable; the consultant signs the "
                     "summary only when the checklist is complete."},
            {"title": "Repeat at stage 2",
             "text": "The pre-admission nurse checks each referral was received and the 12-18 month clinic "
                     "date is still booked."},
        ],
        "time_to_adopt": "weeks",
        "releases": [
            {"label": "1.0", "date": "2023-06-05",
             "notes": "First version used on the St Brigid's cardiac ward.",
             "files": [{"filename": "sv-neurodevelopmental-referral-checklist-v1-0.pdf", "title": "Checklist",
                        "text": [
                            "NEURODEVELOPMENTAL REFERRAL CHECKLIST - SINGLE VENTRICLE",
                            "Complete before stage 1 discharge. Tick or write N/A with reason.",
                            "[ ] Early intervention / child development referral sent (date ____)",
                            "[ ] Newborn hearing screen result documented",
                            "[ ] Feeding and swallow assessment documented",
                            "[ ] Brain imaging findings summarised in the discharge letter",
                            "[ ] Cardiac neurodevelopmental clinic booked for 12-18 months",
                            "[ ] Developmental care leaflet given and discussed with family",
                            "Completed by: ________  Role: ________",
                        ]}]},
            {"label": "1.1", "date": "2024-04-22",
             "notes": "Added a stage 2 column after an audit showed that 4 of 19 referrals had never been "
                      "received by the community service. Hearing item now prompts referral when "
                      "aminoglycosides were given.",
             "files": [{"filename": "sv-neurodevelopmental-referral-checklist-v1-1.pdf", "title": "Checklist",
                        "text": [
                            "NEURODEVELOPMENTAL REFERRAL CHECKLIST - SINGLE VENTRICLE",
                            "Item | Before stage 1 discharge | At stage 2 admission",
                            "Early intervention / child development referral | Sent (date ____) | Received? Y / N",
                            "Hearing screen | Result ____; refer to audiology if not passed or aminoglycosides "
                            "given | Done? Y / N",
                            "Feeding and swallow assessment | Documented | Repeat if still tube fed",
                            "Brain imaging summary | In letter | Updated",
                            "Cardiac neurodevelopmental clinic, 12-18 months | Booked (date ____) | Date confirmed",
                            "Family informed: what to watch for, who to call | Yes | Revisited",
                            "If any referral has not been received by stage 2, the pre-admission nurse re-sends "
                            "it and tells the care coordinator.",
                            "Completed by: ________  Role: ________",
                        ]}]},
        ],
    },
    {
        "slug": "single-ventricle-school-age-neurodevelopmental-checklist",
        "title": "School-age neurodevelopmental checklist for children with a Fontan circulation",
        "summary": (
            "An adaptation of the infant referral checklist for the Fontan clinic: checks at school entry and "
            "age 11-12 for learning, attention, motor skills, mental health and school support, with a "
            "letter template for teachers. Under pilot at two centres."
        ),
        "body": [
            ("heading", "Why a second checklist"),
            ("paragraph",
             "<p>The infant checklist stops at the 12-18 month assessment. Parents at Westmoor told us that "
             "the problems they struggled with most (attention, handwriting, anxiety, fatigue at school) "
             "appeared years later, when cardiology visits were short and focused on the heart. This "
             "adaptation keeps the same structure and adds the two school transitions.</p>"),
            ("steps", [
                {"title": "At the last clinic visit before school entry (age 4-5)",
                 "text": "Ask the three screening questions on the checklist; refer for formal assessment if "
                         "any are positive or if no assessment has been done since 18 months."},
                {"title": "Send the school letter",
                 "text": "With the family's agreement, send the teacher letter describing the heart condition, "
                         "fatigue, PE adjustments and what to do if the child is unwell."},
                {"title": "Repeat before secondary school (age 11-12)",
                 "text": "Re-screen for attention, learning and mood; ask the young person directly how school "
                         "is going."},
                {"title": "Screen for anxiety and low mood from age 8",
                 "text": "Use your clinic's validated questionnaire and follow the psychology referral "
                         "route."},
            ]),
            ("callout", {
                "tone": "info",
                "title": "Pilot status",
                "text": "Westmoor and Harbour City Heart are testing this checklist in Fontan clinics during "
                        "2025-26. Results will inform a first full release.",
            }),
        ],
        "conditions": ["single-ventricle"],
        "resource_type": "checklist",
        "phase": "test",
        "audiences": ["clinicians", "nurses", "parents-families"],
        "tags": ["neurodevelopment", "Fontan", "school", "mental health", "adaptation"],
        "licence": "CC-BY-NC-SA-4.0",
        "attribution": "Adapted by Harbour City Heart and Westmoor Children's from the Neurodevelopmental "
                       "referral checklist for infants with single-ventricle heart disease (St Brigid's "
                       "Children's, CC BY-NC-SA 4.0).",
        "contributors": [("helen.fraser", "adapter"), ("yusuf.ali", "reviewer"), ("lucy.morgan", "reviewer")],
        "organisations": ["harbour-city-heart", "westmoor-childrens"],
        "adapted_from": "single-ventricle-neurodevelopmental-referral-checklist",
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "medium",
            "ehr": "Any",
            "staff_time": "5-10 minutes in clinic; 15 minutes to personalise the school letter",
            "resources_needed": "Access to neuropsychology or educational psychology assessment; consent to "
                                "share information with school",
        },
        "how_to_use": [
            {"title": "Flag eligible children", "text": "Run a clinic list of children with a Fontan "
             "circulation turning 4 or 11 this year and attach the checklist to their next appointment."},
            {"title": "Record pilot data", "text": "Note time taken and referrals made on the pilot sheet so "
             "the teams can judge the burden."},
        ],
        "time_to_adopt": "weeks",
        "releases": [
            {"label": "0.9", "date": "2025-09-15",
             "notes": "Pilot version for Westmoor and Harbour City Heart Fontan clinics.",
             "files": [
                 {"filename": "fontan-school-age-nd-checklist-pilot.pdf", "title": "Clinic checklist (pilot)",
                  "text": [
                      "SCHOOL-AGE NEURODEVELOPMENTAL CHECKLIST - FONTAN CIRCULATION (PILOT 0.9)",
                      "Age at visit: ____  Last formal developmental assessment: ____ (age)",
                      "1. Does your child find it harder than classmates to concentrate or sit still? Y / N",
                      "2. Are reading, writing or numbers harder for them than for classmates? Y / N",
                      "3. Does your child often seem worried, sad or unusually tired after school? Y / N",
                      "Any Y, or no assessment since 18 months: refer for neuropsychology assessment.",
                      "[ ] Teacher letter sent with family consent",
                      "[ ] PE and school trip advice discussed",
                      "[ ] Anxiety / mood questionnaire completed (age 8 and over)",
                      "Pilot data: minutes taken ____  Referral made? Y / N",
                  ]},
                 {"filename": "fontan-school-letter-template.docx", "title": "Letter to school (template)",
                  "text": [
                      "Dear teacher,",
                      "[Child's first name] has a heart condition called a single ventricle and has had "
                      "three operations, the last one called a Fontan.",
                      "Most days [he/she/they] can join in fully. [He/she/they] may tire sooner than "
                      "classmates and should be allowed to rest without penalty.",
                      "Some children with this condition find concentration, handwriting or organisation "
                      "harder. If you notice this, please tell the family so we can arrange an assessment.",
                      "If [child's first name] is unwell, breathless, very pale or faints, call the family "
                      "and, if severe, the emergency services.",
                      "With best wishes, the Fontan clinic team",
                  ]},
             ]},
        ],
    },
    {
        "slug": "interstage-care-team-huddle-script",
        "title": "Weekly interstage care-team huddle script",
        "summary": (
            "A 20-minute script for the weekly multidisciplinary huddle that reviews every infant at home "
            "between stage 1 and stage 2: weight trend, saturations, feeding, red-flag calls, social needs "
            "and the stage 2 plan, with one named owner for each action."
        ),
        "body": [
            ("heading", "A short, predictable meeting"),
            ("paragraph",
             "<p>The huddle replaced an hour-long monthly meeting at Harbour City Heart. Every infant at home "
             "is reviewed every week in the same order, using the registry dashboard and the family's log "
             "readings from the weekly call. Infants with any amber flag are discussed first.</p>"),
            ("table", {
                "caption": "Standard order for each infant (about 90 seconds each)",
                "header": ["Item", "Question the chair asks", "Source"],
                "rows": [
                    ["Weight", "What is the average daily gain over the last 7 days? Under 20 g/day?",
                     "Home log, registry"],
                    ["Saturation", "Any readings outside the baby's range? Any trend?", "Home log"],
                    ["Feeding", "Volume per kg per day? Oral vs tube? Vomiting?", "Weekly call"],
                    ["Red-flag calls", "Any calls this week? What happened? Was the response timely?",
                     "Call log"],
                    ["Family", "Any new social, travel or emotional concerns?", "Nurse, social worker"],
                    ["Stage 2", "Is the date right given growth and cardiac findings?", "Cardiologist"],
                ],
            }),
            ("callout", {
                "tone": "tip",
                "title": "One owner per action",
                "text": "The scribe reads back each action with one named owner and a day. Actions without "
                        "an owner are not recorded.",
            }),
            ("steps", [
                {"title": "Minute 0-2", "text": "Chair states the number of infants at home and any admitted "
                 "since last week."},
                {"title": "Minute 2-15", "text": "Amber-flag infants first, then all others in order of "
                 "stage 1 discharge date."},
                {"title": "Minute 15-18", "text": "Upcoming discharges and stage 2 admissions."},
                {"title": "Minute 18-20", "text": "Scribe reads back actions and owners."},
            ]),
        ],
        "conditions": ["single-ventricle"],
        "resource_type": "template",
        "phase": "implement",
        "audiences": ["nurses", "clinicians", "improvement-teams"],
        "tags": ["interstage", "huddle", "teamwork", "situational awareness"],
        "licence": "CC-BY-4.0",
        "attribution": "Developed by the interstage team at Harbour City Heart.",
        "contributors": [("helen.fraser", "author"), ("fatima.haddad", "author"), ("marcus.webb", "reviewer")],
        "organisations": ["harbour-city-heart"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Any; works best with a registry or EHR list of infants at home",
            "staff_time": "20 minutes a week for cardiologist, interstage nurse, dietitian and social worker",
            "resources_needed": "Protected weekly slot; list of infants at home; shared action log",
        },
        "how_to_use": [
            {"title": "Fix the slot", "text": "Same day and time every week; video link for staff off site."},
            {"title": "Prepare the list", "text": "The interstage nurse updates the list after the weekly "
             "family calls, marking amber flags."},
            {"title": "Rotate the chair", "text": "Nurse and cardiologist alternate so the huddle does not "
             "depend on one person."},
        ],
        "time_to_adopt": "days",
        "releases": [
            {"label": "1.0", "date": "2023-09-11",
             "notes": "First shared version after six months of use at Harbour City Heart.",
             "files": [{"filename": "interstage-huddle-script.pdf", "title": "Huddle script and action log",
                        "text": [
                            "WEEKLY INTERSTAGE HUDDLE - 20 MINUTES",
                            "Present: cardiologist, interstage nurse, dietitian, social worker (scribe: ____)",
                            "0-2 min: infants at home ____; admitted since last week ____",
                            "2-15 min: for each infant, amber flags first - weight gain (g/day, 7-day average); "
                            "saturations vs range; feeds (mL/kg/day, oral vs tube, vomiting); red-flag calls "
                            "and response; family concerns; stage 2 date.",
                            "15-18 min: discharges expected this week; stage 2 admissions booked.",
                            "18-20 min: scribe reads back actions.",
                            "Action | Infant (initials) | Owner | By (day)",
                            " | | |",
                            " | | |",
                            "Rule: no action without a named owner and a day.",
                        ]}]},
        ],
    },
    {
        "slug": "interstage-discharge-readiness-checklist",
        "title": "Interstage discharge readiness checklist",
        "summary": (
            "The checklist Westmoor and Riverbend complete before any infant goes home after stage 1 "
            "palliation: two trained caregivers, equipment checked in the family's hands, medicines, feeding "
            "plan, follow-up booked and local services informed. Shared as-is, without derivatives."
        ),
        "body": [
            ("heading", "Discharge is a handover to the family"),
            ("paragraph",
             "<p>The checklist is signed by the discharging nurse and a parent together. It is shared under "
             "a no-derivatives licence because the wording of each item was agreed with the two hospitals' "
             "governance committees; centres are welcome to use it unchanged or to write their own.</p>"),
            ("table", {
                "caption": "Sections of the checklist",
                "header": ["Section", "Items"],
                "rows": [
                    ["Caregivers", "Two caregivers trained; teach-back on red flags; infant CPR practised"],
                    ["Equipment", "Scale and pulse oximeter checked by caregivers at bedside; spare probe; "
                                  "feeding pump if tube fed"],
                    ["Medicines", "Reconciled list; doses drawn up by caregiver under supervision; supply "
                                  "for 14 days"],
                    ["Feeding", "Feeding and growth plan issued; dietitian contact given"],
                    ["Follow-up", "Interstage call within 48 hours; cardiology clinic within 7 days; stage 2 "
                                  "pre-assessment date"],
                    ["Local services", "GP and local emergency department sent discharge letter and red-flag "
                                       "card; community nurse referral"],
                ],
            }),
            ("callout", {
                "tone": "warning",
                "title": "No discharge on a Friday without a weekend plan",
                "text": "If discharge falls on a Friday or before a public holiday, the checklist requires a "
                        "named on-call contact and a phone check within 24 hours.",
            }),
        ],
        "conditions": ["single-ventricle"],
        "resource_type": "checklist",
        "phase": "implement",
        "audiences": ["nurses", "clinicians"],
        "tags": ["interstage", "discharge", "caregiver education", "safety"],
        "licence": "CC-BY-ND-4.0",
        "attribution": "Westmoor Children's and Riverbend Children's cardiac services.",
        "contributors": [("daniel.kowalski", "author"), ("fatima.haddad", "reviewer")],
        "organisations": ["westmoor-childrens", "riverbend-childrens"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "inpatient",
            "centre_size": "any",
            "ehr": "Any; scanned into record once signed",
            "staff_time": "45-60 minutes of nursing time across the last two days of admission",
            "resources_needed": "Home equipment supplier able to deliver before discharge; CPR training "
                                "materials for infants",
        },
        "how_to_use": [
            {"title": "Start three days before discharge", "text": "Open the checklist when discharge is "
             "first planned; most items take more than one day."},
            {"title": "Sign with a parent", "text": "Both signatures are required; the parent keeps a copy."},
        ],
        "time_to_adopt": "days",
        "releases": [
            {"label": "1.0", "date": "2024-05-13",
             "notes": "Joint Westmoor and Riverbend version.",
             "files": [{"filename": "interstage-discharge-readiness-checklist.pdf", "title": "Checklist",
                        "text": [
                            "INTERSTAGE DISCHARGE READINESS CHECKLIST",
                            "[ ] Caregiver 1 trained and teach-back complete   [ ] Caregiver 2 trained and "
                            "teach-back complete",
                            "[ ] Infant CPR practised by both caregivers",
                            "[ ] Scale and pulse oximeter used correctly by caregivers at the bedside; spare probe "
                            "supplied",
                            "[ ] Medicines reconciled; caregiver has drawn up each dose under supervision; 14 days' "
                            "supply",
                            "[ ] Feeding and growth plan issued; tube and pump training complete if tube fed",
                            "[ ] Home monitoring log and red-flag card given and explained",
                            "[ ] Interstage call booked within 48 h; cardiology clinic within 7 days",
                            "[ ] GP, local emergency department and community nurse sent letter and red-flag card",
                            "[ ] Friday or pre-holiday discharge: named on-call contact and 24 h phone check",
                            "Nurse signature ________   Parent signature ________",
                        ]}]},
        ],
    },
    {
        "slug": "interstage-home-monitoring-teaching-video",
        "title": "Interstage home monitoring: a teaching video made by parents",
        "summary": (
            "A 12-minute video in which parents of children with HLHS demonstrate weighing, saturation "
            "checks, filling in the log and making the amber call, with the interstage nurse explaining why "
            "each number matters. Transcript included."
        ),
        "body": [
            ("heading", "Learning from parents who have done it"),
            ("paragraph",
             "<p>Parents told us that the most reassuring part of discharge teaching was hearing from "
             "another family. The video was filmed in three family homes and at Harbour City Heart. It is "
             "meant to be watched with a nurse before discharge and again at home, not instead of "
             "hands-on teaching.</p>"),
            ("table", {
                "caption": "Chapters",
                "header": ["Time", "Chapter"],
                "rows": [
                    ["00:00", "Why we monitor at home"],
                    ["01:40", "Weighing: same scale, same time, nappy off"],
                    ["04:10", "Saturation checks: warm foot, calm baby, wait for a steady trace"],
                    ["06:30", "Filling in the log"],
                    ["08:15", "Making the amber call: what the nurse will ask"],
                    ["10:30", "Looking after yourselves"],
                ],
            }),
            ("callout", {
                "tone": "info",
                "title": "Why no derivatives",
                "text": "The families in the video agreed to its use as a whole. The licence allows sharing "
                        "but not editing, so their words are never re-cut out of context.",
            }),
        ],
        "conditions": ["single-ventricle"],
        "resource_type": "video",
        "phase": "spread",
        "audiences": ["parents-families", "nurses"],
        "tags": ["interstage", "family education", "video", "peer support"],
        "licence": "CC-BY-NC-ND-4.0",
        "attribution": "Made by the Family Advisory Council with Harbour City Heart. Families appear with "
                       "their written consent.",
        "contributors": [("lucy.morgan", "author"), ("fatima.haddad", "author"), ("helen.fraser", "reviewer")],
        "organisations": ["family-advisory-council", "harbour-city-heart"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "mixed",
            "centre_size": "any",
            "ehr": "Not applicable",
            "staff_time": "15 minutes to watch with the family and answer questions",
            "resources_needed": "Tablet or ward screen; link that families can open at home",
        },
        "how_to_use": [
            {"title": "Watch together", "text": "Watch with both caregivers during discharge teaching and "
             "pause at each chapter to practise."},
            {"title": "Send the link home", "text": "Families rewatch the weighing and saturation chapters in "
             "the first week at home."},
        ],
        "time_to_adopt": "hours",
        "releases": [
            {"label": "1.0", "date": "2024-03-04",
             "notes": "First release with English subtitles and transcript.",
             "files": [{"filename": "interstage-teaching-video-transcript.pdf", "title": "Transcript",
                        "text": [
                            "00:00 PARENT: When we brought our daughter home after her Norwood, the scale and the "
                            "little probe felt like the most important things in the house.",
                            "00:25 NURSE: Between the first and second operations, small changes can happen "
                            "quickly. Your daily numbers help us notice them early.",
                            "01:40 PARENT: Same scale, same time, before the first feed, nappy off. We wrote it "
                            "down straight away.",
                            "04:10 NURSE: Warm the foot first. Wait until the trace on the screen is steady and "
                            "the number has settled for about 30 seconds.",
                            "06:30 PARENT: We used the concerns column to note what we had done, so we didn't "
                            "have to remember at 3 in the morning.",
                            "08:15 NURSE: When you call, I'll ask for today's weight, yesterday's weight, the "
                            "saturation, how much she has fed and how many wet nappies.",
                            "10:30 PARENT: Take turns. Let someone else do the night feed so you can sleep.",
                        ]}]},
        ],
    },
    # ------------------------------------------------------------------
    # Type 1 diabetes
    # ------------------------------------------------------------------
    {
        "slug": "t1d-sick-day-rules-handout",
        "title": "Sick-day rules for children with type 1 diabetes: a handout for families",
        "summary": (
            "Two-page family handout on managing illness at home: never stop insulin, check glucose and "
            "blood ketones every 2 hours, extra insulin by ketone level with doses pre-calculated by the "
            "team, fluids, and exactly when to call or go to hospital."
        ),
        "body": [
            ("heading", "The three rules families remember"),
            ("paragraph",
             "<p><strong>Never stop insulin</strong>, even if your child is not eating. <strong>Check "
             "glucose and blood ketones every 2 hours</strong> while unwell, day and night. <strong>Call "
             "early</strong> if ketones are 1.5 mmol/L or more, if your child keeps vomiting, or if you are "
             "worried.</p><p>The handout follows the ISPAD 2022 sick-day guidance. The diabetes team writes "
             "the child's own extra doses into the table at each annual review, so families never have to "
             "work out percentages while their child is ill.</p>"),
            ("table", {
                "caption": "Extra rapid-acting insulin by blood ketone level (doses written in by the team)",
                "header": ["Blood ketones (mmol/L)", "What it means", "What to do"],
                "rows": [
                    ["Below 0.6", "Normal", "If glucose is above 14 mmol/L give the usual correction dose. "
                                            "Recheck in 2 hours."],
                    ["0.6 to 1.4", "Ketones building",
                     "Give extra insulin: ____ units (about 5-10% of total daily dose). Recheck glucose and "
                     "ketones in 2 hours."],
                    ["1.5 to 2.9", "Risk of ketoacidosis",
                     "Give extra insulin: ____ units (about 10-20% of total daily dose). Call the diabetes "
                     "team now. Recheck in 1 hour."],
                    ["3.0 or above", "Ketoacidosis may be developing",
                     "Give the extra dose above and call the team or go to hospital now."],
                ],
            }),
            ("callout", {
                "tone": "warning",
                "title": "Go to hospital straight away if",
                "text": "your child is vomiting and cannot keep fluids down, is breathing fast or deeply, has "
                        "tummy pain, is drowsy or confused, or ketones are 3.0 mmol/L or more or are not "
                        "falling 2 hours after extra insulin.",
            }),
            ("paragraph",
             "<p><strong>Fluids:</strong> offer small sips often. Sugar-free drinks if glucose is above "
             "10 mmol/L; sugary drinks or ice lollies if glucose is below 10 mmol/L and ketones are present, "
             "so that insulin can be given safely.</p>"),
        ],
        "conditions": ["type-1-diabetes"],
        "resource_type": "handout",
        "phase": "change",
        "audiences": ["parents-families", "patients", "nurses"],
        "tags": ["sick days", "ketones", "DKA prevention", "self-management", "family education"],
        "licence": "CC-BY-4.0",
        "attribution": "Written by the diabetes education team at Bayside Diabetes Centre; follows ISPAD "
                       "Clinical Practice Consensus Guidelines 2022 on sick-day management.",
        "contributors": [("sofia.marquez", "author"), ("ben.carter", "reviewer"), ("ruth.adeyemi", "reviewer")],
        "organisations": ["bayside-diabetes-centre"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "home",
            "centre_size": "any",
            "ehr": "Any; a smart-phrase that fills in the dose table from the recorded total daily dose is "
                   "available for Epic",
            "staff_time": "15 minutes at diagnosis and 10 minutes at each annual review",
            "resources_needed": "Blood ketone meter and in-date strips for every family; 24-hour advice line",
        },
        "how_to_use": [
            {"title": "Fill in the doses", "text": "At diagnosis and every annual review, calculate the extra "
             "doses from the current total daily dose and write them into the table."},
            {"title": "Teach with a scenario", "text": "Ask the family what they would do if their child "
             "vomited twice and ketones were 1.8 mmol/L at 2 a.m."},
            {"title": "Check supplies", "text": "Ask to see the ketone meter and the expiry date on the strips "
             "at every clinic visit."},
        ],
        "time_to_adopt": "hours",
        "releases": [
            {"label": "1.0", "date": "2022-09-12",
             "notes": "First version, based on the ISPAD 2018 sick-day chapter; included urine ketone "
                      "guidance.",
             "files": [{"filename": "t1d-sick-day-rules-v1-0.pdf", "title": "Family handout",
                        "text": [
                            "SICK-DAY RULES FOR TYPE 1 DIABETES",
                            "1. Never stop insulin, even if your child is not eating.",
                            "2. Check glucose every 2-3 hours and ketones every 4 hours while unwell.",
                            "3. Urine ketones: trace or small - drink more and recheck; moderate or large - call "
                            "the diabetes team.",
                            "4. Blood ketones: 0.6-1.4 give extra insulin as advised by the team; 1.5 or more call "
                            "the team.",
                            "5. Drink plenty: sugar-free drinks if glucose is high, sugary drinks if glucose is low.",
                            "Go to hospital if vomiting and unable to drink, breathing fast, drowsy, or tummy pain.",
                            "Diabetes team (24 hours): __________",
                        ]}]},
            {"label": "2.0", "date": "2023-11-06",
             "notes": "Rewritten to follow the ISPAD 2022 sick-day guidance: blood ketones preferred over "
                      "urine, glucose and ketones every 2 hours, extra insulin expressed as a percentage of "
                      "total daily dose with boxes for the team to pre-calculate the units. Added CGM advice.",
             "files": [{"filename": "t1d-sick-day-rules-v2-0.pdf", "title": "Family handout",
                        "text": [
                            "SICK-DAY RULES FOR TYPE 1 DIABETES (version 2.0)",
                            "Never stop insulin. Check glucose and blood ketones every 2 hours, day and night.",
                            "If using CGM, confirm with a finger-prick if readings don't match how your child "
                            "seems or are changing fast.",
                            "Total daily dose (written by team): ____ units",
                            "Ketones below 0.6: usual correction if glucose above 14. Recheck in 2 hours.",
                            "Ketones 0.6-1.4: extra insulin ____ units. Recheck in 2 hours.",
                            "Ketones 1.5-2.9: extra insulin ____ units and CALL THE TEAM. Recheck in 1 hour.",
                            "Ketones 3.0 or more: extra insulin ____ units and CALL THE TEAM OR GO TO HOSPITAL NOW.",
                            "Fluids: sugar-free if glucose above 10; sugary drinks if glucose below 10 and "
                            "ketones present.",
                            "Go to hospital now if: vomiting and cannot keep fluids down; fast or deep "
                            "breathing; tummy pain; drowsy or confused; ketones not falling after 2 hours.",
                            "Diabetes team (24 hours): __________",
                        ]}]},
            {"label": "2.1", "date": "2025-01-27",
             "notes": "Added a section for pump and automated insulin delivery users after two admissions in "
                      "which a blocked cannula was not recognised. Fluid advice clarified. Dose table "
                      "unchanged.",
             "files": [
                 {"filename": "t1d-sick-day-rules-v2-1.pdf", "title": "Family handout",
                  "text": [
                      "SICK-DAY RULES FOR TYPE 1 DIABETES (version 2.1)",
                      "Never stop insulin. Check glucose and blood ketones every 2 hours, day and night.",
                      "Total daily dose (written by team): ____ units",
                      "Ketones below 0.6: usual correction if glucose above 14. Recheck in 2 hours.",
                      "Ketones 0.6-1.4: extra insulin ____ units. Recheck in 2 hours.",
                      "Ketones 1.5-2.9: extra insulin ____ units and CALL THE TEAM. Recheck in 1 hour.",
                      "Ketones 3.0 or more: extra insulin ____ units and CALL THE TEAM OR GO TO HOSPITAL NOW.",
                      "Fluids: small sips often. Sugar-free if glucose above 10 mmol/L; sugary drinks or ice "
                      "lollies if glucose below 10 mmol/L and ketones present.",
                      "Go to hospital now if: vomiting and cannot keep fluids down; fast or deep breathing; "
                      "tummy pain; drowsy or confused; ketones not falling 2 hours after extra insulin.",
                      "Pump users: see page 2.",
                      "Diabetes team (24 hours): __________",
                  ]},
                 {"filename": "t1d-sick-day-rules-pump-page.pdf", "title": "Page 2: pumps and automated insulin delivery",
                  "text": [
                      "IF YOUR CHILD USES A PUMP OR AN AUTOMATED (HYBRID CLOSED-LOOP) SYSTEM",
                      "Glucose above 14 mmol/L and ketones 0.6 or more: assume the pump is not delivering "
                      "insulin.",
                      "1. Give the correction or extra dose by PEN OR SYRINGE, not through the pump.",
                      "2. Change the whole infusion set and insulin cartridge or reservoir.",
                      "3. Recheck glucose and ketones in 1 hour.",
                      "4. If ketones are not falling, call the diabetes team.",
                      "Keep a rapid-acting pen, a long-acting pen and pen needles at home at all times, in "
                      "date.",
                      "Automated systems cannot see ketones. Follow these rules even if the system is in "
                      "automatic mode.",
                  ]},
             ]},
        ],
    },
    {
        "slug": "t1d-sick-day-rules-teen-edition",
        "title": "Sick days, ketones and you: the teen edition of the sick-day rules",
        "summary": (
            "The family sick-day handout rewritten by and for teenagers who manage their own diabetes: "
            "shorter, phone-sized, with situations teens actually meet (sleepovers, exams, alcohol, "
            "forgetting a basal dose) and when to tell an adult."
        ),
        "body": [
            ("heading", "Why a teen edition"),
            ("paragraph",
             "<p>Maya, who has had type 1 diabetes since she was nine, pointed out that the family handout "
             "talks to parents about 'your child'. Teenagers who dose themselves skip it. The teen edition "
             "keeps every number from the family version but is written in the second person, fits on a "
             "phone screen, and covers the situations young people asked about in a youth panel at "
             "Bayside.</p>"),
            ("table", {
                "caption": "Situations covered",
                "header": ["Situation", "The short version"],
                "rows": [
                    ["Throwing up", "Check ketones. Keep taking insulin. If you can't keep water down, tell an "
                                    "adult and call the team."],
                    ["At a sleepover or away from home", "Take your ketone meter. Tell one adult there that "
                                                         "you have diabetes."],
                    ["Forgot basal insulin", "Check glucose and ketones, then follow the plan your team gave "
                                             "you for a missed dose. Don't double up without checking."],
                    ["Alcohol", "Alcohol can cause hypos hours later and hide ketones. If you've been "
                                "drinking and are being sick, treat it as a sick day and tell someone."],
                    ["Exams or stress", "Stress can push glucose up. Check more often; don't skip insulin."],
                ],
            }),
            ("callout", {
                "tone": "tip",
                "title": "Save it to your phone",
                "text": "The PDF is sized for a phone. Save it to your photos so it works with no signal.",
            }),
        ],
        "conditions": ["type-1-diabetes"],
        "resource_type": "handout",
        "phase": "test",
        "audiences": ["patients"],
        "tags": ["sick days", "adolescents", "self-management", "youth voice", "adaptation"],
        "licence": "CC-BY-NC-4.0",
        "attribution": "Adapted by the Family Advisory Council youth panel from the Bayside Diabetes Centre "
                       "family sick-day handout (CC BY 4.0).",
        "contributors": [("maya.patel", "adapter"), ("sofia.marquez", "reviewer"), ("ben.carter", "reviewer")],
        "organisations": ["family-advisory-council", "bayside-diabetes-centre"],
        "adapted_from": "t1d-sick-day-rules-handout",
        "transferability": {
            "care_setting": "home",
            "centre_size": "any",
            "ehr": "Not applicable",
            "staff_time": "5 minutes to send and go through with the young person",
            "resources_needed": "Ketone meter for the young person's own bag; way of sending a PDF to a phone",
        },
        "how_to_use": [
            {"title": "Offer from age 12", "text": "Give to young people who do some or all of their own "
             "dosing, alongside the family handout for parents."},
            {"title": "Ask them to teach it back", "text": "Ask: 'You're at a friend's house, you've been sick "
             "twice and your ketones are 1.2. What do you do?'"},
        ],
        "time_to_adopt": "hours",
        "releases": [
            {"label": "1.0", "date": "2025-03-10",
             "notes": "First version, tested with 14 young people at Bayside clinics.",
             "files": [{"filename": "t1d-sick-days-teen-edition.pdf", "title": "Phone-sized handout",
                        "text": [
                            "SICK DAYS, KETONES AND YOU",
                            "Rule 1: Never skip insulin when you're ill. You need it even if you're not eating.",
                            "Rule 2: Check glucose and ketones every 2 hours while you're ill.",
                            "Ketones 0.6-1.4: take the extra dose your team wrote here: ____ units. Recheck in 2 h.",
                            "Ketones 1.5-2.9: extra dose ____ units AND call the team or tell an adult now.",
                            "Ketones 3.0 or more: extra dose AND go to hospital or call the team now.",
                            "Can't keep water down, breathing fast, tummy pain or feeling drowsy? Hospital now.",
                            "Been drinking alcohol and being sick? Treat it as a sick day and tell someone.",
                            "Away from home? Take your ketone meter and tell one adult there.",
                            "Diabetes team (24 hours): __________",
                        ]}]},
        ],
    },
    {
        "slug": "t1d-dka-at-diagnosis-awareness-campaign-pack",
        "title": "Spot it early: DKA-at-diagnosis awareness campaign pack",
        "summary": (
            "Everything a diabetes centre needs to run a community campaign on the early signs of type 1 "
            "diabetes (toilet, thirsty, tired, thinner) and same-day testing: posters, a GP briefing, a "
            "school letter, a pharmacy card and an evaluation plan."
        ),
        "body": [
            ("heading", "What the campaign asks people to do"),
            ("paragraph",
             "<p>About four in ten children in our network were in diabetic ketoacidosis when type 1 "
             "diabetes was diagnosed in 2023. Most had seen a health professional in the week before. The "
             "campaign has two messages: for the public, <em>know the four Ts</em> (toilet, thirsty, tired, "
             "thinner); for professionals, <em>test the same day, refer the same day</em>. Prairie "
             "Children's and Southport Children's ran the first campaigns in 2024.</p>"),
            ("steps", [
                {"title": "Map your catchment",
                 "text": "List GP practices, urgent care centres, emergency departments, pharmacies and "
                         "schools. Find out which practices have a working capillary glucose meter."},
                {"title": "Brief primary care first",
                 "text": "Use the 20-minute GP briefing slides. The ask is a finger-prick glucose on the day "
                         "any child presents with a T symptom, and a same-day phone referral if it is high."},
                {"title": "Launch in schools and pharmacies",
                 "text": "Send the school letter at the start of a term and leave pharmacy cards by the "
                         "counter."},
                {"title": "Use families' stories",
                 "text": "Local families who agree to share their diagnosis story make the posters far more "
                         "effective than stock images."},
                {"title": "Evaluate",
                 "text": "Track the monthly proportion of new diagnoses in DKA and the time from first contact "
                         "to referral, using the measures in the DKA prevention change package."},
            ]),
            ("callout", {
                "tone": "warning",
                "title": "Don't ask for a fasting test",
                "text": "A child with symptoms and a raised random glucose needs a same-day referral, not a "
                        "fasting glucose or HbA1c next week. Delays of even one day are when DKA develops.",
            }),
            ("table", {
                "caption": "Results of the first two campaigns",
                "header": ["Centre", "DKA at diagnosis before (12 months)", "DKA at diagnosis after (12 months)"],
                "rows": [
                    ["Prairie Children's", "43% (27 of 63)", "32% (21 of 66)"],
                    ["Southport Children's", "38% (19 of 50)", "31% (17 of 55)"],
                ],
            }),
        ],
        "conditions": ["type-1-diabetes"],
        "resource_type": "guide",
        "phase": "spread",
        "audiences": ["improvement-teams", "clinicians", "parents-families"],
        "tags": ["DKA prevention", "new diagnosis", "public awareness", "primary care", "schools"],
        "licence": "CC-BY-SA-4.0",
        "attribution": "Developed by Prairie Children's and Southport Children's diabetes teams with the "
                       "network office. Inspired by the Parma DKA prevention campaign and national four Ts "
                       "campaigns.",
        "contributors": [("ruth.adeyemi", "author"), ("ben.carter", "author"), ("olivia.chen", "reviewer")],
        "organisations": ["prairie-childrens", "southport-childrens", "network-office"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "community",
            "centre_size": "any",
            "ehr": "Not applicable; evaluation uses your diabetes register",
            "staff_time": "About 40 hours of a nurse or educator over 3 months, then 2 hours a month",
            "resources_needed": "Printing budget for posters and cards; list of local practices and schools; "
                                "same-day referral contact route",
        },
        "how_to_use": [
            {"title": "Choose a launch month", "text": "Avoid school holidays; autumn term works well because "
             "new diagnoses rise in winter."},
            {"title": "Put your own contact route on everything", "text": "The editable files leave space for "
             "your centre's same-day referral route."},
            {"title": "Share your results", "text": "Post your before-and-after figures on the Commons so "
             "other centres can compare."},
        ],
        "time_to_adopt": "months",
        "releases": [
            {"label": "1.0", "date": "2024-09-02",
             "notes": "First pack, used by Prairie and Southport for autumn 2024 campaigns.",
             "files": [
                 {"filename": "dka-awareness-poster-and-card.pdf", "title": "Poster and pharmacy card",
                  "text": [
                      "COULD IT BE TYPE 1 DIABETES? KNOW THE 4 Ts.",
                      "TOILET - going to the toilet a lot, bed-wetting, heavy nappies",
                      "THIRSTY - drinking much more than usual",
                      "TIRED - more tired than usual",
                      "THINNER - losing weight",
                      "If your child has any of these, see a doctor TODAY and ask for a finger-prick "
                      "blood glucose test.",
                      "Type 1 diabetes can become life-threatening within days. Early diagnosis prevents "
                      "diabetic ketoacidosis.",
                  ]},
                 {"filename": "dka-awareness-gp-briefing.docx", "title": "GP and urgent care briefing notes",
                  "text": [
                      "TEST THE SAME DAY, REFER THE SAME DAY",
                      "Any child with polyuria, polydipsia, weight loss or unexplained tiredness: finger-prick "
                      "capillary glucose in the consultation.",
                      "Glucose above 11 mmol/L: phone the paediatric diabetes team the same day. Do not send "
                      "for a fasting glucose or HbA1c first.",
                      "If ketones are available and raised, or the child is vomiting, drowsy or breathing "
                      "deeply: send to the emergency department now.",
                      "Common misattributions in our case reviews: urinary infection, thrush, chest "
                      "infection, gastroenteritis, growth spurt.",
                      "Same-day referral route: __________",
                  ]},
             ]},
        ],
    },
    {
        "slug": "t1d-cgm-start-checklist",
        "title": "CGM start checklist for children and young people with type 1 diabetes",
        "summary": (
            "A three-part checklist for starting continuous glucose monitoring: before the start (funding, "
            "device choice, interpreter), the start session (insertion, alarms, sharing, school) and the "
            "first two weeks (follow-up call, data review, skin check)."
        ),
        "body": [
            ("heading", "Starting well matters as much as starting"),
            ("paragraph",
             "<p>In our 2023 audit, one in five children who started CGM had stopped within three months. "
             "The commonest reasons were alarm fatigue, skin problems and sensors falling off during "
             "sport, all of which can be anticipated at the start session. The checklist is used by "
             "nurses and educators at Bayside and Prairie for every new start, including children started "
             "at diagnosis.</p>"),
            ("table", {
                "caption": "Starting alarm settings we use (adjust for each child and device)",
                "header": ["Alarm", "Starting setting", "Why"],
                "rows": [
                    ["Low", "4.0 mmol/L", "Early warning to treat before a hypo"],
                    ["Urgent low", "3.0 mmol/L", "Fixed on some devices; cannot be switched off"],
                    ["High", "14.0 mmol/L for the first month", "Avoids alarm fatigue; lower to 11-12 "
                                                                "mmol/L once the family is confident"],
                    ["Signal loss", "On", "Overnight safety, especially for younger children"],
                ],
            }),
            ("callout", {
                "tone": "info",
                "title": "Targets to explain at the start",
                "text": "Time in range 3.9-10.0 mmol/L above 70%; time below 3.9 mmol/L under 4%; time below "
                        "3.0 mmol/L under 1% (International Consensus on Time in Range, 2019).",
            }),
        ],
        "conditions": ["type-1-diabetes"],
        "resource_type": "checklist",
        "phase": "implement",
        "audiences": ["nurses", "clinicians", "parents-families"],
        "tags": ["CGM", "diabetes technology", "time in range", "education"],
        "licence": "CC-BY-4.0",
        "attribution": "Developed by the diabetes education teams at Bayside Diabetes Centre and Prairie "
                       "Children's.",
        "contributors": [("sofia.marquez", "author"), ("ruth.adeyemi", "author"), ("maya.patel", "reviewer")],
        "organisations": ["bayside-diabetes-centre", "prairie-childrens"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Any; checklist can be built as a flowsheet",
            "staff_time": "60-90 minutes for the start session; 15-minute follow-up call; 20-minute data review",
            "resources_needed": "Device training materials; interpreter booking; cloud data-sharing set up for "
                                "the clinic",
        },
        "how_to_use": [
            {"title": "Open the checklist when CGM is agreed", "text": "Part A starts the day the family says "
             "yes, so funding and supply don't delay the start."},
            {"title": "Book the follow-ups before the family leaves", "text": "The 3-5 day call and the 2-week "
             "data review are booked during the start session."},
            {"title": "Record stops", "text": "If a child stops using CGM, record why; this feeds the equity "
             "review."},
        ],
        "time_to_adopt": "days",
        "releases": [
            {"label": "1.0", "date": "2023-04-17",
             "notes": "First shared version.",
             "files": [{"filename": "t1d-cgm-start-checklist-v1-0.pdf", "title": "Checklist",
                        "text": [
                            "CGM START CHECKLIST",
                            "A. BEFORE THE START",
                            "[ ] Device chosen with family   [ ] Funding or prescription confirmed   [ ] Start "
                            "session booked",
                            "B. START SESSION",
                            "[ ] Family inserts first sensor   [ ] Alarms set (low 4.0, urgent low 3.0, high 13.0)",
                            "[ ] Data sharing with clinic set up   [ ] When to confirm with a finger-prick "
                            "explained",
                            "C. FIRST TWO WEEKS",
                            "[ ] Phone call at 3-5 days   [ ] Data review at 2 weeks",
                        ]}]},
            {"label": "1.1", "date": "2024-08-19",
             "notes": "High alarm starting point raised from 13.0 to 14.0 mmol/L for the first month after "
                      "families reported alarm fatigue. Added interpreter booking, school follower-app "
                      "consent, skin care and sport taping. Added a reason-for-stopping field.",
             "files": [{"filename": "t1d-cgm-start-checklist-v1-1.pdf", "title": "Checklist",
                        "text": [
                            "CGM START CHECKLIST (version 1.1)",
                            "A. BEFORE THE START",
                            "[ ] Device chosen with family and young person   [ ] Funding or prescription confirmed",
                            "[ ] Interpreter booked if needed   [ ] Start session booked within 4 weeks of 'yes'",
                            "B. START SESSION",
                            "[ ] Family or young person inserts first sensor   [ ] Skin care and sport taping shown",
                            "[ ] Alarms set: low 4.0, urgent low 3.0, high 14.0 for first month, signal loss on",
                            "[ ] Data sharing with clinic set up   [ ] Follower app: who, and consent for school",
                            "[ ] When to confirm with a finger-prick explained   [ ] Time-in-range targets explained",
                            "[ ] School diabetes care plan updated",
                            "C. FIRST TWO WEEKS",
                            "[ ] Phone call at 3-5 days (alarms, skin, adhesion)   [ ] Data review at 2 weeks",
                            "If stopped within 3 months, reason: ____________________",
                        ]}]},
        ],
    },
    {
        "slug": "t1d-school-diabetes-care-plan-template",
        "title": "School diabetes care plan template",
        "summary": (
            "A public-domain template for an individual school care plan: who does what, glucose targets, "
            "hypo and hyper treatment, insulin at lunch, CGM and pump alerts, PE, exams and trips, with "
            "space for the family, school and diabetes team to sign."
        ),
        "body": [
            ("heading", "A plan the school can actually follow"),
            ("paragraph",
             "<p>Schools receive plans in many formats. Kingsbridge care coordinators found that plans "
             "longer than four pages were rarely read by the staff who needed them most: lunchtime "
             "supervisors and supply teachers. This template puts the emergency actions on page one and "
             "the routine care on page two. It is released into the public domain so schools, local "
             "authorities and other networks can copy it freely.</p>"),
            ("table", {
                "caption": "What goes on each page",
                "header": ["Page", "Content", "Who it is for"],
                "rows": [
                    ["1", "Hypo signs and treatment, glucagon, when to call an ambulance and the family",
                     "Every adult who supervises the child"],
                    ["2", "Glucose checks, insulin at lunch, CGM and pump alerts, snacks, PE", "Named staff"],
                    ["3", "Exams, trips, residential visits, sign-off and review date", "School lead, family"],
                ],
            }),
            ("callout", {
                "tone": "tip",
                "title": "Review every year and after every device change",
                "text": "Starting CGM or a pump changes what school staff need to do. The CGM start checklist "
                        "includes a prompt to update this plan.",
            }),
        ],
        "conditions": ["type-1-diabetes"],
        "resource_type": "template",
        "phase": "implement",
        "audiences": ["care-coordinators", "parents-families", "nurses"],
        "tags": ["school", "care plan", "hypoglycaemia", "glucagon", "CGM"],
        "licence": "CC0-1.0",
        "attribution": "Kingsbridge Community Paediatrics care coordination team. Dedicated to the public "
                       "domain.",
        "contributors": [("hannah.boyd", "author"), ("sofia.marquez", "reviewer"), ("maya.patel", "reviewer")],
        "organisations": ["kingsbridge-community-paediatrics"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "community",
            "centre_size": "any",
            "ehr": "Not applicable; Word template",
            "staff_time": "45 minutes for a care coordinator with the family; 30-minute school visit or call",
            "resources_needed": "School willing to name at least two trained staff; glucagon kit kept at "
                                "school",
        },
        "how_to_use": [
            {"title": "Complete with the family", "text": "The care coordinator fills in the plan with the "
             "family using the child's current doses and device settings."},
            {"title": "Train named staff", "text": "Offer a 30-minute session for the named staff, covering "
             "page one in full."},
            {"title": "Set a review date", "text": "Review at the start of each school year and after any "
             "change of device."},
        ],
        "time_to_adopt": "days",
        "releases": [
            {"label": "1.0", "date": "2023-08-21",
             "notes": "First version, ready for the new school year.",
             "files": [{"filename": "school-diabetes-care-plan-v1-0.docx", "title": "Care plan template",
                        "text": [
                            "SCHOOL DIABETES CARE PLAN  School year: ____  Review date: ____",
                            "PAGE 1 - EMERGENCIES",
                            "Hypo (glucose below 4.0 mmol/L) signs for this child: ____________________",
                            "Treat: ____ g fast-acting glucose (e.g. ____). Recheck in 15 minutes. Repeat if still "
                            "below 4.0.",
                            "If unconscious or fitting: recovery position, give glucagon (____ mg), call an "
                            "ambulance, then the family.",
                            "High glucose (above 14 mmol/L) and unwell: check ketones if trained; call the family.",
                            "PAGE 2 - ROUTINE CARE",
                            "Lunch insulin: ratio 1 unit per ____ g carbohydrate. Given by: child / staff.",
                            "Glucose checks: before lunch, before PE, if unwell.",
                            "Family contact: ________   Diabetes team: ________",
                            "Signed: family ________  school ________  diabetes team ________",
                        ]}]},
            {"label": "2.0", "date": "2025-07-28",
             "notes": "New section for CGM and automated insulin delivery: which alerts staff respond to and "
                      "which are handled by the system or family. Glucagon section now covers nasal and "
                      "injectable forms. Exams and residential trips moved to a third page.",
             "files": [{"filename": "school-diabetes-care-plan-v2-0.docx", "title": "Care plan template",
                        "text": [
                            "SCHOOL DIABETES CARE PLAN  School year: ____  Review date: ____",
                            "PAGE 1 - EMERGENCIES",
                            "Hypo (glucose below 4.0 mmol/L) signs for this child: ____________________",
                            "Treat: ____ g fast-acting glucose. Recheck in 15 minutes; repeat if still below 4.0. "
                            "If on an automated system, use the smaller amount written here: ____ g.",
                            "If unconscious or fitting: recovery position; give glucagon - nasal ____ mg or "
                            "injection ____ mg; call an ambulance, then the family.",
                            "PAGE 2 - ROUTINE CARE",
                            "Device: CGM ____  Pump / automated system ____  Follower app held by: ____",
                            "Staff respond to: urgent low alert; low alert before PE or break. The family or "
                            "system handles: high alerts unless above 14 with the child unwell.",
                            "Lunch insulin: ratio 1 unit per ____ g carbohydrate, entered by child / staff.",
                            "PE: check glucose before; snack of ____ g if below ____ mmol/L.",
                            "PAGE 3 - EXAMS, TRIPS AND SIGN-OFF",
                            "Exams: glucose monitor and hypo treatment on the desk; extra time if a hypo occurs.",
                            "Trips and residential visits: plan agreed with family 2 weeks ahead.",
                            "Signed: family ________  school ________  diabetes team ________",
                        ]}]},
        ],
    },
    {
        "slug": "t1d-phq9-depression-screening-workflow",
        "title": "PHQ-9 depression screening workflow for adolescents with type 1 diabetes",
        "summary": (
            "A clinic workflow for annual PHQ-9 screening from age 12: private completion at check-in, "
            "scoring before the consultation, a score-to-action table, and a same-day risk assessment "
            "whenever item 9 (thoughts of self-harm) is positive."
        ),
        "body": [
            ("heading", "Screening only helps if every score has an action"),
            ("paragraph",
             "<p>Young people with type 1 diabetes have higher rates of depression than their peers, and "
             "depression is associated with higher HbA1c and recurrent ketoacidosis. Southport and "
             "Kingsbridge screened fewer than one in five eligible adolescents in 2023, mostly because "
             "staff were unsure what to do with a positive result. The workflow defines the action for "
             "every score band before screening starts. The PHQ-9 is free to use and was validated by "
             "Kroenke and colleagues in 2001; we use the wording adapted for adolescents.</p>"),
            ("steps", [
                {"title": "Identify", "text": "The care coordinator flags young people aged 12 and over who "
                 "have not been screened in 12 months, or who have had DKA since their last screen."},
                {"title": "Complete privately", "text": "At check-in the young person completes the PHQ-9 on a "
                 "tablet in a private space, without a parent looking on."},
                {"title": "Score before the consultation", "text": "The nurse scores it and flags item 9 to the "
                 "clinician before the young person is seen."},
                {"title": "Act on the score", "text": "The clinician follows the table below and documents the "
                 "action in the record."},
                {"title": "Close the loop", "text": "The care coordinator checks at 4 weeks that any referral "
                 "was received and an appointment offered."},
            ]),
            ("table", {
                "caption": "Score-to-action table",
                "header": ["PHQ-9 result", "Action"],
                "rows": [
                    ["0-4", "Acknowledge; rescreen in 12 months"],
                    ["5-9", "Brief conversation about mood and diabetes distress; offer psychology drop-in; "
                            "rescreen in 6 months"],
                    ["10-14", "Referral to the diabetes team psychologist within 4 weeks; share with GP with "
                              "consent"],
                    ["15 or more", "Same-week psychology or child and adolescent mental health review"],
                    ["Item 9 scored 1 or more", "Same-day suicide risk assessment by a trained clinician and "
                                                "safety plan before the young person leaves clinic"],
                ],
            }),
            ("callout", {
                "tone": "warning",
                "title": "Before you start screening",
                "text": "Make sure a trained clinician is available to do a risk assessment in every clinic "
                        "session where screening happens. If not, do not screen in that session.",
            }),
        ],
        "conditions": ["type-1-diabetes"],
        "resource_type": "guide",
        "phase": "implement",
        "audiences": ["clinicians", "care-coordinators", "nurses"],
        "tags": ["depression", "PHQ-9", "psychosocial screening", "adolescents", "suicide prevention"],
        "licence": "CC-BY-NC-4.0",
        "attribution": "Southport Children's and Kingsbridge Community Paediatrics diabetes teams. The PHQ-9 "
                       "itself was developed by Drs Spitzer, Williams and Kroenke and is free to use.",
        "contributors": [("ben.carter", "author"), ("hannah.boyd", "author"), ("yusuf.ali", "reviewer")],
        "organisations": ["southport-childrens", "kingsbridge-community-paediatrics"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Any; questionnaire can be loaded into most patient-portal or tablet check-in systems",
            "staff_time": "3 minutes for the nurse to score; 5-10 minutes clinician time for positive screens",
            "resources_needed": "Private space at check-in; tablet or paper form; psychologist or trained "
                                "clinician available each session; agreed referral routes",
        },
        "how_to_use": [
            {"title": "Agree referral routes first", "text": "Meet your psychology and mental health services "
             "to agree the 4-week and same-week routes before the first screen."},
            {"title": "Train the whole clinic", "text": "A one-hour session for nurses, clinicians and "
             "reception staff covering privacy, scoring and item 9."},
            {"title": "Start with one clinic a week", "text": "Test the workflow in one session, then spread."},
        ],
        "time_to_adopt": "weeks",
        "releases": [
            {"label": "1.0", "date": "2024-06-17",
             "notes": "First shared version after a year of use at Southport.",
             "files": [{"filename": "t1d-phq9-screening-workflow.pdf", "title": "Workflow and score table",
                        "text": [
                            "PHQ-9 SCREENING WORKFLOW - ADOLESCENTS WITH TYPE 1 DIABETES",
                            "Who: age 12 and over; annually, and at the first visit after any DKA admission.",
                            "1. Care coordinator flags eligible young people on the clinic list.",
                            "2. Young person completes PHQ-9 privately at check-in.",
                            "3. Nurse scores; item 9 flagged to clinician before consultation.",
                            "4. Clinician acts on score and documents the action.",
                            "0-4: rescreen in 12 months. 5-9: brief conversation, offer drop-in, rescreen in 6 months.",
                            "10-14: diabetes psychology within 4 weeks. 15+: same-week mental health review.",
                            "Item 9 scored 1 or more: same-day risk assessment and safety plan before leaving.",
                            "5. Care coordinator confirms referral received at 4 weeks.",
                        ]}]},
        ],
    },
    {
        "slug": "t1d-hba1c-population-registry-report",
        "title": "Type 1 diabetes population report: HbA1c, technology use and screening by centre",
        "summary": (
            "Quarterly registry report for network members showing, for each centre, median HbA1c, the "
            "proportion below 58 mmol/mol and above 75 mmol/mol, CGM and pump use, and depression screening "
            "in young people aged 12 and over."
        ),
        "body": [
            ("heading", "How to read the report"),
            ("paragraph",
             "<p>The report includes every child and young person with type 1 diabetes of at least 12 "
             "months' duration who had a visit in the previous 12 months. HbA1c is the most recent value in "
             "that window. Technology use is as recorded at the most recent visit. The report is for "
             "network members only because centres are named.</p>"),
            ("table", {
                "caption": "Measures in the report",
                "header": ["Measure", "Definition"],
                "rows": [
                    ["Median HbA1c", "Median of each patient's most recent HbA1c, mmol/mol (IFCC)"],
                    ["HbA1c below 58 mmol/mol", "Percentage with most recent HbA1c below 58 mmol/mol (7.5%)"],
                    ["HbA1c above 75 mmol/mol", "Percentage with most recent HbA1c above 75 mmol/mol (9.0%)"],
                    ["CGM use", "Percentage with CGM recorded as in use at most recent visit"],
                    ["Pump or AID use", "Percentage using an insulin pump, with or without automated delivery"],
                    ["Depression screening", "Percentage of those aged 12 and over with a PHQ-9 in the last "
                                             "12 months"],
                ],
            }),
            ("callout", {
                "tone": "info",
                "title": "HbA1c units",
                "text": "Values are given in mmol/mol. For reference: 48 mmol/mol = 6.5%, 58 mmol/mol = 7.5%, "
                        "75 mmol/mol = 9.0%.",
            }),
        ],
        "conditions": ["type-1-diabetes"],
        "resource_type": "report",
        "phase": "measure",
        "audiences": ["improvement-teams", "clinicians", "researchers"],
        "tags": ["registry", "HbA1c", "population management", "CGM", "benchmarking"],
        "licence": "network-only",
        "attribution": "Produced by the network data team from the type 1 diabetes registry.",
        "contributors": [("isaac.brennan", "author"), ("olivia.chen", "reviewer"), ("ben.carter", "reviewer")],
        "organisations": ["network-office"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Not applicable; built from monthly registry uploads",
            "staff_time": "30 minutes a quarter for a centre team to review",
            "resources_needed": "Monthly registry upload including device and screening fields",
        },
        "how_to_use": [
            {"title": "Compare with yourself first", "text": "Look at your own trend across quarters before "
             "comparing with other centres."},
            {"title": "Drill down", "text": "Use the deprivation sheet to see whether improvements are shared "
             "across your whole population."},
        ],
        "time_to_adopt": "hours",
        "releases": [
            {"label": "2025-Q1", "date": "2025-04-22",
             "notes": "Quarterly report, January-March 2025.",
             "files": [{"filename": "t1d-population-report-2025-q1.xlsx", "title": "Centre table",
                        "text": [
                            "Centre | Patients | Median HbA1c (mmol/mol) | Below 58 (%) | Above 75 (%) | CGM (%) | "
                            "Pump or AID (%)",
                            "Bayside Diabetes Centre | 412 | 59 | 46 | 14 | 81 | 52",
                            "Lakeshore Paediatrics | 268 | 62 | 38 | 19 | 72 | 41",
                            "Prairie Children's | 335 | 61 | 40 | 17 | 70 | 44",
                            "Kingsbridge Community Paediatrics | 154 | 66 | 29 | 27 | 58 | 26",
                            "Southport Children's | 297 | 60 | 43 | 16 | 75 | 47",
                            "Eastgate University Children's | 520 | 58 | 49 | 13 | 84 | 58",
                            "Network | 1986 | 60 | 43 | 16 | 75 | 48",
                        ]}]},
            {"label": "2025-Q2", "date": "2025-07-22",
             "notes": "Added depression screening column (PHQ-9 in last 12 months, age 12 and over) at the "
                      "request of the psychosocial working group.",
             "files": [{"filename": "t1d-population-report-2025-q2.xlsx", "title": "Centre table",
                        "text": [
                            "Centre | Patients | Median HbA1c (mmol/mol) | Below 58 (%) | Above 75 (%) | CGM (%) | "
                            "Pump or AID (%) | PHQ-9 screened, 12+ (%)",
                            "Bayside Diabetes Centre | 418 | 59 | 47 | 13 | 83 | 54 | 61",
                            "Lakeshore Paediatrics | 271 | 61 | 40 | 18 | 74 | 42 | 35",
                            "Prairie Children's | 339 | 60 | 42 | 16 | 73 | 45 | 48",
                            "Kingsbridge Community Paediatrics | 157 | 65 | 31 | 25 | 62 | 28 | 72",
                            "Southport Children's | 301 | 60 | 44 | 15 | 77 | 48 | 84",
                            "Eastgate University Children's | 527 | 58 | 50 | 12 | 85 | 59 | 40",
                            "Network | 2013 | 59 | 44 | 15 | 77 | 49 | 55",
                        ]}]},
            {"label": "2025-Q3", "date": "2025-10-21",
             "notes": "Added a second sheet breaking CGM and pump use down by deprivation fifth, to support "
                      "the technology equity change package. Kingsbridge figures for Q2 corrected (12 "
                      "transferred patients had been double-counted).",
             "files": [
                 {"filename": "t1d-population-report-2025-q3.xlsx", "title": "Centre table",
                  "text": [
                      "Centre | Patients | Median HbA1c (mmol/mol) | Below 58 (%) | Above 75 (%) | CGM (%) | "
                      "Pump or AID (%) | PHQ-9 screened, 12+ (%)",
                      "Bayside Diabetes Centre | 421 | 58 | 49 | 12 | 85 | 56 | 66",
                      "Lakeshore Paediatrics | 274 | 61 | 41 | 17 | 76 | 43 | 44",
                      "Prairie Children's | 344 | 60 | 43 | 16 | 76 | 46 | 55",
                      "Kingsbridge Community Paediatrics | 147 | 64 | 33 | 23 | 67 | 30 | 78",
                      "Southport Children's | 305 | 59 | 46 | 14 | 79 | 49 | 86",
                      "Eastgate University Children's | 533 | 57 | 52 | 11 | 87 | 60 | 47",
                      "Network | 2024 | 59 | 46 | 14 | 80 | 50 | 61",
                  ]},
                 {"filename": "t1d-population-report-2025-q3-deprivation.xlsx",
                  "title": "Technology use by deprivation fifth (network)",
                  "text": [
                      "Deprivation fifth | Patients | CGM (%) | Pump or AID (%) | Median HbA1c (mmol/mol)",
                      "1 (most deprived) | 452 | 66 | 31 | 64",
                      "2 | 418 | 76 | 43 | 61",
                      "3 | 395 | 82 | 52 | 59",
                      "4 | 381 | 87 | 60 | 57",
                      "5 (least deprived) | 378 | 90 | 67 | 55",
                      "Gap, fifth 5 minus fifth 1 | | 24 points | 36 points | 9 mmol/mol",
                  ]},
             ]},
        ],
    },
    {
        "slug": "t1d-insulin-pump-and-cgm-equity-review",
        "title": "Insulin pump and CGM equity review: a template for diabetes centres",
        "summary": (
            "A step-by-step template for reviewing who in your clinic uses pumps and CGM, broken down by "
            "deprivation, ethnicity, language and insurance, and for finding where the gap opens: offer, "
            "acceptance, funding or continued use."
        ),
        "body": [
            ("heading", "Find where the gap opens"),
            ("paragraph",
             "<p>Registry studies in the United States and Germany have shown that children from poorer "
             "families are less likely to use diabetes technology and have higher HbA1c, and that the gap "
             "widened in the US between 2010 and 2018. A single percentage does not tell a team what to "
             "change. This review splits the pathway into four steps so that the team can see whether "
             "technology is not offered, not accepted, not funded, or not continued.</p>"),
            ("table", {
                "caption": "The four-step cascade",
                "header": ["Step", "Numerator", "Denominator"],
                "rows": [
                    ["Offered", "Patients with a documented offer in the last 12 months",
                     "Patients not using the technology at the start of the year"],
                    ["Accepted", "Patients who accepted the offer", "Patients offered"],
                    ["Started", "Patients who started within 3 months of accepting", "Patients who accepted"],
                    ["Continued", "Patients still using it 6 months after starting", "Patients who started"],
                ],
            }),
            ("steps", [
                {"title": "Pull the data", "text": "Extract the registry list with device status, postcode-based "
                 "deprivation fifth, ethnicity, preferred language and insurance or funding type."},
                {"title": "Build the cascade", "text": "Calculate each step for each group. Use counts, not only "
                 "percentages; groups under 10 should be combined."},
                {"title": "Find the largest drop", "text": "Mark the step where the gap between the most and "
                 "least advantaged groups is widest."},
                {"title": "Ask families", "text": "Hold two conversations with families from the group most "
                 "affected, with an interpreter if needed, about what got in the way."},
                {"title": "Choose one change to test", "text": "Pick one change idea from the technology equity "
                 "change package that targets that step and plan a PDSA cycle."},
            ]),
            ("callout", {
                "tone": "tip",
                "title": "Involve young people",
                "text": "Maya Patel and the youth panel reviewed this template. Their advice: ask families "
                        "what they were told, not only whether they were offered.",
            }),
        ],
        "conditions": ["type-1-diabetes"],
        "resource_type": "template",
        "phase": "measure",
        "audiences": ["improvement-teams", "researchers", "clinicians"],
        "tags": ["health equity", "insulin pump", "CGM", "deprivation", "diabetes technology"],
        "licence": "CC-BY-4.0",
        "attribution": "Developed by Eastgate University Children's outcomes research group with Southport "
                       "Children's diabetes service.",
        "contributors": [("carlos.mendes", "author"), ("ben.carter", "author"), ("maya.patel", "reviewer")],
        "organisations": ["eastgate-university-childrens", "southport-childrens"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "medium",
            "ehr": "Any with exportable device and demographic fields; Excel workbook provided",
            "staff_time": "About 8 hours of analyst time and a 90-minute team meeting each time",
            "resources_needed": "Registry or EHR extract; deprivation index lookup by postcode or area; "
                                "interpreter for family conversations",
        },
        "how_to_use": [
            {"title": "Run it twice a year", "text": "Once to find the gap, once to see whether the change you "
             "tested narrowed it."},
            {"title": "Present to the whole team", "text": "Show the cascade at a team meeting; equity data are "
             "most useful when clinicians see their own clinic's pattern."},
        ],
        "time_to_adopt": "weeks",
        "releases": [
            {"label": "1.0", "date": "2024-11-25",
             "notes": "First version, tested at Southport and Eastgate.",
             "files": [{"filename": "t1d-technology-equity-review-template.docx", "title": "Review template",
                        "text": [
                            "INSULIN PUMP AND CGM EQUITY REVIEW  Review period: ____  Technology: CGM / pump",
                            "Step 1. Data extract date ____; patients included ____",
                            "Step 2. Cascade by group (fill one table per grouping: deprivation fifth, ethnicity, "
                            "language, funding)",
                            "Group | Not using at start | Offered | Accepted | Started | Continued 6 months",
                            "Most deprived fifth | | | | |",
                            "Least deprived fifth | | | | |",
                            "Step 3. Step with the widest gap: ____________",
                            "Step 4. What families told us: ____________",
                            "Step 5. Change to test: ____________  PDSA owner: ____  Start date: ____",
                            "Next review date: ____",
                        ]}]},
        ],
    },
    {
        "slug": "t1d-cgm-uptake-pdsa-worksheet",
        "title": "PDSA worksheet for increasing CGM uptake, with a worked example",
        "summary": (
            "A one-page Plan-Do-Study-Act worksheet for diabetes teams testing changes to increase CGM "
            "uptake, with a completed example from Bayside: a scripted CGM offer tested with ten families "
            "in one clinic, predictions, results and the next cycle."
        ),
        "body": [
            ("heading", "Small tests, written down"),
            ("paragraph",
             "<p>Teams in the technology equity collaborative were making sensible changes but could not say "
             "afterwards what they had learned. The worksheet asks for a prediction before the test, so the "
             "study step compares what happened with what the team expected.</p>"),
            ("steps", [
                {"title": "Plan", "text": "State the change, who, where, when, the question you want answered "
                 "and your prediction in numbers."},
                {"title": "Do", "text": "Run the test on a small scale (one clinic, one week, a handful of "
                 "families) and note anything unexpected."},
                {"title": "Study", "text": "Compare results with the prediction. What surprised you?"},
                {"title": "Act", "text": "Adopt, adapt or abandon, and plan the next cycle."},
            ]),
            ("callout", {
                "tone": "info",
                "title": "From the worked example",
                "text": "Bayside predicted that 5 of 10 families would accept a scripted CGM offer; 7 did. The "
                        "two who declined both mentioned alarms at night, which led to the second cycle.",
            }),
        ],
        "conditions": ["type-1-diabetes"],
        "resource_type": "form",
        "phase": "test",
        "audiences": ["improvement-teams", "nurses"],
        "tags": ["PDSA", "quality improvement methods", "CGM", "test of change"],
        "licence": "CC-BY-4.0",
        "attribution": "Network improvement team with Bayside Diabetes Centre.",
        "contributors": [("marcus.webb", "author"), ("sofia.marquez", "author"), ("olivia.chen", "reviewer")],
        "organisations": ["network-office", "bayside-diabetes-centre"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Not applicable",
            "staff_time": "15 minutes to plan, 15 minutes to study each cycle",
            "resources_needed": "A small team that meets weekly; a simple way to count results",
        },
        "how_to_use": [
            {"title": "One worksheet per cycle", "text": "Start a new sheet for each cycle and keep them "
             "together as a ramp."},
            {"title": "Predict in numbers", "text": "Write '5 of 10 families will accept', not 'more families "
             "will accept'."},
        ],
        "time_to_adopt": "hours",
        "releases": [
            {"label": "1.0", "date": "2025-02-03",
             "notes": "Blank worksheet and Bayside worked example.",
             "files": [
                 {"filename": "pdsa-worksheet-blank.docx", "title": "Blank worksheet",
                  "text": [
                      "PDSA WORKSHEET  Cycle number: ____  Date: ____  Team: ____",
                      "Aim this cycle supports: ____________________",
                      "PLAN - change being tested: ____  Who / where / when: ____",
                      "Question(s) we want to answer: ____",
                      "Prediction (in numbers): ____",
                      "Data we will collect: ____",
                      "DO - what happened, including anything unexpected: ____",
                      "STUDY - results compared with prediction: ____  What did we learn? ____",
                      "ACT - adopt / adapt / abandon: ____  Next cycle: ____",
                  ]},
                 {"filename": "pdsa-worksheet-cgm-worked-example.pdf", "title": "Worked example (Bayside)",
                  "text": [
                      "PDSA WORKSHEET  Cycle 1  Team: Bayside Tuesday clinic",
                      "Aim: increase CGM use from 81% to 90% by March 2026.",
                      "PLAN: nurse uses a 3-sentence scripted CGM offer with every family not using CGM at "
                      "Tuesday clinic for 2 weeks.",
                      "Question: will more families accept if the offer is scripted and made by the nurse?",
                      "Prediction: 5 of 10 families will accept.",
                      "DO: 10 families offered; script took under 2 minutes; one family needed an interpreter "
                      "who was not booked.",
                      "STUDY: 7 of 10 accepted (prediction 5). Both families who declined worried about night "
                      "alarms.",
                      "ACT: adapt - add one sentence on adjustable alarms; book interpreters from the clinic "
                      "list in advance. Cycle 2 in Thursday clinic.",
                  ]},
             ]},
        ],
    },
    {
        "slug": "adolescent-transition-readiness-checklist-t1d-and-fontan",
        "title": "Transition readiness checklist for young people with type 1 diabetes or a Fontan circulation",
        "summary": (
            "A checklist young people complete with their team from age 14 to track readiness to move to "
            "adult care: knowing their condition and medicines, booking appointments, and topics specific to "
            "diabetes (driving, alcohol) or a Fontan circulation (contraception, pregnancy, exercise)."
        ),
        "body": [
            ("heading", "Transition is a process, not a transfer date"),
            ("paragraph",
             "<p>Young people with long-term conditions are most at risk of losing contact with services in "
             "the two years around transfer to adult care. Eastgate's diabetes and congenital heart teams "
             "built one shared checklist because many of the skills are the same, and added short "
             "condition-specific sections. It follows the approach of the 2018 American Academy of "
             "Pediatrics clinical report on health care transition.</p>"),
            ("table", {
                "caption": "Sections of the checklist",
                "header": ["Section", "Examples of items", "Applies to"],
                "rows": [
                    ["My condition", "I can explain my condition and why I have check-ups", "Everyone"],
                    ["My medicines", "I know my doses and how to get repeat prescriptions", "Everyone"],
                    ["My appointments", "I can book, change and attend an appointment on my own", "Everyone"],
                    ["Diabetes", "I check glucose before driving and know the alcohol and hypo rules; I know "
                                 "about annual eye and kidney screening", "Type 1 diabetes"],
                    ["Fontan", "I know which contraception is safer for me and why pregnancy needs planning "
                               "with my cardiologist; I know about dental care and endocarditis",
                     "Fontan circulation"],
                    ["Wellbeing", "I know who to talk to if I feel low or anxious", "Everyone"],
                ],
            }),
            ("callout", {
                "tone": "tip",
                "title": "Part of the visit is without parents",
                "text": "From age 14, offer part of every visit to the young person alone. The checklist is "
                        "completed in that part of the visit.",
            }),
        ],
        "conditions": ["type-1-diabetes", "single-ventricle"],
        "resource_type": "checklist",
        "phase": "implement",
        "audiences": ["patients", "clinicians", "care-coordinators"],
        "tags": ["transition", "adolescents", "self-management", "Fontan", "adult services"],
        "licence": "CC-BY-SA-4.0",
        "attribution": "Eastgate University Children's diabetes and congenital heart transition teams with the "
                       "Family Advisory Council youth panel.",
        "contributors": [("ben.carter", "author"), ("helen.fraser", "author"), ("maya.patel", "reviewer"),
                         ("hannah.boyd", "reviewer")],
        "organisations": ["eastgate-university-childrens", "family-advisory-council"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Any; items can be built as a questionnaire in the patient portal",
            "staff_time": "10 minutes at each visit from age 14",
            "resources_needed": "Named adult service to transfer to; joint or overlap clinic if possible",
        },
        "how_to_use": [
            {"title": "Start at 14", "text": "Introduce the checklist at the first visit after the fourteenth "
             "birthday and revisit every 6-12 months."},
            {"title": "Let the young person keep it", "text": "They keep the checklist and bring it to adult "
             "services."},
        ],
        "time_to_adopt": "weeks",
        "releases": [
            {"label": "1.0", "date": "2025-05-19",
             "notes": "First shared version.",
             "files": [{"filename": "transition-readiness-checklist-t1d-fontan.pdf", "title": "Checklist",
                        "text": [
                            "GETTING READY FOR ADULT CARE - MY CHECKLIST",
                            "Tick: Yes / Learning / Not yet",
                            "I can explain my condition to someone new.",
                            "I know the names and doses of my medicines and how to order more.",
                            "I can book, change and attend an appointment on my own.",
                            "I know who to call if I am unwell, day or night.",
                            "DIABETES: I check my glucose before driving and every 2 hours on long journeys; I "
                            "know how alcohol affects hypos; I go to my eye and kidney checks.",
                            "FONTAN: I know that some contraceptive pills are not safe for me and which are; I "
                            "know to plan any pregnancy with my cardiologist; I see a dentist every 6 months.",
                            "WELLBEING: I know who to talk to if I feel low or anxious.",
                            "Adult team I will move to: __________  Planned joint clinic: __________",
                        ]}]},
        ],
    },
]

CHANGE_PACKAGES = [
    {
        "slug": "interstage-survival-change-package",
        "title": "Interstage survival change package for single-ventricle heart disease",
        "summary": (
            "The network's theory of how to reduce deaths between stage 1 and stage 2 palliation: ready "
            "families, reliable daily home surveillance, a proactive interstage team and support for "
            "families' practical needs, with measures and linked tools."
        ),
        "body": [
            ("heading", "What this package is for"),
            ("paragraph",
             "<p>Interstage mortality in the multicentre Single Ventricle Reconstruction trial was 12%. "
             "Learning networks that standardised home monitoring have reported large reductions since "
             "then, but in our network the rate has stayed close to 9% since 2022, with wide variation "
             "between centres. This package sets out the drivers the network agreed at its 2024 learning "
             "session and the changes centres have tested.</p>"),
            ("callout", {
                "tone": "info",
                "title": "Start with measurement",
                "text": "Centres joining the package first submit 6 months of baseline data for the process "
                        "measures, then choose two change ideas to test from different primary drivers.",
            }),
            ("table", {
                "caption": "Results from the three pilot centres (interstage deaths / infants discharged home)",
                "header": ["Centre", "2022-2023", "2024-2025"],
                "rows": [
                    ["Harbour City Heart", "3 / 31", "1 / 29"],
                    ["Riverbend Children's", "2 / 18", "1 / 20"],
                    ["St Brigid's Children's", "2 / 22", "1 / 21"],
                ],
            }),
            ("paragraph",
             "<p>Numbers are small and year-to-year variation is large; the network tracks the measure "
             "across all centres on a rolling 24-month basis.</p>"),
        ],
        "conditions": ["single-ventricle"],
        "resource_type": "change-package",
        "phase": "aim",
        "audiences": ["improvement-teams", "clinicians", "nurses"],
        "tags": ["interstage", "mortality", "driver diagram", "home monitoring", "learning network"],
        "licence": "CC-BY-4.0",
        "attribution": "Single-ventricle improvement collaborative, facilitated by the network office.",
        "contributors": [("olivia.chen", "author"), ("daniel.kowalski", "author"), ("helen.fraser", "author"),
                         ("lucy.morgan", "reviewer"), ("marcus.webb", "reviewer")],
        "organisations": ["network-office", "harbour-city-heart", "riverbend-childrens", "st-brigids-childrens"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "mixed",
            "centre_size": "any",
            "ehr": "Any; registry submission required",
            "staff_time": "An interstage nurse (about 0.5 whole-time equivalent per 20 infants a year) and a "
                          "weekly 20-minute huddle",
            "resources_needed": "Home scales and pulse oximeters; registry participation; 24-hour cardiology "
                                "advice",
        },
        "releases": [
            {"label": "1.0", "date": "2024-06-10",
             "notes": "First version agreed at the spring 2024 learning session.",
             "files": [{"filename": "interstage-survival-driver-diagram-v1.pdf", "title": "Driver diagram",
                        "text": [
                            "AIM: Reduce interstage mortality from 9% to 5% by June 2027.",
                            "PRIMARY DRIVER 1: Families are ready and equipped before discharge.",
                            "PRIMARY DRIVER 2: Reliable daily home surveillance with clear escalation.",
                            "PRIMARY DRIVER 3: A proactive interstage care team.",
                            "Secondary drivers and change ideas: see pages 2-3.",
                            "Outcome measure: interstage mortality. Process: log completion, discharge checklist "
                            "completion. Balancing: emergency department attendances without admission.",
                        ]}]},
            {"label": "1.1", "date": "2025-05-12",
             "notes": "Added a fourth primary driver on families' social and practical needs after the "
                      "Family Advisory Council reviewed case summaries; added the red-flag response-time "
                      "measure.",
             "files": [
                 {"filename": "interstage-survival-driver-diagram-v1-1.pdf", "title": "Driver diagram",
                  "text": [
                      "AIM: Reduce interstage mortality among infants with HLHS and related single-ventricle "
                      "lesions discharged home after stage 1 palliation from 9% to 5% by June 2027.",
                      "PD1 Families are ready and equipped before discharge -> structured education with "
                      "teach-back; equipment in the home on day one.",
                      "PD2 Reliable daily home surveillance -> daily recording; shared thresholds; timely "
                      "response to red-flag calls.",
                      "PD3 A proactive interstage team -> weekly huddle; coordination with local services.",
                      "PD4 Families' social and practical needs are met -> social risk screening; peer "
                      "support.",
                      "New measure: red-flag calls with a documented clinical response within 1 hour.",
                  ]},
                 {"filename": "interstage-survival-measures.docx", "title": "Measure definitions",
                  "text": [
                      "OUTCOME - Interstage mortality: deaths after stage 1 discharge and before stage 2 "
                      "admission / infants discharged home whose interstage period ended in the window.",
                      "PROCESS - Log completion: interstage days with weight and saturation recorded / "
                      "interstage days at home.",
                      "PROCESS - Discharge readiness checklist complete: infants with a fully signed checklist "
                      "/ infants discharged after stage 1.",
                      "PROCESS - Red-flag response: calls with documented clinical response within 1 hour / "
                      "red-flag calls.",
                      "BALANCING - ED attendances without admission per 100 interstage days.",
                      "All measures reported monthly; mortality on a rolling 24-month window.",
                  ]},
             ]},
        ],
        "aim": "Reduce interstage mortality among infants with HLHS and related single-ventricle lesions "
               "discharged home after stage 1 palliation at participating centres from 9% (2022-2024 "
               "baseline) to 5% by June 2027.",
        "drivers": [
            {"title": "Families are ready and equipped before discharge",
             "description": "Caregivers leave hospital able to weigh, measure saturation, feed and recognise "
                            "red flags, with working equipment.",
             "secondary": [
                 {"title": "Structured caregiver education with teach-back",
                  "change_ideas": [
                      {"title": "Use a signed discharge readiness checklist for every infant",
                       "description": "Start three days before planned discharge; both caregivers and the "
                                      "nurse sign.",
                       "tool": "interstage-discharge-readiness-checklist"},
                      {"title": "Train two caregivers, not one",
                       "description": "Require a second trained caregiver before discharge so monitoring does "
                                      "not depend on one exhausted parent.",
                       "tool": None},
                      {"title": "Show the parent-made teaching video during discharge teaching",
                       "description": "Watch together, then practise each skill with the baby's own equipment.",
                       "tool": "interstage-home-monitoring-teaching-video"},
                  ]},
                 {"title": "Equipment and written plans in the home on day one",
                  "change_ideas": [
                      {"title": "Deliver scales and oximeter to the ward, not the home",
                       "description": "Caregivers practise with the exact devices they will use at home.",
                       "tool": None},
                      {"title": "Give every family the red-flag card",
                       "description": "Two copies: fridge and changing bag; contact routes written in at the "
                                      "bedside.",
                       "tool": "interstage-red-flag-card-for-families"},
                  ]},
             ]},
            {"title": "Reliable daily home surveillance with clear escalation",
             "description": "Every infant's weight, saturation and intake are recorded daily and crossing a "
                            "threshold leads to a call and a timely clinical response.",
             "secondary": [
                 {"title": "Daily recording of weight, saturation and intake",
                  "change_ideas": [
                      {"title": "Use the standard weekly home monitoring log",
                       "description": "Same columns and thresholds at every centre; reviewed on the weekly "
                                      "call.",
                       "tool": "interstage-home-monitoring-log"},
                      {"title": "Offer photo upload of the log",
                       "description": "Families photograph the page and send it through the patient portal "
                                      "before the weekly call.",
                       "tool": None},
                  ]},
                 {"title": "Shared, unambiguous call thresholds",
                  "change_ideas": [
                      {"title": "Print the same thresholds on every family-facing document",
                       "description": "Log, red-flag card and feeding plan use identical numbers.",
                       "tool": "interstage-red-flag-card-for-families"},
                      {"title": "Send the emergency department edition to local hospitals",
                       "description": "Local clinicians and families use the same traffic-light language.",
                       "tool": "interstage-red-flag-card-emergency-department-edition"},
                  ]},
                 {"title": "Timely response to red-flag calls",
                  "change_ideas": [
                      {"title": "One contact route, 24 hours a day",
                       "description": "Families call one number that reaches an interstage nurse by day and "
                                      "the cardiology registrar at night.",
                       "tool": None},
                      {"title": "Log every red-flag call and its outcome",
                       "description": "Review the call log at the weekly huddle to check response times.",
                       "tool": None},
                  ]},
             ]},
            {"title": "A proactive interstage care team",
             "description": "The team reviews every infant at home every week and acts on trends before they "
                            "become emergencies.",
             "secondary": [
                 {"title": "Weekly multidisciplinary interstage huddle",
                  "change_ideas": [
                      {"title": "Run a 20-minute scripted huddle",
                       "description": "Cardiologist, interstage nurse, dietitian and social worker review every "
                                      "infant in the same order.",
                       "tool": "interstage-care-team-huddle-script"},
                      {"title": "Review the registry growth report at the monthly improvement meeting",
                       "description": "Compare the centre with the network median and its own trend.",
                       "tool": "interstage-growth-registry-report"},
                  ]},
                 {"title": "Coordinated care with local services",
                  "change_ideas": [
                      {"title": "Pre-alert the local emergency department at discharge",
                       "description": "Send the discharge letter and emergency department card so the infant "
                                      "is flagged locally.",
                       "tool": "interstage-red-flag-card-emergency-department-edition"},
                      {"title": "Phone the GP within a week of discharge",
                       "description": "A short call from the interstage nurse introducing the family and plan.",
                       "tool": None},
                  ]},
             ]},
            {"title": "Families' social and practical needs are met",
             "description": "Housing, money, travel and emotional strain do not stop families from monitoring "
                            "or attending.",
             "secondary": [
                 {"title": "Identify social risk before discharge",
                  "change_ideas": [
                      {"title": "Standard social needs screen for every family",
                       "description": "Social worker completes a brief screen covering housing, income, "
                                      "transport and support at home.",
                       "tool": None},
                      {"title": "Travel and parking support for clinic visits",
                       "description": "Pre-arranged travel support for families living more than an hour "
                                      "away.",
                       "tool": None},
                  ]},
                 {"title": "Peer support",
                  "change_ideas": [
                      {"title": "Offer a parent mentor from the Family Advisory Council",
                       "description": "A parent who has been through the interstage period calls within the "
                                      "first week at home.",
                       "tool": None},
                      {"title": "Share parents' own words",
                       "description": "Use the family-made video and red-flag card written by parents.",
                       "tool": "interstage-home-monitoring-teaching-video"},
                  ]},
             ]},
        ],
        "measures": [
            {"kind": "outcome", "name": "Interstage mortality",
             "definition": "Death at home or in hospital after discharge from the stage 1 palliation "
                           "admission and before admission for stage 2 palliation, among infants enrolled in "
                           "the single-ventricle registry. Reported on a rolling 24-month window.",
             "numerator": "Infants who died during the interstage period",
             "denominator": "Infants discharged home after stage 1 palliation whose interstage period ended "
                            "(stage 2 admission or death) in the window"},
            {"kind": "process", "name": "Home monitoring log completion",
             "definition": "Proportion of interstage days at home with both weight and oxygen saturation "
                           "recorded, as read out on the weekly call.",
             "numerator": "Interstage days with weight and saturation recorded",
             "denominator": "Interstage days at home in the month"},
            {"kind": "process", "name": "Discharge readiness checklist completed",
             "definition": "Proportion of infants discharged after stage 1 with every item on the discharge "
                           "readiness checklist signed or marked not applicable with a reason.",
             "numerator": "Infants discharged with a fully completed checklist",
             "denominator": "Infants discharged home after stage 1 palliation in the month"},
            {"kind": "process", "name": "Red-flag calls answered within 1 hour",
             "definition": "Proportion of family calls meeting an amber or red threshold that have a documented "
                           "clinical response (advice, review or admission decision) within 60 minutes.",
             "numerator": "Red-flag calls with documented clinical response within 60 minutes",
             "denominator": "Red-flag calls logged in the month"},
            {"kind": "balancing", "name": "Emergency department attendances without admission",
             "definition": "Attendances by interstage infants at any emergency department that end in "
                           "discharge home the same day, per 100 interstage days. Checks that lower thresholds "
                           "do not overwhelm families and departments.",
             "numerator": "Emergency department attendances without admission",
             "denominator": "Interstage days at home, divided by 100"},
        ],
    },
    {
        "slug": "single-ventricle-growth-and-neurodevelopment-change-package",
        "title": "Growth and neurodevelopment change package for infants with single-ventricle heart disease",
        "summary": (
            "Changes to help infants with a single ventricle grow well before stage 2 and enter "
            "neurodevelopmental surveillance early: individual feeding plans, early recognition of "
            "faltering growth, referral before discharge and follow-up at key ages."
        ),
        "body": [
            ("heading", "Two outcomes that families care about"),
            ("paragraph",
             "<p>When the Family Advisory Council asked parents what mattered after survival, the two "
             "answers were 'that my baby grows' and 'that my child can learn and play like other "
             "children'. Growth before stage 2 and developmental follow-up share many of the same "
             "people (dietitians, speech and language therapists, psychologists) and the same "
             "transitions, so the network treats them as one package.</p>"),
            ("table", {
                "caption": "Baseline across five centres, 2023",
                "header": ["Measure", "Baseline", "Goal by December 2026"],
                "rows": [
                    ["Weight-for-age z-score below −2 at stage 2 admission", "27%", "15%"],
                    ["Developmental referral before stage 1 discharge", "48%", "90%"],
                    ["Formal developmental assessment by 18 months", "41%", "75%"],
                ],
            }),
            ("callout", {
                "tone": "warning",
                "title": "Watch the balancing measure",
                "text": "Pushing feeds harder can increase vomiting and, rarely, necrotising enterocolitis. "
                        "Centres review feeding-related admissions monthly alongside growth.",
            }),
        ],
        "conditions": ["single-ventricle"],
        "resource_type": "change-package",
        "phase": "change",
        "audiences": ["improvement-teams", "clinicians", "nurses"],
        "tags": ["growth", "nutrition", "neurodevelopment", "driver diagram"],
        "licence": "CC-BY-NC-4.0",
        "attribution": "Single-ventricle improvement collaborative: growth and development working group.",
        "contributors": [("claire.dubois", "author"), ("yusuf.ali", "author"), ("eilidh.mackay", "reviewer"),
                         ("lucy.morgan", "reviewer")],
        "organisations": ["st-brigids-childrens", "riverbend-childrens", "westmoor-childrens", "network-office"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "mixed",
            "centre_size": "any",
            "ehr": "Any; registry fields for weight and referral dates required",
            "staff_time": "Dietitian 2 hours a week per 10 interstage infants; care coordinator 1 hour a week",
            "resources_needed": "Cardiac dietitian, speech and language therapy, access to early intervention "
                                "and formal developmental assessment",
        },
        "releases": [
            {"label": "1.0", "date": "2024-10-07",
             "notes": "First version.",
             "files": [{"filename": "sv-growth-neurodevelopment-driver-diagram.pdf", "title": "Driver diagram and measures",
                        "text": [
                            "AIM: By December 2026, reduce growth failure at stage 2 admission from 27% to 15% and "
                            "increase developmental referral before stage 1 discharge from 48% to 90%.",
                            "PD1 Adequate nutrition from birth to stage 2 -> individual feeding plans; early "
                            "recognition of faltering growth; safe oral feeding.",
                            "PD2 Every child enters neurodevelopmental surveillance -> referral before discharge; "
                            "follow-up at key ages.",
                            "PD3 Families are partners in growth and development -> families understand targets; "
                            "developmental play at home.",
                            "Outcome: WAZ below -2 at stage 2. Process: dietitian review every 2 weeks; referral "
                            "before discharge; assessment by 18 months.",
                            "Balancing: interstage admissions for feeding intolerance, vomiting or suspected "
                            "necrotising enterocolitis.",
                        ]}]},
        ],
        "aim": "By December 2026, reduce the proportion of infants with single-ventricle heart disease who "
               "have a weight-for-age z-score below -2 at stage 2 admission from 27% to 15%, and increase the "
               "proportion referred for developmental follow-up before stage 1 discharge from 48% to 90%, "
               "across the five participating centres.",
        "drivers": [
            {"title": "Adequate nutrition from birth to stage 2",
             "description": "Each infant receives enough energy, safely, with a plan that changes as they grow.",
             "secondary": [
                 {"title": "Individual feeding plans with energy targets",
                  "change_ideas": [
                      {"title": "Issue a written feeding and growth plan at discharge",
                       "description": "Volumes in mL for today's weight, fortification step and tube top-up "
                                      "rules.",
                       "tool": "interstage-feeding-and-growth-plan"},
                      {"title": "Dietitian review every two weeks",
                       "description": "Recalculate volumes for the new weight by phone or in clinic.",
                       "tool": None},
                  ]},
                 {"title": "Early recognition of faltering growth",
                  "change_ideas": [
                      {"title": "Check 7-day weight velocity at the weekly huddle",
                       "description": "Any infant gaining under 20 g/day is discussed first.",
                       "tool": "interstage-care-team-huddle-script"},
                      {"title": "Benchmark growth against the network",
                       "description": "Review the half-yearly registry growth report.",
                       "tool": "interstage-growth-registry-report"},
                      {"title": "Look for a cardiac cause when growth stalls",
                       "description": "Echocardiogram for residual arch obstruction or valve regurgitation "
                                      "when a second fortification step fails.",
                       "tool": None},
                  ]},
                 {"title": "Safe and efficient oral feeding",
                  "change_ideas": [
                      {"title": "Swallow assessment before the first oral feed after arch surgery",
                       "description": "Speech and language therapy assessment, with instrumental study if "
                                      "vocal cord dysfunction is suspected.",
                       "tool": None},
                      {"title": "Cap oral feeding time at 20-30 minutes",
                       "description": "Give the remainder by tube so feeds do not cost more energy than they "
                                      "provide.",
                       "tool": "interstage-feeding-and-growth-plan"},
                  ]},
             ]},
            {"title": "Every child enters neurodevelopmental surveillance",
             "description": "All infants are referred early and seen for formal assessment at recommended "
                            "ages.",
             "secondary": [
                 {"title": "Referral before stage 1 discharge",
                  "change_ideas": [
                      {"title": "Make the referral checklist part of the discharge summary",
                       "description": "The summary cannot be signed until the checklist is complete.",
                       "tool": "single-ventricle-neurodevelopmental-referral-checklist"},
                      {"title": "Refer to early intervention from the ward",
                       "description": "The care coordinator sends the referral rather than asking the GP to.",
                       "tool": None},
                  ]},
                 {"title": "Follow-up at key ages",
                  "change_ideas": [
                      {"title": "Keep a recall list for 12-18 month assessments",
                       "description": "Care coordinator checks monthly for children approaching 12 months "
                                      "without a booked assessment.",
                       "tool": None},
                      {"title": "Re-screen at school entry and age 11-12",
                       "description": "Use the school-age checklist in Fontan clinic.",
                       "tool": "single-ventricle-school-age-neurodevelopmental-checklist"},
                  ]},
             ]},
            {"title": "Families are partners in growth and development",
             "description": "Parents understand the targets and have what they need to support feeding and "
                            "play at home.",
             "secondary": [
                 {"title": "Families understand growth targets",
                  "change_ideas": [
                      {"title": "Show weight trend on the home log at every call",
                       "description": "The nurse reads back the 7-day gain so families see progress.",
                       "tool": "interstage-home-monitoring-log"},
                      {"title": "Use the teaching video for weighing technique",
                       "description": "Consistent weighing makes small changes meaningful.",
                       "tool": "interstage-home-monitoring-teaching-video"},
                  ]},
                 {"title": "Developmental play at home",
                  "change_ideas": [
                      {"title": "Developmental care sessions on the ward",
                       "description": "Occupational therapist shows positioning and play suited to a baby "
                                      "with a sternotomy and lines.",
                       "tool": None},
                      {"title": "Parent-to-parent sessions on development",
                       "description": "Monthly online session led by parents of older children.",
                       "tool": None},
                  ]},
             ]},
        ],
        "measures": [
            {"kind": "outcome", "name": "Growth failure at stage 2 admission",
             "definition": "Weight-for-age z-score (WHO growth standards) below -2 on the weight recorded at "
                           "admission for stage 2 palliation.",
             "numerator": "Infants with weight-for-age z-score below -2 at stage 2 admission",
             "denominator": "Infants admitted for stage 2 palliation in the quarter with a recorded weight"},
            {"kind": "process", "name": "Fortnightly dietitian review",
             "definition": "Interstage infants with a documented dietitian review at least every 14 days "
                           "throughout their time at home.",
             "numerator": "Infants with no gap longer than 14 days between dietitian reviews",
             "denominator": "Infants whose interstage period ended in the quarter"},
            {"kind": "process", "name": "Developmental referral before stage 1 discharge",
             "definition": "Referral to early intervention or community child development sent before the "
                           "infant leaves hospital after stage 1.",
             "numerator": "Infants with a referral date on or before the discharge date",
             "denominator": "Infants discharged after stage 1 palliation in the quarter"},
            {"kind": "process", "name": "Formal developmental assessment by 18 months",
             "definition": "Standardised developmental assessment (for example Bayley scales) completed "
                           "between 12 and 18 months of age.",
             "numerator": "Children assessed between 12 and 18 months",
             "denominator": "Children in the registry who turned 18 months in the quarter"},
            {"kind": "balancing", "name": "Feeding-related interstage admissions",
             "definition": "Unplanned admissions during the interstage period with a primary reason of feeding "
                           "intolerance, vomiting, dehydration or suspected necrotising enterocolitis.",
             "numerator": "Feeding-related unplanned admissions",
             "denominator": "Interstage days at home in the quarter, divided by 100"},
        ],
    },
    {
        "slug": "t1d-dka-prevention-change-package",
        "title": "DKA prevention change package: at diagnosis and on sick days",
        "summary": (
            "The network's driver diagram for preventing diabetic ketoacidosis in children and young people: "
            "earlier recognition of new type 1 diabetes in the community, confident sick-day management at "
            "home, rapid expert advice, and support for those with recurrent DKA."
        ),
        "body": [
            ("heading", "Two kinds of DKA, one package"),
            ("paragraph",
             "<p>Most DKA in our network happens either at diagnosis, when symptoms were missed or testing "
             "delayed, or in young people with established diabetes during illness or when insulin is "
             "missed. The drivers overlap: clear messages, fast access to the diabetes team and attention "
             "to the families and young people at highest risk. The package was agreed by the diabetes "
             "centres at the network's autumn 2023 learning session.</p>"),
            ("table", {
                "caption": "Network baseline, 2023",
                "header": ["Measure", "Baseline", "Goal by December 2026"],
                "rows": [
                    ["New diagnoses presenting in DKA", "39% (138 of 354)", "28%"],
                    ["DKA admissions, established diabetes", "5.8 per 100 patient-years", "4.0"],
                    ["Sick-day education in last 12 months", "52%", "90%"],
                ],
            }),
            ("callout", {
                "tone": "tip",
                "title": "Where centres have started",
                "text": "Most centres begin with the sick-day handout at every annual review (quick to test) "
                        "and the community awareness campaign (slower, but the largest effect on DKA at "
                        "diagnosis).",
            }),
        ],
        "conditions": ["type-1-diabetes"],
        "resource_type": "change-package",
        "phase": "aim",
        "audiences": ["improvement-teams", "clinicians", "nurses"],
        "tags": ["DKA prevention", "sick days", "new diagnosis", "driver diagram"],
        "licence": "CC-BY-4.0",
        "attribution": "Type 1 diabetes improvement collaborative, facilitated by the network office.",
        "contributors": [("ben.carter", "author"), ("ruth.adeyemi", "author"), ("olivia.chen", "author"),
                         ("sofia.marquez", "reviewer"), ("maya.patel", "reviewer")],
        "organisations": ["network-office", "southport-childrens", "prairie-childrens", "bayside-diabetes-centre"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "mixed",
            "centre_size": "any",
            "ehr": "Any; registry fields for DKA at diagnosis and admissions required",
            "staff_time": "Improvement lead 4 hours a week; educator time for campaign and annual sick-day "
                          "teaching",
            "resources_needed": "24-hour advice line; ketone meters for all families; campaign printing budget",
        },
        "releases": [
            {"label": "1.0", "date": "2023-12-04",
             "notes": "First version from the autumn 2023 learning session.",
             "files": [{"filename": "t1d-dka-prevention-driver-diagram-v1.pdf", "title": "Driver diagram",
                        "text": [
                            "AIM: Reduce DKA at diagnosis from 39% to 28% by December 2026.",
                            "PD1 Earlier recognition of new-onset diabetes in the community.",
                            "PD2 Families manage illness confidently at home.",
                            "PD3 Rapid access to expert advice.",
                            "Outcome: DKA at diagnosis. Process: sick-day education in last 12 months; same-day "
                            "referral. Balancing: same-day referrals where diabetes was excluded.",
                            "Change ideas and linked tools on pages 2-4.",
                        ]}]},
            {"label": "2.0", "date": "2025-03-17",
             "notes": "Aim extended to DKA in established diabetes after registry data showed 41% of DKA "
                      "admissions were in young people with two or more episodes. Added a fourth primary "
                      "driver on psychosocial and access factors, linked to the PHQ-9 workflow and school "
                      "care plan.",
             "files": [
                 {"filename": "t1d-dka-prevention-driver-diagram-v2.pdf", "title": "Driver diagram",
                  "text": [
                      "AIM: Reduce DKA at diagnosis from 39% to 28%, and DKA admissions in established "
                      "diabetes from 5.8 to 4.0 per 100 patient-years, by December 2026.",
                      "PD1 Earlier recognition of new-onset diabetes in the community -> awareness in "
                      "schools and families; same-day testing and referral.",
                      "PD2 Families manage illness confidently at home -> sick-day rules taught and "
                      "refreshed; ketone meters and supplies at home.",
                      "PD3 Rapid access to expert advice -> 24-hour advice; follow-up after every DKA.",
                      "PD4 Psychosocial and access drivers of recurrent DKA -> identify those at risk; "
                      "supervised insulin.",
                      "Measures: see measure definitions document.",
                  ]},
                 {"filename": "t1d-dka-prevention-measures.docx", "title": "Measure definitions",
                  "text": [
                      "DKA definition (ISPAD 2022): glucose above 11 mmol/L, venous pH below 7.3 or "
                      "bicarbonate below 18 mmol/L, and ketonaemia (beta-hydroxybutyrate 3 mmol/L or more) "
                      "or moderate or large ketonuria.",
                      "OUTCOME - DKA at diagnosis: new diagnoses meeting the definition at presentation / "
                      "all new diagnoses under 18.",
                      "OUTCOME - DKA in established diabetes: admissions meeting the definition in patients "
                      "diagnosed more than 3 months earlier, per 100 patient-years.",
                      "PROCESS - sick-day education: patients with documented sick-day teaching in last 12 "
                      "months / patients with a visit in last 12 months.",
                      "PROCESS - same-day referral: new diagnoses referred on the day of first healthcare "
                      "contact with symptoms / new diagnoses with known first contact date.",
                      "BALANCING - same-day referrals for suspected diabetes in which diabetes was excluded.",
                  ]},
             ]},
        ],
        "aim": "Reduce the proportion of children and young people newly diagnosed with type 1 diabetes who "
               "present in diabetic ketoacidosis at participating centres from 39% (2023) to 28%, and reduce "
               "DKA admissions among those with established diabetes from 5.8 to 4.0 per 100 patient-years, "
               "by December 2026.",
        "drivers": [
            {"title": "Earlier recognition of new-onset diabetes in the community",
             "description": "Families, schools and front-line clinicians recognise symptoms and test the same "
                            "day.",
             "secondary": [
                 {"title": "Public and school awareness of the four Ts",
                  "change_ideas": [
                      {"title": "Run a local awareness campaign",
                       "description": "Posters, pharmacy cards and school letters using the campaign pack.",
                       "tool": "t1d-dka-at-diagnosis-awareness-campaign-pack"},
                      {"title": "Brief school nurses at the start of each school year",
                       "description": "Include the four Ts in the annual school nurse update.",
                       "tool": None},
                  ]},
                 {"title": "Same-day testing and referral in primary and urgent care",
                  "change_ideas": [
                      {"title": "Deliver the GP briefing in every practice in the catchment",
                       "description": "Twenty minutes, with the same-day referral route.",
                       "tool": "t1d-dka-at-diagnosis-awareness-campaign-pack"},
                      {"title": "Check every practice has an in-date capillary glucose meter",
                       "description": "Network office supplies meters to practices without one.",
                       "tool": None},
                      {"title": "Review every DKA at diagnosis for missed opportunities",
                       "description": "Brief, non-blaming review of the pathway shared with the practice.",
                       "tool": None},
                  ]},
             ]},
            {"title": "Families manage illness confidently at home",
             "description": "Families and young people know the sick-day rules and have what they need to "
                            "follow them.",
             "secondary": [
                 {"title": "Sick-day rules taught and refreshed",
                  "change_ideas": [
                      {"title": "Teach the sick-day handout at diagnosis and every annual review",
                       "description": "With the child's own extra doses written in.",
                       "tool": "t1d-sick-day-rules-handout"},
                      {"title": "Give the teen edition to young people who dose themselves",
                       "description": "From age 12, alongside the family version.",
                       "tool": "t1d-sick-day-rules-teen-edition"},
                  ]},
                 {"title": "Ketone meters and supplies at home",
                  "change_ideas": [
                      {"title": "Check ketone strips at every visit",
                       "description": "Ask to see the meter and the expiry date; prescribe on the spot.",
                       "tool": None},
                      {"title": "Back-up pens for every pump user",
                       "description": "Confirm in-date rapid and long-acting pens at each review.",
                       "tool": "t1d-sick-day-rules-handout"},
                  ]},
             ]},
            {"title": "Rapid access to expert advice",
             "description": "Families reach someone who can advise on insulin doses at any hour, and every "
                            "episode is followed up.",
             "secondary": [
                 {"title": "24-hour advice",
                  "change_ideas": [
                      {"title": "Audit out-of-hours calls monthly",
                       "description": "Check that advice matched the sick-day protocol and calls were "
                                      "answered within 15 minutes.",
                       "tool": None},
                      {"title": "Give on-call staff the same dose table families have",
                       "description": "On-call staff and families work from identical numbers.",
                       "tool": "t1d-sick-day-rules-handout"},
                  ]},
                 {"title": "Follow-up after every DKA or serious sick-day call",
                  "change_ideas": [
                      {"title": "Review within two weeks of any DKA admission",
                       "description": "Includes a PHQ-9 for those aged 12 and over.",
                       "tool": "t1d-phq9-depression-screening-workflow"},
                      {"title": "Phone call the day after a serious sick-day call",
                       "description": "Educator checks recovery and revisits the rules.",
                       "tool": None},
                  ]},
             ]},
            {"title": "Psychosocial and access drivers of recurrent DKA are addressed",
             "description": "Young people with repeated DKA receive support for the reasons behind it.",
             "secondary": [
                 {"title": "Identify young people at highest risk",
                  "change_ideas": [
                      {"title": "Flag two or more DKA admissions in 12 months on the registry report",
                       "description": "Discuss each flagged young person at the monthly team meeting.",
                       "tool": "t1d-hba1c-population-registry-report"},
                      {"title": "Screen for depression and diabetes distress",
                       "description": "Annual PHQ-9 from age 12 and after every DKA.",
                       "tool": "t1d-phq9-depression-screening-workflow"},
                  ]},
                 {"title": "Supervised insulin where it helps",
                  "change_ideas": [
                      {"title": "Supervised lunchtime or basal insulin at school",
                       "description": "Agreed with the young person and written into the school care plan.",
                       "tool": "t1d-school-diabetes-care-plan-template"},
                      {"title": "Home visits by the care coordinator",
                       "description": "For families who have missed two or more appointments.",
                       "tool": None},
                  ]},
             ]},
        ],
        "measures": [
            {"kind": "outcome", "name": "DKA at diagnosis",
             "definition": "New diagnosis of type 1 diabetes under 18 years meeting ISPAD 2022 DKA criteria "
                           "(venous pH below 7.3 or bicarbonate below 18 mmol/L, with ketonaemia or ketonuria) "
                           "at first presentation.",
             "numerator": "New diagnoses in DKA at presentation",
             "denominator": "All new diagnoses of type 1 diabetes under 18 at the centre in the quarter"},
            {"kind": "outcome", "name": "DKA admissions in established diabetes",
             "definition": "Admissions meeting DKA criteria in patients diagnosed more than 3 months earlier, "
                           "expressed per 100 patient-years of follow-up.",
             "numerator": "DKA admissions in patients with established diabetes",
             "denominator": "Patient-years of follow-up for established patients, divided by 100"},
            {"kind": "process", "name": "Sick-day education in the last 12 months",
             "definition": "Documented sick-day teaching (using the handout or equivalent) in the previous 12 "
                           "months.",
             "numerator": "Patients with documented sick-day teaching in the last 12 months",
             "denominator": "Patients with a clinic visit in the last 12 months"},
            {"kind": "process", "name": "Same-day referral from first contact",
             "definition": "New diagnoses referred to the diabetes team on the same calendar day as the first "
                           "healthcare contact at which diabetes symptoms were recorded.",
             "numerator": "New diagnoses referred the same day",
             "denominator": "New diagnoses with a known first-contact date"},
            {"kind": "balancing", "name": "Referrals where diabetes was excluded",
             "definition": "Same-day referrals for suspected diabetes in which diabetes was not confirmed, "
                           "as a check on unnecessary emergency attendances generated by the campaign.",
             "numerator": "Same-day referrals with diabetes excluded",
             "denominator": "All same-day referrals for suspected diabetes"},
        ],
    },
    {
        "slug": "t1d-technology-equity-change-package",
        "title": "Diabetes technology equity change package: CGM and pumps for every child",
        "summary": (
            "How diabetes centres can raise CGM and pump use and close the gap between the most and least "
            "deprived families: a standard offer every visit, removing practical barriers, using technology "
            "well after the start, and supporting emotional wellbeing."
        ),
        "body": [
            ("heading", "Why equity is the aim, not only uptake"),
            ("paragraph",
             "<p>Across the network, 90% of children from the least deprived fifth of neighbourhoods use CGM, "
             "compared with 66% in the most deprived fifth. The gap for insulin pumps is wider. Average "
             "uptake could rise while the gap stays the same, so the package measures both. Centres "
             "start by running the equity review to find where in the pathway their own gap opens.</p>"),
            ("steps", [
                {"title": "Run the equity review", "text": "Find whether your gap opens at offer, acceptance, "
                 "funding or continued use."},
                {"title": "Pick one change from the matching driver", "text": "Offer gaps map to driver 1; "
                 "funding and language gaps to driver 2; early stopping to driver 3."},
                {"title": "Test with a PDSA worksheet", "text": "Small tests in one clinic first."},
                {"title": "Re-run the review after six months", "text": "Check that the gap, not just the "
                 "average, has moved."},
            ]),
            ("callout", {
                "tone": "info",
                "title": "Offer is not the same as pressure",
                "text": "A standard offer means every family hears about every option in a way they "
                        "understand. Declining is a valid choice and is recorded without judgement.",
            }),
        ],
        "conditions": ["type-1-diabetes"],
        "resource_type": "change-package",
        "phase": "change",
        "audiences": ["improvement-teams", "clinicians", "care-coordinators"],
        "tags": ["health equity", "CGM", "insulin pump", "HbA1c", "driver diagram"],
        "licence": "CC-BY-SA-4.0",
        "attribution": "Type 1 diabetes improvement collaborative: technology equity working group.",
        "contributors": [("carlos.mendes", "author"), ("sofia.marquez", "author"), ("marcus.webb", "author"),
                         ("maya.patel", "reviewer"), ("hannah.boyd", "reviewer")],
        "organisations": ["eastgate-university-childrens", "bayside-diabetes-centre",
                          "kingsbridge-community-paediatrics", "network-office"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Any with device status and postcode fields; registry upload",
            "staff_time": "Improvement lead 4 hours a week; care coordinator time for funding applications",
            "resources_needed": "Deprivation index lookup; interpreters; device training capacity",
        },
        "releases": [
            {"label": "1.0", "date": "2025-06-23",
             "notes": "First version.",
             "files": [{"filename": "t1d-technology-equity-driver-diagram.pdf", "title": "Driver diagram and measures",
                        "text": [
                            "AIM: By March 2027, increase CGM use from 68% to 90% and reduce the gap between the "
                            "most and least deprived fifths from 24 to 8 percentage points.",
                            "PD1 Technology is offered to every family, every time.",
                            "PD2 Practical barriers are removed (funding, language, school).",
                            "PD3 Technology is used well after starting.",
                            "PD4 Emotional wellbeing supports self-management.",
                            "Outcome: CGM use; deprivation gap; HbA1c below 58 mmol/mol.",
                            "Process: documented offer at each visit. Balancing: team time on device support.",
                        ]}]},
        ],
        "aim": "By March 2027, increase the proportion of children and young people with type 1 diabetes "
               "using CGM at participating centres from 68% (2024) to 90%, and reduce the gap in CGM use "
               "between the most and least deprived fifths of our population from 24 to 8 percentage points.",
        "drivers": [
            {"title": "Technology is offered to every family, every time",
             "description": "Every family hears about CGM and pumps, at diagnosis and at every review, in a "
                            "way they understand.",
             "secondary": [
                 {"title": "A standard offer at diagnosis and each review",
                  "change_ideas": [
                      {"title": "Start CGM at diagnosis using the start checklist",
                       "description": "Offer CGM during the diagnosis admission or first week.",
                       "tool": "t1d-cgm-start-checklist"},
                      {"title": "Add a mandatory 'technology offered' field to the clinic note",
                       "description": "Records offer, response and reason for declining.",
                       "tool": None},
                  ]},
                 {"title": "Remove bias in who is offered",
                  "change_ideas": [
                      {"title": "Run the equity review twice a year",
                       "description": "Show clinicians the offer rate for their own clinics by deprivation "
                                      "fifth.",
                       "tool": "t1d-insulin-pump-and-cgm-equity-review"},
                      {"title": "Team session on assumptions about who will cope with technology",
                       "description": "Case-based discussion led by the youth panel.",
                       "tool": None},
                  ]},
             ]},
            {"title": "Practical barriers are removed",
             "description": "Funding, language, literacy and school arrangements do not stop a family "
                            "starting or continuing.",
             "secondary": [
                 {"title": "Funding and supply",
                  "change_ideas": [
                      {"title": "Care coordinator completes funding applications with the family",
                       "description": "Rather than handing the family a form.",
                       "tool": None},
                      {"title": "Loan starter kits while funding is approved",
                       "description": "Two weeks of sensors so the start is not delayed.",
                       "tool": None},
                  ]},
                 {"title": "Language and literacy",
                  "change_ideas": [
                      {"title": "Interpreter-led start sessions",
                       "description": "Interpreter booked at the same time as the start session.",
                       "tool": "t1d-cgm-start-checklist"},
                      {"title": "Pictorial insertion guides",
                       "description": "Step-by-step photographs with minimal text.",
                       "tool": None},
                  ]},
                 {"title": "School support",
                  "change_ideas": [
                      {"title": "Update the school care plan at every device start",
                       "description": "Which alerts staff respond to, and who holds the follower app.",
                       "tool": "t1d-school-diabetes-care-plan-template"},
                      {"title": "School staff training visit within a month of starting",
                       "description": "Care coordinator or educator visits or holds a video call.",
                       "tool": None},
                  ]},
             ]},
            {"title": "Technology is used well after starting",
             "description": "Families keep using their devices and the data inform decisions.",
             "secondary": [
                 {"title": "Early follow-up and data review",
                  "change_ideas": [
                      {"title": "Phone call at 3-5 days and data review at 2 weeks",
                       "description": "Catch alarm fatigue and skin problems before families give up.",
                       "tool": "t1d-cgm-start-checklist"},
                      {"title": "Review the ambulatory glucose profile at every visit",
                       "description": "Time in range, time below range and patterns, shown on screen to the "
                                      "family.",
                       "tool": None},
                  ]},
                 {"title": "Learn through small tests",
                  "change_ideas": [
                      {"title": "Use PDSA worksheets for each change",
                       "description": "Predict in numbers and compare.",
                       "tool": "t1d-cgm-uptake-pdsa-worksheet"},
                      {"title": "Track progress on the quarterly population report",
                       "description": "Including the deprivation sheet.",
                       "tool": "t1d-hba1c-population-registry-report"},
                  ]},
             ]},
            {"title": "Emotional wellbeing supports self-management",
             "description": "Distress and low mood are recognised and supported, and young people shape the "
                            "service.",
             "secondary": [
                 {"title": "Routine psychosocial screening",
                  "change_ideas": [
                      {"title": "Annual PHQ-9 from age 12",
                       "description": "With a defined action for every score.",
                       "tool": "t1d-phq9-depression-screening-workflow"},
                      {"title": "Ask about device burden at each review",
                       "description": "One question: 'Is your device making life easier or harder right now?'",
                       "tool": None},
                  ]},
                 {"title": "Young people shape the service",
                  "change_ideas": [
                      {"title": "Youth panel reviews every new family-facing material",
                       "description": "Including device guides and clinic letters.",
                       "tool": None},
                      {"title": "Use the transition checklist from age 14",
                       "description": "Builds independent device management before adult services.",
                       "tool": "adolescent-transition-readiness-checklist-t1d-and-fontan"},
                  ]},
             ]},
        ],
        "measures": [
            {"kind": "outcome", "name": "CGM use",
             "definition": "Patients with type 1 diabetes of at least 6 months' duration whose most recent "
                           "visit in the last 6 months records CGM as in use.",
             "numerator": "Patients with CGM recorded as in use at their most recent visit",
             "denominator": "Patients with type 1 diabetes of at least 6 months' duration seen in the last 6 "
                            "months"},
            {"kind": "outcome", "name": "Deprivation gap in CGM use",
             "definition": "Percentage-point difference in CGM use between patients living in the least "
                           "deprived and the most deprived fifth of neighbourhoods (national deprivation index "
                           "by home postcode).",
             "numerator": "CGM use (%) in the least deprived fifth minus CGM use (%) in the most deprived fifth",
             "denominator": "Not applicable (difference of two proportions, each calculated as CGM users / "
                            "eligible patients in that fifth)"},
            {"kind": "outcome", "name": "HbA1c below 58 mmol/mol",
             "definition": "Most recent HbA1c in the last 12 months below 58 mmol/mol (7.5%).",
             "numerator": "Patients whose most recent HbA1c is below 58 mmol/mol",
             "denominator": "Patients with an HbA1c in the last 12 months"},
            {"kind": "process", "name": "Technology offer documented",
             "definition": "Clinic visits by patients not using CGM (or not using a pump) at which an offer "
                           "and the family's response are documented.",
             "numerator": "Eligible visits with offer and response documented",
             "denominator": "Visits by patients not using the technology"},
            {"kind": "balancing", "name": "Team time spent on device support",
             "definition": "Nurse and educator hours per month spent on device starts, troubleshooting calls "
                           "and data reviews, from the team's activity log, per 100 patients.",
             "numerator": "Device-support hours logged in the month",
             "denominator": "Patients on the caseload, divided by 100"},
        ],
    },
]

PROTOCOLS = [
    {
        "slug": "interstage-home-monitoring-protocol-2023",
        "title": "Interstage home monitoring protocol (2023)",
        "summary": (
            "The network's first shared protocol for home monitoring of infants between stage 1 and stage 2 "
            "palliation. Superseded in March 2025 by the 2025 protocol, which standardises the feed-volume "
            "threshold and adds red-flag response times."
        ),
        "body": [
            ("heading", "Status"),
            ("callout", {
                "tone": "warning",
                "title": "Superseded",
                "text": "This protocol was replaced by the 2025 interstage home monitoring protocol on "
                        "3 March 2025. It is kept for reference and for audits of care delivered in "
                        "2023-2024.",
            }),
            ("paragraph",
             "<p>The 2023 protocol brought the three founding centres' home monitoring practices into one "
             "document. It set saturation and weight thresholds but left intake thresholds to each centre, "
             "which made registry data hard to compare.</p>"),
            ("table", {
                "caption": "Main differences from the 2025 protocol",
                "header": ["Topic", "2023", "2025"],
                "rows": [
                    ["Feed threshold", "'Less than usual' (centre-defined)", "Below 100 mL/kg/day"],
                    ["Fever", "Not specified", "38.0 °C or higher"],
                    ["Response time", "Not specified", "Clinical response within 1 hour"],
                    ["Weekly huddle", "Recommended", "Required"],
                ],
            }),
        ],
        "conditions": ["single-ventricle"],
        "resource_type": "protocol",
        "phase": "implement",
        "audiences": ["clinicians", "nurses"],
        "tags": ["interstage", "home monitoring", "protocol", "superseded"],
        "licence": "network-only",
        "attribution": "Single-ventricle clinical leads group, 2023.",
        "contributors": [("daniel.kowalski", "author"), ("helen.fraser", "author"), ("priya.raman", "reviewer")],
        "organisations": ["harbour-city-heart", "riverbend-childrens", "network-office"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "home",
            "centre_size": "any",
            "ehr": "Any",
            "staff_time": "Interstage nurse weekly calls of about 15 minutes per infant",
            "resources_needed": "Home scales, pulse oximeters, 24-hour cardiology advice",
        },
        "releases": [
            {"label": "1.0", "date": "2023-01-23",
             "notes": "Approved by the clinical leads group.",
             "files": [{"filename": "interstage-home-monitoring-protocol-2023.pdf", "title": "Protocol",
                        "text": [
                            "INTERSTAGE HOME MONITORING PROTOCOL 2023",
                            "Population: infants discharged home after stage 1 palliation (Norwood, hybrid or "
                            "shunt) until stage 2 admission.",
                            "1. Daily weight and oxygen saturation recorded by caregivers.",
                            "2. Call the team if saturation below 75% or above 90%, weight loss of 30 g in a day, "
                            "or no gain over 3 days.",
                            "3. Intake thresholds set by each centre.",
                            "4. Weekly phone review by the interstage nurse.",
                            "5. Cardiology clinic at least every 2 weeks.",
                            "6. Multidisciplinary review recommended weekly.",
                        ]}]},
        ],
        "scope": "Home surveillance, escalation and follow-up for infants between stage 1 and stage 2 "
                 "palliation at network cardiac centres, 2023-2025.",
        "population": "Infants with HLHS or other single-ventricle lesions with shunt- or duct-stent-dependent "
                      "pulmonary blood flow, discharged home after stage 1 palliation.",
        "protocol_steps": [
            {"title": "Discharge teaching", "text": "Two caregivers trained to weigh, measure saturation and "
             "recognise red flags."},
            {"title": "Daily recording", "text": "Weight every morning and oxygen saturation once a day in the "
             "home log."},
            {"title": "Thresholds", "text": "Call if saturation below 75% or above 90%, weight loss of 30 g in "
             "24 hours, or no weight gain over 3 days; intake thresholds per centre."},
            {"title": "Weekly review", "text": "Interstage nurse telephones each family weekly."},
            {"title": "Clinic follow-up", "text": "Cardiology review at least every 2 weeks until stage 2."},
        ],
        "citations": [
            {"text": "Ghanayem NS, Allen KR, Tabbutt S, et al. Interstage mortality after the Norwood "
                     "procedure: results of the multicenter Single Ventricle Reconstruction trial. J Thorac "
                     "Cardiovasc Surg. 2012;144(4):896-906.",
             "doi": "10.1016/j.jtcvs.2012.05.020"},
            {"text": "Anderson JB, Beekman RH 3rd, Kugler JD, et al. Improvement in interstage survival in a "
                     "national pediatric cardiology learning network. Circ Cardiovasc Qual Outcomes. "
                     "2015;8(4):428-436.",
             "doi": None},
        ],
        "effective_date": "2023-02-01",
        "review_by": "2025-02-01",
        "superseded_by": "interstage-home-monitoring-protocol-2025",
    },
    {
        "slug": "interstage-home-monitoring-protocol-2025",
        "title": "Interstage home monitoring protocol (2025)",
        "summary": (
            "Network protocol for home surveillance of infants between stage 1 and stage 2 palliation: "
            "discharge criteria, daily monitoring, standard call thresholds, response within one hour, "
            "weekly huddle, clinic follow-up and stage 2 timing triggers."
        ),
        "body": [
            ("heading", "What changed in 2025"),
            ("paragraph",
             "<p>This protocol replaces the 2023 version. It sets one intake threshold for all centres "
             "(below 100 mL/kg/day), adds fever, requires a documented clinical response to red-flag calls "
             "within one hour and makes the weekly multidisciplinary huddle a requirement. It draws on the "
             "2020 American Heart Association scientific statement on interstage home monitoring.</p>"),
            ("table", {
                "caption": "Standard call thresholds (may be individualised by the cardiologist and written on "
                           "the log)",
                "header": ["Sign", "Threshold"],
                "rows": [
                    ["Oxygen saturation", "Below 75% or above 90% on two readings 10 minutes apart"],
                    ["Weight", "Loss of 30 g or more in 24 hours, or no gain over 3 days"],
                    ["Intake", "Below 100 mL/kg in 24 hours"],
                    ["Other", "Vomiting more than twice a day, diarrhoea, fewer than 6 wet nappies, temperature "
                              "38.0 °C or higher, increased work of breathing, irritability or lethargy"],
                ],
            }),
            ("callout", {
                "tone": "info",
                "title": "Linked tools",
                "text": "Home monitoring log, red-flag cards for families and emergency departments, discharge "
                        "readiness checklist and huddle script are all available on the Commons.",
            }),
        ],
        "conditions": ["single-ventricle"],
        "resource_type": "protocol",
        "phase": "implement",
        "audiences": ["clinicians", "nurses"],
        "tags": ["interstage", "home monitoring", "protocol", "escalation"],
        "licence": "CC-BY-4.0",
        "attribution": "Single-ventricle clinical leads group, approved by the network clinical governance "
                       "committee.",
        "contributors": [("daniel.kowalski", "author"), ("helen.fraser", "author"), ("fatima.haddad", "author"),
                         ("priya.raman", "reviewer"), ("lucy.morgan", "reviewer")],
        "organisations": ["harbour-city-heart", "riverbend-childrens", "st-brigids-childrens", "westmoor-childrens"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "home",
            "centre_size": "any",
            "ehr": "Any; registry submission of monitoring data required",
            "staff_time": "Interstage nurse about 0.5 whole-time equivalent per 20 infants a year; weekly "
                          "20-minute huddle",
            "resources_needed": "Home scales and pulse oximeters; 24-hour single contact route; cardiac "
                                "dietitian; social work",
        },
        "releases": [
            {"label": "1.0", "date": "2025-02-17",
             "notes": "Approved version replacing the 2023 protocol.",
             "files": [{"filename": "interstage-home-monitoring-protocol-2025-v1-0.pdf", "title": "Protocol",
                        "text": [
                            "INTERSTAGE HOME MONITORING PROTOCOL 2025 (replaces 2023 protocol)",
                            "Population: infants discharged home after stage 1 palliation until stage 2 admission.",
                            "1. Discharge only when the discharge readiness checklist is complete.",
                            "2. Caregivers record weight daily and saturation daily in the home log.",
                            "3. Standard thresholds: saturation <75% or >90% twice; weight -30 g in 24 h or no "
                            "gain over 3 days; intake <100 mL/kg/day; fever >=38.0 C; vomiting >2 a day.",
                            "4. Red-flag calls: documented clinical response within 1 hour.",
                            "5. Weekly interstage nurse call and weekly multidisciplinary huddle.",
                            "6. Cardiology clinic within 7 days of discharge, then at least every 2 weeks.",
                            "7. Consider earlier stage 2 if growth failure, falling saturations or repeated "
                            "red-flag calls.",
                        ]}]},
        ],
        "scope": "Discharge, home surveillance, escalation and follow-up for infants between stage 1 and "
                 "stage 2 palliation at all network cardiac centres.",
        "population": "Infants with HLHS or other single-ventricle lesions with shunt- or duct-stent-dependent "
                      "pulmonary blood flow, discharged home after stage 1 palliation (Norwood, hybrid or "
                      "systemic-to-pulmonary shunt).",
        "protocol_steps": [
            {"title": "Confirm discharge readiness",
             "text": "Discharge only when the discharge readiness checklist is complete, including two trained "
                     "caregivers and equipment checked at the bedside."},
            {"title": "Set individual targets",
             "text": "The cardiologist records the infant's saturation range and any individual thresholds on "
                     "the home log."},
            {"title": "Daily home monitoring",
             "text": "Caregivers record weight every morning and oxygen saturation once daily, with 24-hour "
                     "intake and wet nappies."},
            {"title": "Escalate on thresholds",
             "text": "Caregivers call the single contact route when any threshold is met; the team documents a "
                     "clinical response within 1 hour."},
            {"title": "Weekly review",
             "text": "Interstage nurse calls each family weekly; all infants are reviewed at the weekly "
                     "multidisciplinary huddle."},
            {"title": "Clinic follow-up",
             "text": "Cardiology clinic within 7 days of discharge and at least every 2 weeks until stage 2."},
            {"title": "Plan stage 2 timing",
             "text": "Consider earlier stage 2 for growth failure, falling saturations or repeated red-flag "
                     "calls."},
        ],
        "citations": [
            {"text": "Rudd NA, Ghanayem NS, Hill GD, et al. Interstage home monitoring for infants with single "
                     "ventricle heart disease: education and management: a scientific statement from the "
                     "American Heart Association. J Am Heart Assoc. 2020;9(16):e014548.",
             "doi": "10.1161/JAHA.119.014548"},
            {"text": "Ghanayem NS, Allen KR, Tabbutt S, et al. Interstage mortality after the Norwood "
                     "procedure: results of the multicenter Single Ventricle Reconstruction trial. J Thorac "
                     "Cardiovasc Surg. 2012;144(4):896-906.",
             "doi": "10.1016/j.jtcvs.2012.05.020"},
            {"text": "Anderson JB, Beekman RH 3rd, Kugler JD, et al. Improvement in interstage survival in a "
                     "national pediatric cardiology learning network. Circ Cardiovasc Qual Outcomes. "
                     "2015;8(4):428-436.",
             "doi": None},
        ],
        "effective_date": "2025-03-03",
        "review_by": "2027-03-01",
        "superseded_by": None,
    },
    {
        "slug": "interstage-feeding-escalation-protocol",
        "title": "Interstage feeding escalation protocol",
        "summary": (
            "When and how to escalate nutrition for infants between stage 1 and stage 2 palliation: "
            "weight-velocity triggers, stepwise fortification, tube feeding, cardiac review for faltering "
            "growth and when to consider gastrostomy. Review date has passed."
        ),
        "body": [
            ("heading", "Purpose"),
            ("paragraph",
             "<p>Growth failure before stage 2 remains common. This protocol sets shared triggers for "
             "escalating nutrition so that infants do not wait weeks with a flat weight. It is used "
             "together with the interstage feeding and growth plan.</p>"),
            ("callout", {
                "tone": "warning",
                "title": "Overdue for review",
                "text": "This protocol passed its review date in January 2026. The growth and development "
                        "working group is updating it to reflect the 2025 monitoring protocol; until then it "
                        "remains in use.",
            }),
            ("table", {
                "caption": "Escalation triggers",
                "header": ["Trigger", "Action"],
                "rows": [
                    ["Gain under 20 g/day averaged over 7 days", "Move up one fortification step; dietitian "
                                                                   "review within 3 days"],
                    ["Gain under 20 g/day after two steps", "Cardiology review and echocardiogram"],
                    ["Oral intake under 75% of plan for 3 days", "Start or increase nasogastric top-ups"],
                    ["Still tube dependent with poor gain at 8 weeks", "Discuss gastrostomy at the weekly "
                                                                        "huddle"],
                ],
            }),
        ],
        "conditions": ["single-ventricle"],
        "resource_type": "protocol",
        "phase": "implement",
        "audiences": ["clinicians", "nurses"],
        "tags": ["interstage", "nutrition", "growth", "tube feeding", "protocol"],
        "licence": "CC-BY-NC-4.0",
        "attribution": "St Brigid's Children's and Riverbend Children's cardiac nutrition group.",
        "contributors": [("claire.dubois", "author"), ("daniel.kowalski", "author"), ("eilidh.mackay", "reviewer")],
        "organisations": ["st-brigids-childrens", "riverbend-childrens"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "mixed",
            "centre_size": "any",
            "ehr": "Any",
            "staff_time": "Dietitian review within 3 days of a trigger",
            "resources_needed": "Cardiac dietitian; speech and language therapy; home enteral feeding service; "
                                "echocardiography",
        },
        "releases": [
            {"label": "1.0", "date": "2024-01-08",
             "notes": "Approved by both centres' clinical governance committees.",
             "files": [{"filename": "interstage-feeding-escalation-protocol.pdf", "title": "Protocol",
                        "text": [
                            "INTERSTAGE FEEDING ESCALATION PROTOCOL",
                            "Target weight gain: 20-30 g per day.",
                            "Trigger 1: gain under 20 g/day over 7 days -> next fortification step; dietitian "
                            "within 3 days.",
                            "Trigger 2: poor gain after two steps -> cardiology review and echocardiogram.",
                            "Trigger 3: oral intake under 75% of plan for 3 days -> nasogastric top-ups.",
                            "Trigger 4: tube dependent with poor gain at 8 weeks -> discuss gastrostomy.",
                            "Vomiting more than twice a day or blood in stool: same-day medical review.",
                        ]}]},
        ],
        "scope": "Nutritional escalation for infants at home or in hospital between stage 1 and stage 2 "
                 "palliation at St Brigid's and Riverbend.",
        "population": "Infants with single-ventricle heart disease after stage 1 palliation, from discharge to "
                      "stage 2 admission.",
        "protocol_steps": [
            {"title": "Set the plan at discharge", "text": "Dietitian issues the feeding and growth plan with "
             "volume, energy density and oral feeding time limit."},
            {"title": "Monitor weight velocity", "text": "Calculate 7-day average gain at each weekly call."},
            {"title": "Escalate energy density", "text": "If gain is under 20 g/day, move up one fortification "
             "step and review within 3 days."},
            {"title": "Add or increase tube feeds", "text": "If oral intake is under 75% of plan for 3 days, "
             "start or increase nasogastric top-ups."},
            {"title": "Look for a cardiac cause", "text": "If gain remains poor after two steps, arrange "
             "cardiology review and echocardiogram."},
            {"title": "Consider gastrostomy", "text": "Discuss at the weekly huddle if still tube dependent with "
             "poor gain at 8 weeks."},
        ],
        "citations": [
            {"text": "Slicker J, Hehir DA, Horsley M, et al. Nutrition algorithms for infants with hypoplastic "
                     "left heart syndrome; birth through the first interstage period. Congenit Heart Dis. "
                     "2013;8(2):89-102.",
             "doi": None},
            {"text": "Rudd NA, Ghanayem NS, Hill GD, et al. Interstage home monitoring for infants with single "
                     "ventricle heart disease: education and management: a scientific statement from the "
                     "American Heart Association. J Am Heart Assoc. 2020;9(16):e014548.",
             "doi": "10.1161/JAHA.119.014548"},
        ],
        "effective_date": "2024-01-15",
        "review_by": "2026-01-15",
        "superseded_by": None,
    },
    {
        "slug": "single-ventricle-neurodevelopmental-surveillance-protocol",
        "title": "Neurodevelopmental surveillance protocol for children with single-ventricle heart disease",
        "summary": (
            "Network protocol for developmental surveillance from birth to adolescence for children with a "
            "single ventricle: referral before stage 1 discharge, formal assessments at set ages, school "
            "support and mental health screening."
        ),
        "body": [
            ("heading", "Why a protocol"),
            ("paragraph",
             "<p>All children with single-ventricle heart disease are at high risk of developmental "
             "disorder. Surveillance had depended on individual clinicians; this protocol sets the minimum "
             "schedule every network centre offers, following the 2012 American Heart Association "
             "scientific statement.</p>"),
            ("table", {
                "caption": "Minimum schedule",
                "header": ["Age", "What happens"],
                "rows": [
                    ["Before stage 1 discharge", "Referral to early intervention; hearing; feeding assessment"],
                    ["12-18 months", "Formal developmental assessment"],
                    ["3 years", "Formal assessment including language and motor skills"],
                    ["4-5 years (before school)", "Screen and school letter; formal assessment if concerns"],
                    ["11-12 years", "Re-screen for learning, attention and mood before secondary school"],
                ],
            }),
            ("callout", {
                "tone": "tip",
                "title": "Linked checklists",
                "text": "Use the infant referral checklist at stage 1 and stage 2, and the school-age "
                        "checklist in Fontan clinic.",
            }),
        ],
        "conditions": ["single-ventricle"],
        "resource_type": "protocol",
        "phase": "implement",
        "audiences": ["clinicians", "care-coordinators", "nurses"],
        "tags": ["neurodevelopment", "developmental surveillance", "protocol", "Fontan"],
        "licence": "CC-BY-NC-SA-4.0",
        "attribution": "Single-ventricle clinical leads group with cardiac psychology colleagues.",
        "contributors": [("yusuf.ali", "author"), ("daniel.kowalski", "author"), ("claire.dubois", "reviewer"),
                         ("lucy.morgan", "reviewer")],
        "organisations": ["st-brigids-childrens", "riverbend-childrens", "eastgate-university-childrens"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "medium",
            "ehr": "Any; recall list from the registry or EHR",
            "staff_time": "Care coordinator 1 hour a week for recall; assessment time in psychology or "
                          "developmental paediatrics",
            "resources_needed": "Access to standardised developmental assessment; early intervention service; "
                                "psychology",
        },
        "releases": [
            {"label": "1.0", "date": "2024-06-24",
             "notes": "Approved by the clinical leads group.",
             "files": [{"filename": "sv-neurodevelopmental-surveillance-protocol.pdf", "title": "Protocol",
                        "text": [
                            "NEURODEVELOPMENTAL SURVEILLANCE PROTOCOL - SINGLE VENTRICLE",
                            "All children with single-ventricle heart disease are high risk.",
                            "Before stage 1 discharge: early intervention referral, hearing, feeding assessment.",
                            "12-18 months: formal developmental assessment.",
                            "3 years: formal assessment including language and motor.",
                            "4-5 years: screen and school letter; formal assessment if concerns.",
                            "11-12 years: re-screen for learning, attention and mood.",
                            "From 8 years: mood and anxiety questionnaire at annual review.",
                        ]}]},
        ],
        "scope": "Developmental surveillance, assessment and referral from birth to age 12 for children with "
                 "single-ventricle heart disease followed at network centres.",
        "population": "Children with HLHS or other single-ventricle lesions on a staged palliation pathway, "
                      "including after Fontan completion.",
        "protocol_steps": [
            {"title": "Refer before stage 1 discharge", "text": "Complete the infant referral checklist, "
             "including early intervention, hearing and feeding."},
            {"title": "Confirm referrals at stage 2", "text": "Pre-admission nurse checks that referrals were "
             "received."},
            {"title": "Assess at 12-18 months", "text": "Standardised developmental assessment; results shared "
             "with family, GP and early intervention."},
            {"title": "Assess at 3 years", "text": "Formal assessment including language and motor skills."},
            {"title": "Prepare for school at 4-5 years", "text": "Screen, send the school letter with consent "
             "and refer for formal assessment if concerns."},
            {"title": "Re-screen at 11-12 years", "text": "Learning, attention and mood before secondary "
             "school; mood and anxiety questionnaire annually from age 8."},
        ],
        "citations": [
            {"text": "Marino BS, Lipkin PH, Newburger JW, et al. Neurodevelopmental outcomes in children with "
                     "congenital heart disease: evaluation and management: a scientific statement from the "
                     "American Heart Association. Circulation. 2012;126(9):1143-1172.",
             "doi": "10.1161/CIR.0b013e318265ee8a"},
        ],
        "effective_date": "2024-07-01",
        "review_by": "2027-07-01",
        "superseded_by": None,
    },
    {
        "slug": "t1d-sick-day-and-ketone-management-protocol",
        "title": "Sick-day and ketone management protocol for children and young people with type 1 diabetes",
        "summary": (
            "Clinical protocol for diabetes teams and on-call staff advising families during illness: "
            "glucose and ketone monitoring, supplementary insulin by ketone level, fluids, pump failure, and "
            "criteria for emergency assessment. Follows ISPAD 2022."
        ),
        "body": [
            ("heading", "Who uses this protocol"),
            ("paragraph",
             "<p>Diabetes nurses, educators and doctors giving sick-day advice by phone or in person, "
             "including out of hours. Families use the matching sick-day handout, which contains the same "
             "thresholds and pre-calculated doses.</p>"),
            ("table", {
                "caption": "Supplementary rapid-acting insulin (percentage of total daily dose)",
                "header": ["Blood ketones (mmol/L)", "Glucose above 14 mmol/L", "Glucose 10-14 mmol/L",
                           "Further action"],
                "rows": [
                    ["Below 0.6", "Usual correction", "No extra", "Recheck in 2 hours"],
                    ["0.6-1.4", "5-10%", "5%", "Recheck in 2 hours"],
                    ["1.5-2.9", "10-20%", "10%", "Recheck in 1 hour; clinician phone review"],
                    ["3.0 or above", "10-20%", "10%", "Urgent assessment in hospital"],
                ],
            }),
            ("callout", {
                "tone": "warning",
                "title": "Low glucose with ketones",
                "text": "If glucose is below 10 mmol/L and ketones are raised, give carbohydrate-containing "
                        "fluids so that insulin can be continued. Never advise stopping insulin. Consider "
                        "mini-dose glucagon for persistent hypoglycaemia with vomiting.",
            }),
        ],
        "conditions": ["type-1-diabetes"],
        "resource_type": "protocol",
        "phase": "implement",
        "audiences": ["clinicians", "nurses"],
        "tags": ["sick days", "ketones", "DKA prevention", "on-call advice", "protocol"],
        "licence": "CC-BY-4.0",
        "attribution": "Type 1 diabetes clinical leads group.",
        "contributors": [("ben.carter", "author"), ("sofia.marquez", "author"), ("priya.raman", "reviewer")],
        "organisations": ["southport-childrens", "bayside-diabetes-centre", "lakeshore-paediatrics"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "mixed",
            "centre_size": "any",
            "ehr": "Any; telephone advice template available",
            "staff_time": "10-20 minutes per advice call, with follow-up calls",
            "resources_needed": "24-hour diabetes advice; ketone meters for all families; agreed emergency "
                                "department pathway",
        },
        "releases": [
            {"label": "1.0", "date": "2024-08-26",
             "notes": "Approved by the clinical leads group, replacing local centre policies.",
             "files": [{"filename": "t1d-sick-day-protocol-v1-0.pdf", "title": "Protocol",
                        "text": [
                            "SICK-DAY AND KETONE MANAGEMENT PROTOCOL - TYPE 1 DIABETES",
                            "1. Never advise stopping insulin.",
                            "2. Glucose and blood ketones every 2 hours while unwell.",
                            "3. Supplementary rapid-acting insulin by ketone level: 0.6-1.4 5-10% TDD; 1.5-2.9 "
                            "10-20% TDD; 3.0+ 10-20% TDD and urgent assessment.",
                            "4. Fluids: sugar-free if glucose above 10; carbohydrate-containing if below 10 with "
                            "ketones.",
                            "5. Pump users with glucose above 14 and ketones 0.6+: insulin by pen, change set.",
                            "6. Emergency assessment: persistent vomiting, ketones 3.0+, ketones not falling after "
                            "2 doses, altered consciousness, abdominal pain, Kussmaul breathing, age under 2.",
                        ]}]},
            {"label": "1.1", "date": "2025-02-03",
             "notes": "Added column for glucose 10-14 mmol/L with ketones, after on-call staff asked for "
                      "clearer guidance; added automated insulin delivery section aligned with version 2.1 "
                      "of the family handout.",
             "files": [{"filename": "t1d-sick-day-protocol-v1-1.pdf", "title": "Protocol",
                        "text": [
                            "SICK-DAY AND KETONE MANAGEMENT PROTOCOL - TYPE 1 DIABETES (v1.1)",
                            "1. Never advise stopping insulin.",
                            "2. Glucose and blood ketones every 2 hours while unwell.",
                            "3. Supplementary insulin, glucose above 14: ketones 0.6-1.4 5-10% TDD; 1.5-2.9 "
                            "10-20% TDD; 3.0+ 10-20% TDD and urgent assessment.",
                            "4. Supplementary insulin, glucose 10-14: ketones 0.6-1.4 5% TDD; 1.5+ 10% TDD; give "
                            "carbohydrate-containing fluids.",
                            "5. Glucose below 10 with ketones: carbohydrate fluids, continue insulin, consider "
                            "mini-dose glucagon if hypoglycaemic and vomiting.",
                            "6. Pump or automated delivery with glucose above 14 and ketones 0.6+: insulin by "
                            "pen, change the whole set; do not rely on the algorithm to correct ketosis.",
                            "7. Emergency assessment: persistent vomiting, ketones 3.0+, ketones not falling after "
                            "2 doses, altered consciousness, abdominal pain, Kussmaul breathing, age under 2.",
                        ]}]},
        ],
        "scope": "Advice and management during intercurrent illness for children and young people with type 1 "
                 "diabetes, by telephone, in clinic and in the emergency department before DKA is confirmed.",
        "population": "Children and young people under 19 with type 1 diabetes on injections, insulin pumps or "
                      "automated insulin delivery.",
        "protocol_steps": [
            {"title": "Assess", "text": "Ask about symptoms, fluids kept down, glucose, blood ketones, insulin "
             "regimen and total daily dose."},
            {"title": "Continue insulin", "text": "Never advise stopping basal insulin; continue meal insulin "
             "adjusted to intake."},
            {"title": "Give supplementary insulin", "text": "Use the ketone and glucose table to advise a "
             "rapid-acting dose as a percentage of total daily dose."},
            {"title": "Advise fluids", "text": "Sugar-free fluids if glucose above 10 mmol/L; "
             "carbohydrate-containing fluids if below 10 mmol/L with ketones."},
            {"title": "Manage pump failure", "text": "For pump or automated delivery users with high glucose "
             "and ketones, give insulin by pen and change the whole infusion set."},
            {"title": "Escalate", "text": "Arrange emergency assessment for persistent vomiting, ketones 3.0 "
             "mmol/L or more, ketones not falling after two supplementary doses, altered consciousness, "
             "abdominal pain, deep breathing, or age under 2."},
            {"title": "Follow up", "text": "Call back within 1-2 hours while ketones are raised and the next "
             "day; document the advice given."},
        ],
        "citations": [
            {"text": "Phelan H, Hanas R, Hofer SE, et al. ISPAD Clinical Practice Consensus Guidelines 2022: "
                     "Sick day management in children and adolescents with diabetes. Pediatr Diabetes. "
                     "2022;23(7).",
             "doi": "10.1111/pedi.13415"},
            {"text": "Glaser N, Fritsch M, Priyambada L, et al. ISPAD Clinical Practice Consensus Guidelines "
                     "2022: Diabetic ketoacidosis and hyperglycemic hyperosmolar state. Pediatr Diabetes. "
                     "2022;23(7).",
             "doi": "10.1111/pedi.13406"},
        ],
        "effective_date": "2024-09-02",
        "review_by": "2026-09-01",
        "superseded_by": None,
    },
    {
        "slug": "t1d-suspected-new-onset-same-day-referral-pathway",
        "title": "Suspected new-onset type 1 diabetes: same-day testing and referral pathway",
        "summary": (
            "Pathway for GPs, urgent care, pharmacists and school nurses: finger-prick glucose on the day a "
            "child presents with symptoms, same-day phone referral if raised, and immediate emergency "
            "transfer if ketotic or unwell. No fasting tests, no waiting."
        ),
        "body": [
            ("heading", "The one rule"),
            ("paragraph",
             "<p>A child with symptoms of diabetes and a raised glucose is seen by the paediatric diabetes "
             "team <strong>the same day</strong>. Case reviews across the network found that children who "
             "developed DKA at diagnosis had, on average, one or two contacts with health services in the "
             "preceding week, most often with a diagnosis of infection.</p>"),
            ("steps", [
                {"title": "Think of it", "text": "Toilet, thirsty, tired, thinner; also bed-wetting in a "
                 "previously dry child, heavy nappies, oral thrush or vomiting without diarrhoea."},
                {"title": "Test now", "text": "Capillary glucose in the consultation. Do not send for a "
                 "fasting glucose or HbA1c."},
                {"title": "Phone the team", "text": "Glucose above 11 mmol/L: phone the paediatric diabetes "
                 "team on-call the same day."},
                {"title": "Send to hospital now if unwell", "text": "Vomiting, drowsiness, deep or fast "
                 "breathing, abdominal pain or ketones 1.5 mmol/L or more: emergency department "
                 "immediately."},
            ]),
            ("callout", {
                "tone": "warning",
                "title": "Don't be reassured by a normal urine test elsewhere",
                "text": "If symptoms continue, test capillary glucose again. Early type 1 diabetes can evolve "
                        "over days.",
            }),
        ],
        "conditions": ["type-1-diabetes"],
        "resource_type": "protocol",
        "phase": "implement",
        "audiences": ["clinicians", "nurses", "care-coordinators"],
        "tags": ["new diagnosis", "DKA prevention", "primary care", "referral pathway"],
        "licence": "CC-BY-SA-4.0",
        "attribution": "Prairie Children's and Southport Children's diabetes teams with local primary care "
                       "leads.",
        "contributors": [("ruth.adeyemi", "author"), ("ben.carter", "author"), ("priya.raman", "reviewer"),
                         ("hannah.boyd", "reviewer")],
        "organisations": ["prairie-childrens", "southport-childrens", "kingsbridge-community-paediatrics"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "community",
            "centre_size": "any",
            "ehr": "Any; GP system pop-up for polyuria or polydipsia codes available for some systems",
            "staff_time": "Minutes per consultation; on-call diabetes team time for same-day assessment",
            "resources_needed": "In-date capillary glucose meter in every practice; staffed same-day referral "
                                "route",
        },
        "releases": [
            {"label": "1.0", "date": "2025-01-06",
             "notes": "Approved with local primary care leads.",
             "files": [{"filename": "t1d-same-day-referral-pathway.pdf", "title": "Pathway (one page)",
                        "text": [
                            "SUSPECTED TYPE 1 DIABETES IN A CHILD - SAME-DAY PATHWAY",
                            "THINK: toilet, thirsty, tired, thinner; bed-wetting; heavy nappies; thrush; vomiting.",
                            "TEST NOW: capillary glucose in the consultation.",
                            "Glucose above 11 mmol/L -> phone paediatric diabetes on-call TODAY: __________",
                            "Unwell, vomiting, drowsy, deep breathing, abdominal pain, or ketones 1.5+ -> "
                            "emergency department NOW.",
                            "Do NOT: request a fasting glucose, request HbA1c and wait, or ask the family to come "
                            "back tomorrow.",
                            "If glucose normal but symptoms persist: retest within 48 hours.",
                        ]}]},
        ],
        "scope": "Recognition, testing and referral of children and young people with possible new-onset type "
                 "1 diabetes in primary care, urgent care, pharmacies and schools across the Prairie, "
                 "Southport and Kingsbridge catchments.",
        "population": "Children and young people under 18 presenting with symptoms suggestive of diabetes.",
        "protocol_steps": [
            {"title": "Recognise", "text": "Consider diabetes in any child with polyuria, polydipsia, weight "
             "loss, tiredness, new bed-wetting or vomiting without diarrhoea."},
            {"title": "Test immediately", "text": "Capillary glucose during the consultation; capillary "
             "ketones if available."},
            {"title": "Refer the same day", "text": "Glucose above 11 mmol/L: phone the paediatric diabetes "
             "on-call team the same day for same-day assessment."},
            {"title": "Transfer if unwell", "text": "Vomiting, drowsiness, abnormal breathing, abdominal pain "
             "or ketones 1.5 mmol/L or more: send to the emergency department immediately."},
            {"title": "Avoid delay", "text": "Do not request fasting glucose or HbA1c before referral."},
            {"title": "Retest if in doubt", "text": "If glucose is normal but symptoms persist, retest within "
             "48 hours."},
        ],
        "citations": [
            {"text": "Glaser N, Fritsch M, Priyambada L, et al. ISPAD Clinical Practice Consensus Guidelines "
                     "2022: Diabetic ketoacidosis and hyperglycemic hyperosmolar state. Pediatr Diabetes. "
                     "2022;23(7).",
             "doi": "10.1111/pedi.13406"},
            {"text": "Vanelli M, Chiari G, Ghizzoni L, et al. Effectiveness of a prevention program for diabetic "
                     "ketoacidosis in children. An 8-year study in schools and private practices. Diabetes "
                     "Care. 1999;22(1):7-9.",
             "doi": None},
        ],
        "effective_date": "2025-01-13",
        "review_by": "2027-01-13",
        "superseded_by": None,
    },
    {
        "slug": "t1d-diabetes-technology-offer-protocol",
        "title": "Diabetes technology offer protocol: CGM and insulin pumps",
        "summary": (
            "Network members' protocol setting when CGM and insulin pumps are offered, how the offer and "
            "response are recorded, how funding is pursued, and the follow-up that every new start "
            "receives, so that access does not depend on who the family sees."
        ),
        "body": [
            ("heading", "A standard offer"),
            ("paragraph",
             "<p>Technology use in the network varies by deprivation, ethnicity and language in ways that "
             "clinical need does not explain. This protocol makes the offer standard: CGM is offered to "
             "every child at diagnosis, and CGM and pumps (including automated insulin delivery) are "
             "discussed at every review with anyone not using them. The protocol is shared with network "
             "members only because it refers to local funding arrangements.</p>"),
            ("table", {
                "caption": "When technology is offered",
                "header": ["Point in care", "CGM", "Pump or automated insulin delivery"],
                "rows": [
                    ["Diagnosis", "Offer and aim to start within 4 weeks", "Introduce as an option"],
                    ["Each quarterly review", "Offer if not using", "Offer if not using"],
                    ["After stopping", "Ask why; offer restart with support", "Ask why; offer restart"],
                ],
            }),
            ("callout", {
                "tone": "info",
                "title": "Recording the offer",
                "text": "Every review records: offered (yes/no), response (accepted, declined, deferred) and "
                        "reason if declined. These fields feed the equity review and population report.",
            }),
        ],
        "conditions": ["type-1-diabetes"],
        "resource_type": "protocol",
        "phase": "implement",
        "audiences": ["clinicians", "nurses", "care-coordinators"],
        "tags": ["CGM", "insulin pump", "automated insulin delivery", "health equity", "protocol"],
        "licence": "network-only",
        "attribution": "Type 1 diabetes clinical leads group and technology equity working group.",
        "contributors": [("ben.carter", "author"), ("sofia.marquez", "author"), ("carlos.mendes", "reviewer"),
                         ("maya.patel", "reviewer")],
        "organisations": ["southport-childrens", "bayside-diabetes-centre", "eastgate-university-childrens",
                          "network-office"],
        "adapted_from": None,
        "transferability": {
            "care_setting": "outpatient",
            "centre_size": "any",
            "ehr": "Requires structured fields for offer, response and reason",
            "staff_time": "2 minutes per review to record; start sessions as per CGM start checklist",
            "resources_needed": "Device training capacity; care coordinator support for funding; interpreters",
        },
        "releases": [
            {"label": "1.0", "date": "2025-05-26",
             "notes": "Approved by the clinical leads group.",
             "files": [{"filename": "t1d-technology-offer-protocol.pdf", "title": "Protocol",
                        "text": [
                            "DIABETES TECHNOLOGY OFFER PROTOCOL (network members)",
                            "1. Offer CGM to every child at diagnosis; aim to start within 4 weeks.",
                            "2. At every review, offer CGM and pump / automated delivery to anyone not using them.",
                            "3. Record: offered Y/N; response accepted / declined / deferred; reason if declined.",
                            "4. Care coordinator completes funding applications with the family within 5 working "
                            "days of acceptance.",
                            "5. Book interpreter for start sessions where needed.",
                            "6. Every new start: call at 3-5 days, data review at 2 weeks, review at 3 months.",
                            "7. If a device is stopped, record the reason and offer a supported restart.",
                            "8. Equity review of offer and uptake twice a year.",
                        ]}]},
        ],
        "scope": "Offer, funding, start and early follow-up of CGM and insulin pumps (including automated "
                 "insulin delivery) at network diabetes centres.",
        "population": "Children and young people under 19 with type 1 diabetes under the care of a network "
                      "diabetes centre.",
        "protocol_steps": [
            {"title": "Offer CGM at diagnosis", "text": "Discuss during the diagnosis admission or first week; "
             "aim to start within 4 weeks of acceptance."},
            {"title": "Offer at every review", "text": "Offer CGM and pump or automated delivery to anyone not "
             "using them, in the family's preferred language."},
            {"title": "Record the offer", "text": "Record offered, response and reason if declined in "
             "structured fields."},
            {"title": "Secure funding", "text": "Care coordinator completes funding applications with the "
             "family within 5 working days."},
            {"title": "Start with support", "text": "Use the CGM start checklist; book interpreters; update "
             "the school care plan."},
            {"title": "Follow up early", "text": "Call at 3-5 days, data review at 2 weeks, clinic review at 3 "
             "months."},
            {"title": "Review equity", "text": "Run the equity review twice a year and act on the step with "
             "the widest gap."},
        ],
        "citations": [
            {"text": "Addala A, Auzanneau M, Miller K, et al. A decade of disparities in diabetes technology "
                     "use and HbA1c in pediatric type 1 diabetes: a transatlantic comparison. Diabetes Care. "
                     "2021;44(1):133-140.",
             "doi": "10.2337/dc20-0257"},
            {"text": "Battelino T, Danne T, Bergenstal RM, et al. Clinical targets for continuous glucose "
                     "monitoring data interpretation: recommendations from the International Consensus on "
                     "Time in Range. Diabetes Care. 2019;42(8):1593-1603.",
             "doi": "10.2337/dci19-0028"},
            {"text": "ElSayed NA, Aleppo G, Aroda VR, et al. 14. Children and adolescents: Standards of Care in "
                     "Diabetes-2023. Diabetes Care. 2023;46(Suppl 1):S230-S253.",
             "doi": "10.2337/dc23-S014"},
        ],
        "effective_date": "2025-06-02",
        "review_by": "2027-06-01",
        "superseded_by": None,
    },
]
