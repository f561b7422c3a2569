"""The sites framework's site is "example.com" until something says otherwise; name it
from SITE_NAME and SITE_URL (what the academy's emails use) so nothing that reads it
(allauth, admin links) shows example.com."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import migrations


def site_from_settings(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    domain = urlsplit(settings.SITE_URL).netloc or "localhost"
    site, created = Site.objects.get_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain[:100], "name": settings.SITE_NAME[:50]}
    )
    if not created and site.domain == "example.com":
        site.domain, site.name = domain[:100], settings.SITE_NAME[:50]
        site.save()


class Migration(migrations.Migration):
    dependencies = [
        ("academy", "0002_outboxemail"),
        ("sites", "0002_alter_domain_unique"),
    ]

    operations = [migrations.RunPython(site_from_settings, migrations.RunPython.noop)]
