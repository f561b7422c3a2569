"""Wagtail's documented path for existing rows (step 2 of 3): every pillar and policy
area gets the default locale and a translation key of its own."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0007_taxonomy_translatable_bootstrap"),
    ]

    operations = [
        BootstrapTranslatableModel("courses.Pillar"),
        BootstrapTranslatableModel("courses.PolicyArea"),
    ]
