from django.db import migrations

# Quality-improvement shorthand people type, and what it stands for. Editors extend the list in
# the admin (Search → Synonyms).
QI_SYNONYMS = {
    "PDSA": "plan-do-study-act, plan do study act",
    "SDM": "shared decision making, shared decision-making",
    "IBD": "inflammatory bowel disease",
    "KDD": "key driver diagram",
    "JIA": "juvenile idiopathic arthritis",
    "T1D": "type 1 diabetes",
    "HLHS": "hypoplastic left heart syndrome",
    "PVP": "pre-visit planning",
    "QI": "quality improvement",
    "SPC": "statistical process control",
    "PROs": "patient-reported outcomes, patient reported outcomes",
    "CGM": "continuous glucose monitoring",
    "DKA": "diabetic ketoacidosis",
    "EHR": "electronic health record",
}


def seed(apps, schema_editor):
    Synonym = apps.get_model("commons_search", "Synonym")
    for term, synonyms in QI_SYNONYMS.items():
        Synonym.objects.get_or_create(term=term, defaults={"synonyms": synonyms})


def unseed(apps, schema_editor):
    apps.get_model("commons_search", "Synonym").objects.filter(term__in=QI_SYNONYMS).delete()


class Migration(migrations.Migration):
    dependencies = [("commons_search", "0002_fulltext_index")]
    operations = [migrations.RunPython(seed, unseed)]
