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


@pytest.fixture(autouse=True)
def _eager_celery(settings):
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    yield


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


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

    name = factory.Sequence(lambda n: f"Partner Organisation {n}")
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


@pytest.fixture
def user_factory(db):
    return UserFactory


@pytest.fixture
def official(db):
    return UserFactory(email="official@example.org", first_name="Rosa", last_name="Diaz")


@pytest.fixture
def staff(db):
    return UserFactory(email="staff@example.org", is_staff=True, is_superuser=True)


def stream(blocks):
    return json.dumps([{"type": t, "value": v, "id": str(uuid.uuid4())} for t, v in blocks])


def ensure_wagtail_roots():
    """Wagtail's migrations create a locale, a root page and a root collection. A
    transactional test (concurrency, live server) flushes them away; put them back."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale

    ContentType.objects.clear_cache()  # ids change when a flush recreates them

    if not Locale.objects.exists():
        Locale.objects.create(language_code=settings.LANGUAGE_CODE.split("-")[0])
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(
            instance=Page(title="Root", slug="root", locale=Locale.objects.first())
        )
    return root


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
