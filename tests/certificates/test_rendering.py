"""Certificate PDFs: read back with pypdf, the URL fetcher's allow-list, the preview."""

import io
import logging

import pytest
import segno
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from PIL import Image as PILImage
from pypdf import PdfReader
from wagtail.images.models import Image

from certificates import rendering
from certificates.models import CertificateSettings
from certificates.rendering import (
    ASSET_ORIGIN,
    AssetFetcher,
    CertificateFetchRefused,
    certificate_data_sample,
    fill_placeholders,
    render_certificate_pdf,
    render_minimal_pdf,
)
from tests.conftest import give_authenticator

HOSTILE = "<img src=file:///etc/passwd>"


@pytest.fixture(autouse=True)
def _fresh_caches():
    rendering.clear_caches()
    yield
    rendering.clear_caches()


def read(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(pdf))


def page_text(reader: PdfReader) -> str:
    return " ".join(reader.pages[0].extract_text().split())


def link_uris(reader: PdfReader) -> list[str]:
    uris = []
    for annot in reader.pages[0].get("/Annots") or []:
        action = annot.get_object().get("/A")
        if action and "/URI" in action:
            uris.append(str(action["/URI"]))
    return uris


def test_certificate_is_one_landscape_page_with_the_facts():
    data = certificate_data_sample()
    reader = read(render_certificate_pdf(data))

    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)  # Letter
    text = page_text(reader)
    for expected in (
        data.recipient_name,
        data.course_title,
        data.verification_code,
        data.verification_url,
        data.signatory_name,
        "Participatory Budgeting Project, League of Cities",
        "12.5 hours",
        "March 2, 2026",
    ):
        assert expected in text
    # The cohort's label is the academy's internal name for a run: not on the certificate.
    assert data.cohort_title not in text
    # The URL is a live link too (the text and the QR code both lead there).
    assert data.verification_url in link_uris(reader)


@pytest.mark.parametrize("qr_url", [None, "HTTPS://ACADEMY.EXAMPLE.ORG/C/ABCDEFGH"])
def test_qr_code_encodes_its_address(qr_url):
    """The short address when there is one (Certificate.qr_url), else the verification URL."""
    data = certificate_data_sample(verification_url="https://academy.example.org/c/ABCD/",
                                   qr_url=qr_url)
    reader = read(render_certificate_pdf(data))

    expected = segno.make(qr_url or data.verification_url, error="m", micro=False, mask=0)
    matrix = [list(row) for row in expected.matrix]
    qr_images = [
        img.image.convert("1")
        for img in reader.pages[0].images
        if img.image.size == (len(matrix), len(matrix))
    ]
    assert len(qr_images) == 1, "the QR code is embedded as one module-per-pixel image"
    image = qr_images[0]
    pixels = [
        [1 if image.getpixel((x, y)) == 0 else 0 for x in range(image.width)]
        for y in range(image.height)
    ]
    assert pixels == matrix


def test_hostile_name_prints_as_text_and_loads_nothing(caplog):
    data = certificate_data_sample(recipient_name=HOSTILE, course_title="<b>Budgets</b> & co")
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        reader = read(render_certificate_pdf(data))

    text = page_text(reader)
    assert HOSTILE in text
    assert "<b>Budgets</b> & co" in text
    assert "root:" not in text
    assert not any("passwd" in record.getMessage() for record in caplog.records)


def test_logo_path_that_is_not_a_plain_storage_name_is_left_out(caplog):
    data = certificate_data_sample(logo_path="static/x.jpg') ; background: url('file:///etc")
    with caplog.at_level(logging.WARNING, logger="certificates.rendering"):
        assert rendering.certificate_context(data)["logo_url"] is None
    assert "left out" in caplog.text
    assert rendering.certificate_context(certificate_data_sample())["logo_url"] == (
        rendering.DEFAULT_LOGO
    )


def test_long_name_and_wording_stay_on_one_page():
    data = certificate_data_sample(
        recipient_name="Commissioner " + "Alexandra-Bartholomew " * 6,
        body="has completed " + "a very long course description " * 30,
        partner_names=[f"Partner Organization {n}" for n in range(12)],
    )
    assert len(read(render_certificate_pdf(data)).pages) == 1


def test_placeholders_are_filled_and_nothing_else_is_evaluated():
    data = certificate_data_sample(recipient_name="Rosa Diaz", course_title="Budgets")
    wording = "{name} completed {course} ({hours} hours, {cohort}) {unknown} {name.__class__}"
    filled = fill_placeholders(wording, data)
    assert filled.startswith("Rosa Diaz completed Budgets (12.5 hours, Spring 2026 cohort")
    assert "{unknown} {name.__class__}" in filled


