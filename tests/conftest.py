"""Shared fixtures and factories.

The suite runs against whatever DATABASE_URL says (SQLite by default, PostgreSQL in
CI's second pass). Celery runs eagerly here; tests about a real worker start one.
"""

import json
import uuid

import factory
import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from academy.celery import app as celery_app
from academy.models import Organization, User
from courses.models import AcademyHomePage, CatalogPage, CoursePage, ModulePage

PASSWORD = "correct-horse-battery-staple"
# The authenticator app of every test person who has one (UserFactory(mfa=True)): staff
# and partner authors need one before the admin opens (academy.accounts).
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code() -> str:
    """The code the authenticator app shows now."""
    import pyotp

    return pyotp.TOTP(TOTP_SECRET).now()


def give_authenticator(user):
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(user, TOTP_SECRET)
    return user


@pytest.fixture(autouse=True)
def _eager_celery():
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def _default_language():
    """A request to /es/... leaves Spanish active in the test's thread (a server activates
    a language for every request; a test does not): each test starts in the default."""
    from django.utils import translation

    translation.activate(settings_language())
    yield
    translation.activate(settings_language())


def settings_language():
    from django.conf import settings

    return settings.LANGUAGE_CODE


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Partner Organization {n}")
    slug = factory.Sequence(lambda n: f"partner-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    jurisdiction_name = "City of Springfield"
    jurisdiction_type = "city"
    state = "IL"
    time_zone = "America/Chicago"
    office_title = "City Council Member"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()

    @factory.post_generation
    def mfa(obj, create, extracted, **kwargs):
        if create and extracted:
            give_authenticator(obj)


@pytest.fixture
def user_factory(db):
    return UserFactory


@pytest.fixture
def official(db):
    return UserFactory(email="official@example.org", first_name="Rosa", last_name="Diaz")


@pytest.fixture
def staff(db):
    return UserFactory(email="staff@example.org", is_staff=True, is_superuser=True, mfa=True)


def stream(blocks):
    return json.dumps([{"type": t, "value": v, "id": str(uuid.uuid4())} for t, v in blocks])


def ensure_wagtail_roots():
    """What the migrations create and a transactional test's flush removes: the
    sites framework's site, Wagtail's locale, root page and root collection."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.contrib.sites.models import Site as DjangoSite
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale

    ContentType.objects.clear_cache()  # ids change when a flush recreates them
    DjangoSite.objects.get_or_create(
        pk=settings.SITE_ID, defaults={"domain": "localhost", "name": "Academy"}
    )
    DjangoSite.objects.clear_cache()
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", live=True))
    return root


@pytest.fixture
def wagtail_base(transactional_db):
    """For tests with real commits (concurrency, real workers, live server): start from a
    flushed database holding what the migrations would have made, whatever earlier
    transactional tests left behind. (serialized_rollback is not used: reloading its
    snapshot into a flushed PostgreSQL database collides with the content types that
    Wagtail's signal handlers recreate on the way.)"""
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)  # post_migrate: content types
    ensure_wagtail_roots()


@pytest.fixture
def site_tree(db):
    """Home and catalog pages, the default site pointing at home."""
    root = ensure_wagtail_roots()
    Page.objects.filter(depth=2).delete()
    home = AcademyHomePage(title="Academy", slug="home", hero_heading="Learn to govern")
    root.add_child(instance=home)
    catalog = CatalogPage(title="Catalog", slug="catalog")
    home.add_child(instance=catalog)
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home, catalog


@pytest.fixture
def catalog(site_tree):
    return site_tree[1]


def make_course(
    catalog,
    title="Budgets as moral documents",
    *,
    co_authors=(),
    pillars=(),
    areas=(),
    fmt="live_online",
    summary="How to read and shape a budget.",
):
    slug = title.lower().replace(" ", "-")[:50]
    course = CoursePage(
        title=title,
        slug=slug,
        summary=summary,
        format=fmt,
        estimated_hours=6,
        outcomes=stream([("outcome", "Read a budget")]),
    )
    catalog.add_child(instance=course)
    course.co_authors.set(co_authors)
    course.pillars.set(pillars)
    course.policy_areas.set(areas)
    course.save_revision().publish()
    return course


def make_module(course, title="Reading the budget", *, required=True, body=None, authors=()):
    slug = title.lower().replace(" ", "-")[:50]
    module = ModulePage(
        title=title,
        slug=slug,
        intro="An introduction.",
        required=required,
        estimated_minutes=30,
        body=stream(body or [("text", "<p>Budgets are moral documents.</p>")]),
    )
    course.add_child(instance=module)
    module.authors.set(authors)
    module.save_revision().publish()
    return module


@pytest.fixture
def course(catalog):
    return make_course(catalog)


@pytest.fixture
def modules(course):
    return [
        make_module(course, "Reading the budget"),
        make_module(course, "Revenue options"),
        make_module(course, "Further reading", required=False),
    ]


@pytest.fixture
def partner_groups(db):
    return Group.objects.all()
