"""Three editor-curated collections. Items are (resource slug, editor's note)."""

COLLECTIONS = [
    {
        "slug": "start-with-pre-visit-planning",
        "title": "Start with pre-visit planning",
        "featured": True,
        "introduction": (
            "<p>Most centres joining the network start here: a registry report that shows who is due "
            "for what, a checklist that turns it into a plan before each clinic, and a short huddle "
            "that makes sure the plan happens. These are the versions teams reuse most.</p>"
        ),
        "items": [
            ("ibd-population-management-registry-report",
             "Run it weekly. It lists every patient who is overdue for labs, growth review or a visit."),
            ("ibd-pre-visit-planning-checklist",
             "The checklist most IBD centres adapt first; the nurse completes it three to five working days "
             "before clinic."),
            ("jia-pre-visit-planning-checklist",
             "The rheumatology adaptation, with joint counts and the uveitis screening schedule."),
            ("small-centre-combined-clinic-huddle-sheet",
             "For centres with one consultant and one nurse: one sheet covers IBD and JIA clinics."),
            ("interstage-care-team-huddle-script",
             "A huddle script from the cardiac network that other teams have borrowed for its structure."),
            ("t1d-hba1c-population-registry-report",
             "The diabetes registry report, for teams planning outreach to patients above target."),
        ],
    },
    {
        "slug": "growing-up-moving-on-transition",
        "title": "Growing up and moving on: transition to adult care",
        "featured": False,
        "introduction": (
            "<p>Young people with long-term conditions move to adult services at 16 to 18. These "
            "resources, several written with young people from the family advisory council, help "
            "them take charge of their own care a step at a time.</p>"
        ),
        "items": [
            ("transition-readiness-checklist",
             "Start at 12: the checklist is repeated each year and shows progress over time."),
            ("adolescent-transition-readiness-checklist-t1d-and-fontan",
             "Adapted for diabetes and Fontan circulation, with condition-specific skills."),
            ("ibd-flare-action-plan-for-teens",
             "Written by teenagers for teenagers: what to do when symptoms come back."),
            ("t1d-sick-day-rules-teen-edition",
             "Sick-day rules a young person can follow without a parent at hand."),
        ],
    },
    {
        "slug": "at-home-red-flags-and-action-plans",
        "title": "At home: red flags and action plans for families",
        "featured": False,
        "introduction": (
            "<p>Families manage most of a child's care at home. These plain-language handouts and "
            "logs tell them what to watch, what is normal, and exactly when to call the team.</p>"
        ),
        "items": [
            ("interstage-home-monitoring-log",
             "The daily log for weight, oxygen saturation and feeds between the first and second operations."),
            ("interstage-red-flag-card-for-families",
             "Keep it on the fridge: the signs that mean calling the cardiac team today."),
            ("ibd-flare-action-plan",
             "A traffic-light plan agreed with the family at clinic, updated after each flare."),
            ("t1d-sick-day-rules-handout",
             "Ketone checks, extra insulin and when to go to hospital, on one page."),
            ("jia-methotrexate-family-handout",
             "Weekly methotrexate at home: doses, side effects and the blood tests that go with it."),
        ],
    },
]