def test_minimal_document_renders_the_same_way():
    reader = read(render_minimal_pdf("Hello"))
    assert len(reader.pages) == 1
    assert "Hello" in page_text(reader)


def test_image_cache_keeps_the_logo_and_not_each_qr_code():
    for n in range(3):
        render_certificate_pdf(
            certificate_data_sample(verification_url=f"https://academy.example.org/c/{n}/")
        )
    keys = list(rendering._image_cache())
    assert ASSET_ORIGIN + rendering.DEFAULT_LOGO in keys
    assert not [key for key in keys if key.startswith("data:")]
    assert len(keys) <= 3  # the logo and the image data filed under its id


# --- The URL fetcher -------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        "http://example.org/logo.png",
        "https://example.org/logo.png",
        "ftp://example.org/logo.png",
        "https://academy-assets.invalid.example.org/static/img/logo.svg",
        ASSET_ORIGIN + "static/../../../etc/passwd",
        ASSET_ORIGIN + "static/%2e%2e/%2e%2e/etc/passwd",
        ASSET_ORIGIN + "static//etc/passwd",
        ASSET_ORIGIN + "etc/passwd",
        ASSET_ORIGIN + "media/original_images/secret.png",
        "academy-static:img/logo.svg",
    ],
)
def test_fetcher_refuses_everything_but_our_assets(url):
    with pytest.raises(CertificateFetchRefused):
        AssetFetcher().fetch(url)


def test_fetcher_serves_static_files_and_data_uris():
    response = AssetFetcher().fetch(ASSET_ORIGIN + "static/img/logo.svg")
    assert response.content_type == "image/svg+xml"
    assert b"<svg" in response.read()

    css = AssetFetcher().fetch(ASSET_ORIGIN + "static/certificates/certificate.css")
    assert b"@page" in css.read()

    data = AssetFetcher().fetch("data:text/plain;base64,aGVsbG8=")
    assert data.read() == b"hello"
    assert data.content_type == "text/plain"
    assert AssetFetcher().fetch("data:,a%20b").read() == b"a b"
    for malformed in ("data:image/png;base64,not*base64", "data:image/png;base64"):
        with pytest.raises(ValueError):  # WeasyPrint leaves such an image out
            AssetFetcher().fetch(malformed)


def test_fetcher_serves_only_the_media_it_was_given(settings):
    name = default_storage.save("original_images/signature.png", ContentFile(b"png bytes"))
    url = ASSET_ORIGIN + "media/" + name

    assert AssetFetcher({name}).fetch(url).read() == b"png bytes"
    with pytest.raises(CertificateFetchRefused):
        AssetFetcher({"original_images/other.png"}).fetch(url)


def test_subsetting_check_and_worker_warning(monkeypatch, caplog):
    from celery.signals import worker_ready

    from certificates import signals

    # Connected at start-up (CertificatesConfig.ready), so every worker runs the check.
    assert "certificates.check_font_subsetting" in [key[0] for key, _ in worker_ready.receivers]
    assert isinstance(rendering.weasyprint_subsetting_ok(), bool)

    monkeypatch.setattr(rendering, "weasyprint_subsetting_ok", lambda: False)
    with caplog.at_level(logging.WARNING, logger="certificates.signals"):
        signals.warn_without_harfbuzz_subset()
    assert "libharfbuzz-subset0" in caplog.text

    caplog.clear()
    monkeypatch.setattr(rendering, "weasyprint_subsetting_ok", lambda: True)
    signals.warn_without_harfbuzz_subset()
    assert "libharfbuzz-subset0" not in caplog.text


# --- Settings and the staff preview ----------------------------------------------------


def make_image(title, colour, size=(600, 200)):
    buffer = io.BytesIO()
    PILImage.new("RGBA", size, colour).save(buffer, "PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{title}.png"))


PREVIEW_URL = "/admin/certificate-preview/"


