"""Wagtail's curriculum moderation emails, as the academy's: on the one email layout
(templates/wagtailadmin/notifications/base.txt|html extend templates/emails/layout.*),
with the academy's subject prefix, written to the outbox like every other email; and
the partner-review step tells the partner reviewers (and staff) that a draft waits.

Wagtail connects its own notifiers when its admin app is ready; ours are connected first
(courses comes before wagtail.admin in INSTALLED_APPS) under the same dispatch_uids,
which makes Wagtail's connections no-ops.
"""

from django.conf import settings
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import override
from wagtail.admin import mail
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from academy.i18n import language_of
from academy.models import User
from academy.outbox import email_context, outbox_enqueue_rendered

from .models import PartnerReviewTask


class OutboxNotifierMixin:
    """A Wagtail email notifier that renders each recipient's email with the academy's
    context and writes it to the outbox (instead of sending it in the request)."""

    def get_context(self, instance, **kwargs):
        return email_context(**super().get_context(instance, **kwargs))

    def send_emails(self, template_set, context, recipients, **kwargs):
        for recipient in recipients:
            context["user"] = recipient
            # The language chosen in Wagtail's account settings, else the academy's
            # preferred language (academy.i18n), as every other email.
            language = recipient.wagtail_userprofile.preferred_language or language_of(recipient)
            with (
                override(language),
                timezone.override(recipient.time_zone or settings.TIME_ZONE),
            ):
                subject = " ".join(render_to_string(template_set["subject"], context).split())
                text = render_to_string(template_set["text"], context).strip()
                html = render_to_string(template_set["html"], context)
            outbox_enqueue_rendered(
                to=recipient.email, recipient=recipient, kind=f"curriculum.{self.notification}",
                subject=subject, text=text, html=html,
            )
        return True


class WorkflowSubmittedNotifier(OutboxNotifierMixin, mail.WorkflowStateSubmissionEmailNotifier):
    pass


class WorkflowApprovedNotifier(OutboxNotifierMixin, mail.WorkflowStateApprovalEmailNotifier):
    pass


class WorkflowRejectedNotifier(OutboxNotifierMixin, mail.WorkflowStateRejectionEmailNotifier):
    pass


class GroupTaskSubmittedNotifier(
    OutboxNotifierMixin, mail.GroupApprovalTaskStateSubmissionEmailNotifier
):
    pass


class PartnerReviewSubmittedNotifier(GroupTaskSubmittedNotifier):
    """A draft reaches "Partner review": its partner reviewers (PartnerReviewTask's rule)
    and academy staff are told; never the person who submitted it."""

    def can_handle(self, instance, **kwargs):
        return isinstance(instance, TaskState) and isinstance(
            instance.task.specific, PartnerReviewTask
        )

    def get_recipient_users(self, task_state, **kwargs):
        content = task_state.workflow_state.content_object
        reviewers = task_state.task.specific.partner_reviewers(content)
        recipients = User.objects.filter(
            Q(pk__in=reviewers.values("pk")) | Q(is_staff=True, is_active=True)
        )
        submitter = kwargs.get("user") or task_state.workflow_state.requested_by
        return recipients.exclude(pk=getattr(submitter, "pk", None))


# (signal, notifier, Wagtail's dispatch_uid)
NOTIFIERS = [
    (task_submitted, GroupTaskSubmittedNotifier(), TaskState,
     "group_approval_task_submitted_email_notification"),
    (task_submitted, PartnerReviewSubmittedNotifier(), TaskState,
     "partner_review_task_submitted_email_notification"),
    (workflow_submitted, WorkflowSubmittedNotifier(), WorkflowState,
     "workflow_state_submitted_email_notification"),
    (workflow_rejected, WorkflowRejectedNotifier(), WorkflowState,
     "workflow_state_rejected_email_notification"),
    (workflow_approved, WorkflowApprovedNotifier(), WorkflowState,
     "workflow_state_approved_email_notification"),
]


def connect_notifiers():
    for signal, notifier, sender, uid in NOTIFIERS:
        signal.connect(notifier, sender=sender, dispatch_uid=uid)
