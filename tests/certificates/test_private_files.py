"""Certificate PDFs are private files: stored under a random name unrelated to the public
verification code, served only by the permission-checked download view, and gone once the
certificate is revoked (nothing, however it reaches storage, can serve it any more)."""

import os

import pytest
from django.core.files.storage import default_storage

from certificates import services
from certificates.models import Certificate

from .conftest import enroll
from .test_certificates import OVERRIDE, certificate_issue, certificate_reissue, committed  # noqa: F401

pytestmark = pytest.mark.django_db


def stored_files(settings):
    folder = os.path.join(settings.MEDIA_ROOT, "certificates")
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


def test_pdf_name_is_random_and_unrelated_to_the_code(enrollment, facilitator, settings,
                                                      certificate_issue, certificate_reissue):  # noqa: F811
    certificate = certificate_issue(enrollment=enrollment, actor=facilitator,
                                    override_reason=OVERRIDE)
    certificate.refresh_from_db()
    name = certificate.pdf.name
    assert name == f"certificates/{certificate.pdf_token}.pdf"
    assert len(certificate.pdf_token) >= 32
    code_symbols = certificate.code.replace("-", "")
    assert certificate.code not in name and code_symbols not in name.replace("-", "")
    # A re-render overwrites the same file: still one file, same name.
    certificate_reissue(certificate=certificate, actor=facilitator)
    certificate.refresh_from_db()
    assert certificate.pdf.name == name
    assert stored_files(settings) == [os.path.basename(name)]


def test_tokens_differ_between_certificates(finished_cohort, facilitator, user_factory,
                                            certificate_issue):  # noqa: F811
    tokens = {
        certificate_issue(enrollment=enroll(finished_cohort, user_factory()),
                          actor=facilitator, override_reason=OVERRIDE).pdf_token
        for _ in range(3)
    }
    assert len(tokens) == 3


def test_revoked_pdf_is_deleted_and_served_by_nothing(client, enrollment, facilitator, staff,
                                                      settings, certificate_issue,  # noqa: F811
                                                      django_capture_on_commit_callbacks):
    certificate = certificate_issue(enrollment=enrollment, actor=facilitator,
                                    override_reason=OVERRIDE)
    certificate.refresh_from_db()
    name = certificate.pdf.name
    assert default_storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_revoke(certificate=certificate, actor=staff, reason="Issued in error")
    certificate.refresh_from_db()
    # The file is gone from storage: no media server, bucket URL or view can serve it.
    assert not default_storage.exists(name)
    assert stored_files(settings) == []
    assert not certificate.pdf
    # The download view refuses everyone who could download it before.
    for person in (enrollment.user, facilitator, staff):
        client.force_login(person)
        for url in (certificate.pdf_url, certificate.pdf_url + "?download=1"):
            response = client.get(url)
            assert response.status_code == 410
            assert b"%PDF" not in response.content
    # The cohort's ZIP leaves it out.
    client.force_login(facilitator)
    response = client.get(f"/facilitate/{enrollment.cohort.slug}/certificates.zip")
    assert certificate.code.encode() not in response.content


def test_a_render_finishing_after_revocation_stores_nothing(
    enrollment, facilitator, staff, certificate_issue, django_capture_on_commit_callbacks,  # noqa: F811
):
    certificate = certificate_issue(enrollment=enrollment, actor=facilitator,
                                    override_reason=OVERRIDE)

    def render_while_staff_revoke(data):  # a re-render in a worker, revoked meanwhile
        with django_capture_on_commit_callbacks(execute=True):
            services.certificate_revoke(certificate=certificate, actor=staff, reason="Error")
        return b"%PDF-1.7 late render"

    with django_capture_on_commit_callbacks(execute=True):
        rendered = services.certificate_render(certificate_id=certificate.pk,
                                               render=render_while_staff_revoke)
    assert rendered is False
    assert not Certificate.objects.get(pk=certificate.pk).pdf
    assert not default_storage.exists(services.certificate_pdf_name(certificate))
    # A render queued again later (the sweeper, a retry) does not bring it back.
    assert services.certificate_render(certificate_id=certificate.pk,
                                       render=lambda data: b"%PDF-1.7") is False
    assert not default_storage.exists(services.certificate_pdf_name(certificate))


@pytest.mark.django_db(transaction=True)
def test_migration_moves_existing_pdfs_off_their_public_names(finished_cohort, user_factory):
    """Before 0003 a PDF lived at certificates/<code>.pdf. Migrating moves a valid
    certificate's file to its new random name and deletes a revoked one's."""
    from django.core.files.base import ContentFile
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    kept, revoked = (
        Certificate.objects.create(enrollment=enroll(finished_cohort, user_factory()),
                                   issued_on="2030-01-01", recipient_name=name,
                                   course_title="Budgets", cohort_title="Autumn")
        for name in ("Kept", "Revoked")
    )
    Certificate.objects.filter(pk=revoked.pk).update(revoked_at="2030-02-01T00:00Z")
    executor = MigrationExecutor(connection)
    executor.migrate([("certificates", "0002_certificate")])
    for certificate in (kept, revoked):
        old = default_storage.save(f"certificates/{certificate.code}.pdf",
                                   ContentFile(b"%PDF-1.7 " + certificate.code.encode()))
        with connection.cursor() as cursor:
            cursor.execute("UPDATE certificates_certificate SET pdf = %s WHERE id = %s",
                           [old, certificate.pk])
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    kept.refresh_from_db()
    revoked.refresh_from_db()
    assert kept.pdf.name == f"certificates/{kept.pdf_token}.pdf"
    with default_storage.open(kept.pdf.name, "rb") as handle:
        assert handle.read() == b"%PDF-1.7 " + kept.code.encode()
    assert not revoked.pdf and kept.pdf_token != revoked.pdf_token
    for certificate in (kept, revoked):
        assert not default_storage.exists(f"certificates/{certificate.code}.pdf")