def test_preview_renders_the_saved_settings_for_staff(client, staff, site_tree):
    home = site_tree[0]
    cert_settings = CertificateSettings.for_site(home.get_site())
    cert_settings.heading = "Certificate of Achievement"
    cert_settings.signatory_name = "Grace Hopper-Lee"
    cert_settings.signature_image = make_image("signature", (20, 20, 120, 255))
    cert_settings.logo = make_image("logo", (200, 30, 30, 255), size=(300, 300))
    cert_settings.footer_note = "Accredited for continuing education credit."
    cert_settings.save()

    client.force_login(staff)
    response = client.get(PREVIEW_URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    reader = read(response.content)
    text = page_text(reader)
    assert "Certificate of Achievement" in text
    assert "Grace Hopper-Lee" in text
    assert "Accredited for continuing education credit." in text
    sizes = {img.image.size for img in reader.pages[0].images}
    assert (600, 200) in sizes  # the signature, through media storage
    assert (300, 300) in sizes  # the logo


def test_preview_without_settings_uses_the_defaults(client, staff, site_tree):
    client.force_login(staff)
    response = client.get(PREVIEW_URL)
    assert response.status_code == 200
    assert "Certificate of Completion" in page_text(read(response.content))


def test_settings_page_links_to_the_preview(client, staff, site_tree):
    client.force_login(staff)
    site = site_tree[0].get_site()
    response = client.get(f"/admin/settings/certificates/certificatesettings/{site.pk}/")
    assert response.status_code == 200
    assert PREVIEW_URL in response.content.decode()


def test_preview_is_refused_to_non_staff(client, official, site_tree):
    assert client.get(PREVIEW_URL).status_code == 302  # anonymous: to the admin login

    client.force_login(official)
    assert client.get(PREVIEW_URL).status_code == 403  # no admin access at all

    # A partner author may use the Wagtail admin but is not staff: Wagtail turns the
    # view's PermissionDenied into a redirect to the dashboard with a message.
    official.user_permissions.add(Permission.objects.get(codename="access_admin"))
    give_authenticator(official)  # the admin opens only with a second factor
    response = client.get(PREVIEW_URL)
    assert (response.status_code, response.get("Location")) == (302, "/admin/")
    assert response.get("Content-Type") != "application/pdf"


def test_pdf_workers_warm_the_renderer_when_a_pool_process_starts(settings):
    from celery.signals import celeryd_init, worker_process_init

    from certificates import signals

    assert "certificates.warm_renderer" in [key[0] for key, _ in worker_process_init.receivers]
    assert "certificates.note_pdf_worker" in [key[0] for key, _ in celeryd_init.receivers]
    # Which workers render: the Procfile's worker-pdf, or one worker on every queue.
    assert signals.consumes_pdf_queue(f"{settings.PDF_TASK_QUEUE}")
    assert signals.consumes_pdf_queue(None)
    assert signals.consumes_pdf_queue(["academy", f" {settings.PDF_TASK_QUEUE}"])
    assert not signals.consumes_pdf_queue(settings.EMAIL_TASK_QUEUE)

    signals.note_pdf_worker(options={"queues": settings.EMAIL_TASK_QUEUE})
    assert signals.warm_renderer() is None  # an email worker loads no WeasyPrint
    signals.note_pdf_worker(options={"queues": settings.PDF_TASK_QUEUE})
    try:
        assert signals.warm_renderer() > 0  # a real render, timed
    finally:
        signals.note_pdf_worker(options={"queues": settings.EMAIL_TASK_QUEUE})
    assert settings.CELERY_WORKER_PROC_ALIVE_TIMEOUT >= 30


@pytest.mark.parametrize("changes", [
    {},
    {"recipient_name": "Commissioner Jonathan Alexander Featherstonehaugh III of Ward Nine",
     "partner_names": [], "footer_note": "Recognised for continuing education credit."},
    {"signatory_title": "", "hours": None, "start_date": None, "end_date": None},
])
def test_the_certificates_own_user_agent_stylesheet_draws_the_same_page(changes):
    """Certificates are drawn with a three-rule user-agent stylesheet instead of
    WeasyPrint's HTML5 one (CertificateHTML): the page, its text and its link are the
    same. An element added to the template that needs a default from the HTML5 one
    fails here."""
    data = certificate_data_sample(**changes)
    ours = read(render_certificate_pdf(data)).pages[0]
    html5 = read(rendering.render_html_pdf(
        rendering.render_certificate_html(data),
        stylesheets=[rendering.certificate_stylesheet()], media_names=data.media_names(),
    )).pages[0]
    assert ours.get_contents().get_data() == html5.get_contents().get_data()
    assert [a.get_object()["/A"]["/URI"] for a in ours["/Annots"]] == [
        a.get_object()["/A"]["/URI"] for a in html5["/Annots"]]


def test_font_subsetting_parses_no_c_type_for_a_new_name():
    """cffi parses each new `hb_codepoint_t[N]` (7 ms) and keeps it forever: certificates
    for names of new lengths add none (certificates.pdf_fonts)."""
    from weasyprint.text.ffi import ffi

    render_certificate_pdf(certificate_data_sample())
    parsed = len(ffi._parsed_types)
    for name in ("Li Na", "Councillor Maria Elena Gutiérrez-Whitfield", "Dr. Kwame Mensah",
                 "Commissioner Jonathan Alexander Featherstonehaugh III"):
        assert page_text(read(render_certificate_pdf(certificate_data_sample(
            recipient_name=name)))).count(name) == 1
    assert len(ffi._parsed_types) == parsed
