"""Demo curriculum: taxonomy, page tree, courses and modules, review workflow,
partner author groups and a few module completions (called by seed_demo)."""

import json
import uuid

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from academy.demo_content import CATALOG, COURSES, HOME, PILLARS, POLICY_AREAS
from academy.models import Organization, User

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


def _raw_stream(blocks):
    """(type, value) pairs -> StreamField raw JSON, with stable ids."""
    out = []
    for block_type, value in blocks:
        if block_type == "case_study" and isinstance(value, dict):
            value = dict(value)
            value["lessons"] = [
                {"type": "item", "value": lesson, "id": str(uuid.uuid4())}
                for lesson in value.get("lessons", [])
            ]
        out.append({"type": block_type, "value": value, "id": str(uuid.uuid4())})
    return json.dumps(out)


def _publish(page, user=None):
    # The demo records who wrote a module; seeding itself is not subject to their rights.
    page.save_revision(user=user, log_action=True).publish(user=user, skip_permission_checks=True)


def seed_page_tree(log):
    root = Page.get_first_root_node()
    home = AcademyHomePage.objects.first()
    if home is None:
        # Wagtail's first migration leaves a plain "Welcome" page; replace it.
        for welcome in Page.objects.filter(depth=2, content_type__model="page"):
            welcome.delete()
        home = AcademyHomePage(
            title=HOME["title"],
            slug="home",
            hero_heading=HOME["hero_heading"],
            hero_text=HOME["hero_text"],
            intro=HOME["intro"],
        )
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
        catalog = CatalogPage(title=CATALOG["title"], slug="catalog", intro=CATALOG["intro"])
        home.add_child(instance=catalog)
        _publish(catalog)
        log("catalog page")
    return home, catalog


def seed_courses(catalog, log):
    orgs = {o.slug: o for o in Organization.objects.all()}
    pillars = {p.slug: p for p in Pillar.objects.all()}
    areas = {a.slug: a for a in PolicyArea.objects.all()}
    authors_by_org = {}
    for user in User.objects.filter(organization__is_academy=False, is_staff=False).order_by(
        "email"
    ):
        authors_by_org.setdefault(user.organization.slug, user)

    for data in COURSES:
        course = CoursePage.objects.child_of(catalog).filter(slug=data["slug"]).first()
        if course is None:
            course = CoursePage(
                title=data["title"],
                slug=data["slug"],
                summary=data["summary"],
                outcomes=json.dumps(
                    [
                        {"type": "outcome", "value": o, "id": str(uuid.uuid4())}
                        for o in data["outcomes"]
                    ]
                ),
                format=data["format"],
                estimated_hours=data["estimated_hours"],
            )
            catalog.add_child(instance=course)
            course.pillars.set([pillars[s] for s in data["pillars"] if s in pillars])
            course.policy_areas.set([areas[s] for s in data["policy_areas"] if s in areas])
            course.co_authors.set([orgs[s] for s in data["co_authors"] if s in orgs])
            _publish(course)
            log(f"course {course.title}")
        for module_data in data["modules"]:
            if ModulePage.objects.child_of(course).filter(slug=module_data["slug"]).exists():
                continue
            module = ModulePage(
                title=module_data["title"],
                slug=module_data["slug"],
                intro=module_data.get("intro", ""),
                estimated_minutes=module_data["estimated_minutes"],
                required=module_data.get("required", True),
                body=_raw_stream(module_data["body"]),
            )
            course.add_child(instance=module)
            module.authors.set([orgs[s] for s in module_data.get("authors", []) if s in orgs])
            partner = next(
                (authors_by_org[s] for s in module_data.get("authors", []) if s in authors_by_org),
                None,
            )
            _publish(module, user=partner)


def seed_staff_group():
    group, _ = Group.objects.get_or_create(name=STAFF_GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    home = AcademyHomePage.objects.first()
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
    WorkflowPage.objects.update_or_create(page=catalog, defaults={"workflow": workflow})
    return workflow


def seed(log):
    for model, rows in ((Pillar, PILLARS), (PolicyArea, POLICY_AREAS)):
        for row in rows:
            model.objects.get_or_create(
                slug=row["slug"],
                defaults={"name": row["name"], "description": row.get("description", "")},
            )
    home, catalog = seed_page_tree(log)
    staff_group = seed_staff_group()
    seed_courses(catalog, log)
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
