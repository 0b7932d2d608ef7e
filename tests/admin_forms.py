"""Form data for the Wagtail admin's resource editor, built the way Wagtail's own tests do."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

SHARED_FIELDS = {
    "title": "Clinic huddle card for transition visits",
    "slug": "clinic-huddle-card-transition",
    "summary": "A five-minute huddle card for the clinic team before transition visits.",
    "body": streamfield([("heading", "Before the huddle")]),
    "resource_type": "",
    "phase": "change",
    "tags": "huddle, transition",
    "contributor_links": inline_formset([]),
    "licence": "",
    "attribution": "",
    "adapted_from": "",
    "care_setting": "",
    "centre_size": "",
    "ehr": "",
    "staff_time": "",
    "resources_needed": "",
    "comments": inline_formset([]),
}

TYPE_FIELDS = {
    "toolpage": {"how_to_use": streamfield([]), "time_to_adopt": "", "effort_notes": ""},
    "protocolpage": {
        "scope": "Outpatient transition visits.",
        "population": "Young people aged 14 to 18.",
        "steps": streamfield([]),
        "effective_date": "",
        "review_by": "",
        "superseded_by": "",
        "citations": inline_formset([]),
    },
}


def resource_form(model_name="toolpage", **overrides):
    data = {**SHARED_FIELDS, **TYPE_FIELDS[model_name], **overrides}
    return nested_form_data(data)


def add_url(model_name, parent):
    from django.urls import reverse

    return reverse("wagtailadmin_pages:add", args=["resources", model_name, parent.pk])
