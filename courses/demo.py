"""Curriculum from courses/demo_data/*.toml: taxonomy, page tree, courses and modules,
review workflow, partner author groups and a few module completions (called by seed_demo).
Then its Spanish translation from courses/demo_data/es/ (Wagtail translations of the
English terms and pages, same slugs: see that folder's README).

The files are read and checked (courses/demo_files.py) before anything is written.
Idempotent: what exists already (by slug) is left as it is.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.files.images import ImageFile
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from academy.models import Organization, User

from .demo_files import load, load_translation
from .models import (
    AcademyHomePage,
    CatalogPage,
    CoursePage,
    ModuleCompletion,
    ModulePage,
    PartnerReviewTask,
    Pillar,
    PolicyArea,
)
from .permissions import organization_sync_authoring

STAFF_GROUP = "Academy staff"
WORKFLOW_NAME = "Partner curriculum review"
TRANSLATIONS = ("es",)  # courses/demo_data/<language>/


def _default_language(queryset):
    """The English pages or terms of `queryset` (the translations share their slugs)."""
    return queryset.filter(locale__language_code=settings.LANGUAGE_CODE)


def _publish(page, user=None):
    # The demo records who wrote a module; seeding itself is not subject to their rights.
    page.save_revision(user=user, log_action=True).publish(user=user, skip_permission_checks=True)


def seed_page_tree(log, home_fields, catalog_fields):
    root = Page.get_first_root_node()
    home = _default_language(AcademyHomePage.objects).first()
    if home is None:
        # Wagtail's first migration leaves a plain "Welcome" page; replace it.
        for welcome in Page.objects.filter(depth=2, content_type__model="page"):
            welcome.delete()
        home = AcademyHomePage(slug="home", **home_fields)
        root.add_child(instance=home)
        _publish(home)
        log("home page")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Progressive Governance Academy",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Progressive Governance Academy"
        site.save()

    catalog = CatalogPage.objects.child_of(home).first()
    if catalog is None:
        catalog = CatalogPage(slug="catalog", **catalog_fields)
        home.add_child(instance=catalog)
        _publish(catalog)
        log("catalog page")
    return home, catalog


def seed_courses(catalog, courses, log):
    orgs = {o.slug: o for o in Organization.objects.all()}
    pillars = {p.slug: p for p in _default_language(Pillar.objects)}
    areas = {a.slug: a for a in _default_language(PolicyArea.objects)}
    authors_by_org = {}
    for user in User.objects.filter(organization__is_academy=False, is_staff=False).order_by(
        "email"
    ):
        authors_by_org.setdefault(user.organization.slug, user)

    for data in courses:
        slug = data["fields"]["slug"]
        course = CoursePage.objects.child_of(catalog).filter(slug=slug).first()
        if course is None:
            course = CoursePage(**data["fields"])
            catalog.add_child(instance=course)
            course.pillars.set([pillars[s] for s in data["pillars"]])
            course.policy_areas.set([areas[s] for s in data["policy_areas"]])
            course.co_authors.set([orgs[s] for s in data["co_authors"]])
            course.image = _library_image(data["image"], course.title, course.image_alt)
            _publish(course)
            log(f"course {course.title}")
        elif data["image"] and course.image_id is None:
            # A demo database from before course images: add the picture, as a revision.
            course.image_alt = data["fields"]["image_alt"]
            course.image = _library_image(data["image"], course.title, course.image_alt)
            _publish(course)
        for module_data in data["modules"]:
            slug = module_data["fields"]["slug"]
            if ModulePage.objects.child_of(course).filter(slug=slug).exists():
                continue
            module = ModulePage(**module_data["fields"])
            course.add_child(instance=module)
            module.authors.set([orgs[s] for s in module_data["authors"]])
            partner = next(
                (authors_by_org[s] for s in module_data["authors"] if s in authors_by_org), None
            )
            _publish(module, user=partner)


def _library_image(path, title, alt):
    """The demo picture at `path` in Wagtail's image library (added once, by title)."""
    if path is None:
        return None
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        with open(path, "rb") as handle:
            image = Image(title=title, description=alt[:255],
                          file=ImageFile(handle, name=path.name))
            image.save()
    return image


