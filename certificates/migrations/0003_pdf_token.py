"""Certificate PDFs move from certificates/<public code>.pdf to certificates/<random
token>.pdf; a revoked certificate's PDF is deleted."""

import secrets

from django.core.files.storage import default_storage
from django.db import migrations, models

import certificates.models


def move_pdfs(apps, schema_editor):
    Certificate = apps.get_model("certificates", "Certificate")
    for certificate in Certificate.objects.iterator():
        certificate.pdf_token = secrets.token_urlsafe(24)
        old = certificate.pdf.name if certificate.pdf else ""
        if old and default_storage.exists(old):
            if certificate.revoked_at is None:
                new = f"certificates/{certificate.pdf_token}.pdf"
                with default_storage.open(old, "rb") as handle:
                    certificate.pdf = default_storage.save(new, handle)
            else:
                certificate.pdf = ""
            default_storage.delete(old)
        certificate.save(update_fields=["pdf_token", "pdf"])


class Migration(migrations.Migration):
    dependencies = [("certificates", "0002_certificate")]

    operations = [
        migrations.AddField(
            model_name="certificate",
            name="pdf_token",
            field=models.CharField(max_length=64, null=True, editable=False),
        ),
        migrations.RunPython(move_pdfs, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="certificate",
            name="pdf_token",
            field=models.CharField(
                default=certificates.models.new_pdf_token, editable=False, max_length=64,
                unique=True,
            ),
        ),
    ]
