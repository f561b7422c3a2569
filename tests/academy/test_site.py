"""Health check, 404 page, static assets served locally."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_healthz_ok(client, settings):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["checks"]["database"] == "ok"
    if settings.CELERY_BROKER_URL:  # CI's PostgreSQL/Redis pass pings the real broker
        assert body["checks"]["broker"] == "ok"


def test_healthz_names_a_failing_broker(client):
    with override_settings(CELERY_BROKER_URL="redis://127.0.0.1:1/0"):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["broker"]
    assert response.json()["checks"]["database"] == "ok"


def test_healthz_names_a_failing_database(client, monkeypatch):
    from academy import views

    def broken():
        raise ConnectionError("database down")

    monkeypatch.setattr(views, "_check_database", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert "database" in response.json()["failing"]


def test_unknown_url_gets_a_styled_404(client, site_tree):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We can’t find that page" in html
    assert "bootstrap.min.css" in html


def test_assets_are_local_not_cdn(client, site_tree):
    html = client.get("/").content.decode()
    assert "/static/vendor/bootstrap/bootstrap.min.css" in html
    assert "/static/vendor/htmx/htmx.min.js" in html
    assert "cdn" not in html.lower()