def seed_staff_group():
    group, _ = Group.objects.get_or_create(name=STAFF_GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    homes = list(AcademyHomePage.objects.all())  # the English tree and its translations
    for perm in Permission.objects.filter(
        content_type__app_label="wagtailcore",
        codename__in=[
            "add_page",
            "change_page",
            "publish_page",
            "bulk_delete_page",
            "lock_page",
            "unlock_page",
        ],
    ):
        for home in homes:
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=perm)
    root = Collection.get_first_root_node()
    for perm in Permission.objects.filter(
        content_type__app_label__in=["wagtaildocs", "wagtailimages"],
        codename__in=[
            "add_document",
            "change_document",
            "delete_document",
            "choose_document",
            "add_image",
            "change_image",
            "delete_image",
            "choose_image",
        ],
    ):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=perm
        )
    return group


def seed_workflow(catalog, staff_group, log):
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
        partner_task = PartnerReviewTask.objects.create(name="Partner review")
        academy_task = GroupApprovalTask.objects.create(name="Academy approval")
        academy_task.groups.set([staff_group])
        WorkflowTask.objects.create(workflow=workflow, task=partner_task, sort_order=0)
        WorkflowTask.objects.create(workflow=workflow, task=academy_task, sort_order=1)
        log("review workflow: partner review, then academy approval")
    # The same review for every language: the catalog and its translations.
    for page in CatalogPage.objects.filter(translation_key=catalog.translation_key):
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


def _translated_page(page, locale, fields, log):
    """`page`'s translation in `locale`, made once as Wagtail's "Translate" makes it (a
    copy with the same translation key and slug: courses.signals completes it), with the
    translated `fields`, then published. An existing translation is left as it is."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translation = CopyPageForTranslationAction(page=page, locale=locale).execute(
        skip_permission_checks=True
    ).specific
    for name, value in fields.items():
        if name != "slug":
            setattr(translation, name, value)
    _publish(translation)
    log(f"{locale.language_code} page {translation.title}")
    return translation


def seed_translation(language, home, catalog, log):
    """The curriculum in `language` (courses/demo_data/<language>/): its taxonomy terms,
    home and catalog pages and the courses that have a translation there."""
    data = load_translation(language)
    locale, _ = Locale.objects.get_or_create(language_code=language)
    for model, rows in ((Pillar, data["pillars"]), (PolicyArea, data["policy_areas"])):
        for row in rows:
            if model.objects.filter(slug=row["slug"], locale=locale).exists():
                continue
            term = _default_language(model.objects).get(slug=row["slug"]).copy_for_translation(
                locale
            )
            for name, value in row.items():
                setattr(term, name, value)
            term.save()
    _translated_page(home, locale, data["home"], log)
    translated_catalog = _translated_page(catalog, locale, data["catalog"], log)
    for course_data in data["courses"]:
        course = CoursePage.objects.child_of(catalog).get(slug=course_data["fields"]["slug"])
        if not CoursePage.objects.child_of(translated_catalog).filter(slug=course.slug).exists():
            _translated_page(course, locale, course_data["fields"], log)
        for module_data in course_data["modules"]:
            module = ModulePage.objects.child_of(course).get(slug=module_data["fields"]["slug"])
            _translated_page(module, locale, module_data["fields"], log)


def seed(log):
    curriculum = load()
    for model, rows in ((Pillar, curriculum["pillars"]), (PolicyArea, curriculum["policy_areas"])):
        for row in rows:
            _default_language(model.objects).get_or_create(slug=row["slug"], defaults=row)
    home, catalog = seed_page_tree(log, curriculum["home"], curriculum["catalog"])
    staff_group = seed_staff_group()
    seed_courses(catalog, curriculum["courses"], log)
    seed_workflow(catalog, staff_group, log)
    for language in TRANSLATIONS:
        seed_translation(language, home, catalog, log)
    seed_staff_group()  # its rights cover the translated trees too
    seed_workflow(catalog, staff_group, log)

    for org in Organization.objects.filter(is_academy=False):
        group = organization_sync_authoring(organization=org)
        for user in org.members.filter(is_staff=False):
            user.groups.add(group)
    for user in User.objects.filter(is_staff=True):
        user.groups.add(staff_group)

    # Some officials have started courses.
    officials = list(
        User.objects.filter(is_staff=False, organization__isnull=True).order_by("email")[:8]
    )
    courses = list(CoursePage.objects.live().child_of(catalog).order_by("title"))
    for i, official in enumerate(officials):
        course = courses[i % len(courses)]
        for module in list(ModulePage.objects.live().child_of(course))[: 1 + i % 3]:
            ModuleCompletion.objects.get_or_create(user=official, module=module)
