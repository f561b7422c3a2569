"""Partner co-authoring: each organisation's author group may add and edit pages
under the courses that list the organisation as co-author, and nothing else.

Wagtail page permissions are hierarchical, so "add" + "change" on a CoursePage let
the group create ModulePages under it (the only allowed child type) and edit them.
Editing the course page itself is refused by a before_edit_page hook
(courses/wagtail_hooks.py). The group never gets "publish": publishing goes
through the review workflow.

Translations: a course's co-authors are those of the course in the default language
(English), and their rights cover every translation of it (the Spanish course and its
modules), so partners draft and translate modules in Spanish through the same workflow.
The group may also submit pages for translation (simple_translation).
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from academy.models import Organization

from .models import CoursePage

AUTHOR_PAGE_PERMISSIONS = ("add_page", "change_page")


def co_authored_courses(organization):
    """The courses `organization` co-authors, in every language: the courses that list it
    (in the default language, or, for a course with no English original, in its own) and
    all their translations."""
    listed = CoursePage.objects.filter(co_authors=organization)
    originals = listed.filter(locale__language_code=settings.LANGUAGE_CODE)
    untranslated = listed.exclude(
        translation_key__in=CoursePage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE
        ).values("translation_key")
    )
    return CoursePage.objects.filter(
        translation_key__in=originals.values("translation_key")
    ) | untranslated


def _authors_group_name(org):
    return f"{org.name} authors"[:150]


@transaction.atomic
def organization_sync_authoring(*, organization: Organization) -> Group | None:
    """Create the organisation's author group if needed and make its page permissions
    match the courses it co-authors. Idempotent. The academy itself gets no group:
    academy staff are editors/moderators."""
    if organization.is_academy:
        return None
    group = organization.authors_group
    if group is None:
        group, _ = Group.objects.get_or_create(name=_authors_group_name(organization))
        organization.authors_group = group
        organization.save(update_fields=["authors_group"])

    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    group.permissions.add(admin_access)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="simple_translation", codename="submit_translation"
        )
    )

    # Documents and images: partners may upload and choose them for readings.
    root = Collection.get_first_root_node()
    for app_label, model in (("wagtaildocs", "document"), ("wagtailimages", "image")):
        for action in ("add", "choose"):
            perm = Permission.objects.get(
                content_type__app_label=app_label, codename=f"{action}_{model}"
            )
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=perm
            )

    wanted = set(co_authored_courses(organization).values_list("pk", flat=True))
    perms = {
        p.codename: p
        for p in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=AUTHOR_PAGE_PERMISSIONS
        )
    }
    existing = GroupPagePermission.objects.filter(group=group)
    existing.exclude(page_id__in=wanted).delete()
    existing.exclude(permission__codename__in=AUTHOR_PAGE_PERMISSIONS).delete()
    have = set(existing.values_list("page_id", "permission__codename"))
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(group=group, page_id=page_id, permission=perms[codename])
            for page_id in wanted
            for codename in AUTHOR_PAGE_PERMISSIONS
            if (page_id, codename) not in have
        ]
    )
    return group


def course_sync_authoring(*, course) -> None:
    """After a course's co-authors change: resync every partner organisation."""
    for organization in Organization.objects.filter(is_academy=False):
        organization_sync_authoring(organization=organization)
