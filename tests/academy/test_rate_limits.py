"""One rate-limit mechanism (allauth's, in the shared cache) with one client address
(academy.ratelimit.client_ip) for login, sign-up, reset, verification and check-in."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from academy.ratelimit import client_ip
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

CODE_URL = "/certificates/ABCD-EFGH-JKLM-NPQR-STUV/"


@pytest.fixture
def verify_limit(settings):
    settings.ACADEMY_RATE_LIMITS = {**settings.ACADEMY_RATE_LIMITS, "certificate_verify": "3/m/ip"}


def verify(client, *, remote, forwarded=None, json=False):
    headers = {"REMOTE_ADDR": remote}
    if forwarded:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    url = CODE_URL.rstrip("/") + ".json" if json else CODE_URL
    return client.get(url, **headers).status_code


def test_verifiers_behind_a_trusted_proxy_have_their_own_limits(client, settings, verify_limit):
    settings.TRUSTED_PROXY_COUNT = settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    first = [verify(client, remote=proxy, forwarded="198.51.100.7") for _ in range(4)]
    assert first == [404, 404, 404, 429]
    # Another verifier through the same proxy is not held back by the first one.
    assert verify(client, remote=proxy, forwarded="203.0.113.9") == 404
    # What a client writes into the header before the proxy's entry changes nothing.
    assert verify(client, remote=proxy, forwarded="1.2.3.4, 198.51.100.7", json=True) == 429


def test_a_spoofed_forwarded_for_does_not_split_a_clients_limit(client, settings, verify_limit):
    assert settings.TRUSTED_PROXY_COUNT == 0  # the default: no proxy is trusted
    statuses = [
        verify(client, remote="198.51.100.7", forwarded=f"192.0.2.{n}") for n in range(4)
    ]
    assert statuses == [404, 404, 404, 429]
    assert verify(client, remote="198.51.100.7", json=True) == 429  # page and JSON share it
    assert verify(client, remote="198.51.100.8") == 404  # another address has its own


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "192.0.2.1", "198.51.100.7"),
        (1, "192.0.2.1", "192.0.2.1"),
        (1, "192.0.2.66, 192.0.2.1", "192.0.2.1"),
        (2, "192.0.2.66, 192.0.2.1, 10.0.0.3", "192.0.2.1"),
        (2, "192.0.2.1", "198.51.100.7"),  # fewer hops than proxies: it skipped them
        (1, "not-an-address", "198.51.100.7"),
        (1, "", "198.51.100.7"),
    ],
)
def test_client_ip_believes_only_trusted_proxies(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_allauth_limits_use_the_same_client_address(settings):
    from allauth.account.adapter import get_adapter

    settings.TRUSTED_PROXY_COUNT = settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert get_adapter().get_client_ip(request) == "192.0.2.1"


def test_failed_logins_from_one_address_are_limited_across_accounts(
    client, site_tree, user_factory
):
    """allauth's per-address limit on failed logins (10 a minute) counts every account."""
    people = [user_factory() for _ in range(11)]
    for person in people[:10]:
        client.post(reverse("account_login"), {"login": person.email, "password": "nope"})
    response = client.post(
        reverse("account_login"), {"login": people[10].email, "password": PASSWORD}
    )
    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in response.content.decode()
