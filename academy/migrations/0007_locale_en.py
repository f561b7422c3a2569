"""LANGUAGE_CODE became "en" (it was "en-us") when the site gained Spanish: Wagtail's
locale row, made from LANGUAGE_CODE when the site was first migrated, is renamed in place
so every existing page keeps its locale."""

from django.db import migrations


def rename_locale(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    if not Locale.objects.filter(language_code="en").exists():
        Locale.objects.filter(language_code="en-us").update(language_code="en")


class Migration(migrations.Migration):
    dependencies = [
        ("academy", "0006_preferred_language"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(rename_locale, migrations.RunPython.noop)]
