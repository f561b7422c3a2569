"""The partner-review step of the curriculum workflow (then academy approval)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.models import Task, TaskState

from academy.models import Organization, User

from .pages import CoursePage


def course_partners(course):
    """The partner organisations co-authoring `course`: those of the course in the default
    language when `course` is a translation of it (a Spanish course is reviewed by the
    co-authors of its English course), else its own."""
    original = CoursePage.objects.filter(
        translation_key=course.translation_key,
        locale__language_code=settings.LANGUAGE_CODE,
    )
    return Organization.objects.filter(is_academy=False).filter(
        courses__in=original if original.exists() else [course]
    ).distinct()


class PartnerReviewTask(Task):
    """Workflow step: an author of a co-authoring organisation reviews the draft.

    Approvers are members of the author groups of the organisations that co-author
    the page's course, other than the person who submitted it (a second pair of eyes),
    plus superusers. Academy approval follows as a separate group approval task.
    """

    def _course(self, obj):
        page = obj.specific if hasattr(obj, "specific") else obj
        if isinstance(page, CoursePage):
            return page
        parent = page.get_parent() if hasattr(page, "get_parent") else None
        return parent.specific if parent and isinstance(parent.specific, CoursePage) else None

    def partner_reviewers(self, obj):
        """The one rule for who reviews `obj` at this step (superusers aside): active
        members of the organisations that co-author its course, other than the academy,
        except whoever submitted it."""
        course = self._course(obj)
        if course is None:
            return User.objects.none()
        workflow_state = (
            obj.current_workflow_state if hasattr(obj, "current_workflow_state") else None
        )
        submitter_id = workflow_state.requested_by_id if workflow_state else None
        return User.objects.filter(
            is_active=True,
            organization__in=course_partners(course),
        ).exclude(pk=submitter_id)

    def _can_review(self, obj, user, task_state=None):
        if not user.is_authenticated:
            return False
        if user.is_superuser:
            return True
        if not user.organization_id:
            return False
        return self.partner_reviewers(obj).filter(pk=user.pk).exists()

    def user_can_access_editor(self, obj, user):
        return self._can_review(obj, user)

    def locked_for_user(self, obj, user):
        return not self._can_review(obj, user)

    def get_actions(self, obj, user):
        if self._can_review(obj, user):
            return [
                ("reject", _("Request changes"), True),
                ("approve", _("Approve for academy review"), False),
                ("approve", _("Approve with comment"), True),
            ]
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        in_progress = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return in_progress
        if not user.is_authenticated or not user.organization_id:
            return TaskState.objects.none()
        ids = [
            ts.pk
            for ts in in_progress.select_related("workflow_state")
            if self._can_review(ts.workflow_state.content_object, user)
        ]
        return TaskState.objects.filter(pk__in=ids)

    @classmethod
    def get_description(cls):
        return _("Authors of the course's co-authoring partner organisations review the draft")

    class Meta:
        verbose_name = _("Partner review task")
        verbose_name_plural = _("Partner review tasks")
