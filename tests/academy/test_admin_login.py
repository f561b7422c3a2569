"""One login for the site and the Wagtail admin: allauth's, with its rate limits, email
verification, messages and two-factor authentication (academy.accounts, AdminGateMiddleware)."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from tests.conftest import PASSWORD, UserFactory, give_authenticator, totp_code

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def signed_in(client):
    return "_auth_user_id" in client.session


def admin_post(client, email, password):
    """What a script or an old bookmark posts to Wagtail's login form."""
    return client.post("/admin/login/", {"username": email, "password": password})


def site_login(client, email, password, next_url="/admin/"):
    return client.post(f"{LOGIN}?next={next_url}", {"login": email, "password": password})


def test_admin_login_is_the_sites_login_keeping_next(client, db):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next=/admin/pages/"
    assert client.get("/admin/login/")["Location"] == f"{LOGIN}?next=/admin/"
    # Somewhere else entirely is not a place to send people after logging in.
    assert client.get("/admin/login/?next=https://evil.example/")["Location"] == (
        f"{LOGIN}?next=/admin/"
    )
    # Anonymous visitors of any admin page go straight to the site's login.
    assert client.get("/admin/pages/")["Location"] == f"{LOGIN}?next=/admin/pages/"


def test_admin_login_never_checks_a_password(client, staff, site_tree):
    for _ in range(25):
        response = admin_post(client, staff.email, "wrong-guess")
        assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    response = admin_post(client, staff.email, PASSWORD)
    assert response["Location"].startswith(LOGIN)
    assert not signed_in(client)


def test_25_wrong_passwords_then_the_right_one_is_refused_at_every_door(client, staff, site_tree):
    for _ in range(25):
        site_login(client, staff.email, "wrong-guess")
    response = site_login(client, staff.email, PASSWORD)
    assert "Too many failed login attempts" in response.content.decode()
    assert not signed_in(client)
    admin_post(client, staff.email, PASSWORD)
    assert not signed_in(client)


def test_an_unconfirmed_account_cannot_sign_in_through_the_admin(client, settings, site_tree):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    author = UserFactory(email="new@partner.example.org", is_staff=True, is_superuser=True)
    EmailAddress.objects.create(user=author, email=author.email, verified=False, primary=True)
    admin_post(client, author.email, PASSWORD)
    assert not signed_in(client)
    response = site_login(client, author.email, PASSWORD)
    assert not signed_in(client)
    assert client.get(response["Location"]).status_code == 200
    assert "Verify your email address" in client.get(response["Location"]).content.decode()
    assert client.get("/admin/")["Location"].startswith(LOGIN)


def test_answers_never_tell_a_right_password_from_a_wrong_one(client, official, site_tree):
    right, wrong = admin_post(client, official.email, PASSWORD), admin_post(
        client, official.email, "nope"
    )
    assert (right.status_code, right["Location"]) == (wrong.status_code, wrong["Location"])
    # A deactivated account's right password gets the answer a wrong one gets.
    official.is_active = False
    official.save()
    right = site_login(client, official.email, PASSWORD, next_url="/me/")
    wrong = site_login(client, official.email, "nope", next_url="/me/")
    assert right.status_code == wrong.status_code == 200
    message = "The email address and/or password you specified are not correct."
    assert message in right.content.decode() and message in wrong.content.decode()
    assert not signed_in(client)


def test_signed_in_without_admin_access_gets_a_clear_page_not_a_loop(client, official):
    client.force_login(official)
    response = client.get("/admin/pages/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Your account has no access to the admin" in html
    assert official.email in html
    assert 'href="/me/"' in html  # back to My learning
    response = client.get("/admin/login/", follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) <= 3


def test_wagtails_password_reset_and_account_password_are_the_sites(client, staff):
    assert client.get("/admin/password_reset/")["Location"] == reverse("account_reset_password")
    client.force_login(staff)
    html = client.get(reverse("wagtailadmin_account")).content.decode()
    assert 'name="password_form-old_password"' not in html
    assert 'name="email_form-email"' not in html


@pytest.mark.parametrize("role", ["staff", "partner author"])
def test_admin_needs_an_authenticator_first(client, site_tree, role):
    from courses.permissions import organization_sync_authoring
    from tests.conftest import OrganizationFactory

    if role == "staff":
        person = UserFactory(is_staff=True, is_superuser=True)
    else:
        org = OrganizationFactory(name="Budget Lab", slug="budget-lab")
        person = UserFactory(organization=org)
        person.groups.add(organization_sync_authoring(organization=org))
    client.force_login(person)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    page = client.get(response["Location"], follow=True).content.decode()
    assert "The admin needs two-factor authentication" in page
    give_authenticator(person)
    assert client.get("/admin/").status_code == 200


def test_the_admin_asks_for_the_authenticator_code_at_login(client, staff, site_tree):
    response = site_login(client, staff.email, PASSWORD, next_url="/admin/pages/")
    assert response["Location"] == reverse("mfa_authenticate")
    assert not signed_in(client)
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert "Incorrect code" in response.content.decode()
    assert not signed_in(client)
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code()})
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_setting_up_the_authenticator_leads_back_to_the_admin(client, site_tree):
    import pyotp

    person = UserFactory(is_staff=True, is_superuser=True)
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    site_login(client, person.email, PASSWORD, next_url="/me/")
    response = client.get("/admin/pages/", follow=True)
    # allauth asks for the password again before a second factor is added.
    reauthenticate = response.redirect_chain[-1][0]
    assert reauthenticate.startswith(reverse("account_reauthenticate"))
    assert "The admin needs two-factor authentication" in response.content.decode()
    response = client.post(reauthenticate, {"password": PASSWORD})
    assert response["Location"] == reverse("mfa_activate_totp")
    assert client.get(response["Location"]).status_code == 200
    secret = client.session["mfa.totp.secret"]
    response = client.post(reverse("mfa_activate_totp"), {"code": pyotp.TOTP(secret).now()})
    assert response["Location"] == reverse("mfa_view_recovery_codes")
    html = client.get(response["Location"]).content.decode()
    assert 'href="/admin/pages/"' in html and "Continue to the admin" in html
    assert client.get("/admin/pages/").status_code == 200


def test_two_factor_authentication_is_offered_to_everyone_from_the_profile(client, official):
    client.force_login(official)
    html = client.get(reverse("profile")).content.decode()
    assert f'href="{reverse("mfa_index")}"' in html
    assert client.get(reverse("mfa_index")).status_code == 200
