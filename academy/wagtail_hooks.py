"""Wagtail admin for the people app: the email outbox (staff see what was sent, what
waits and what failed, with the error, and can send a failed email again)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import Body, BodyMembership, OutboxEmail, OutboxStatus
from .outbox import outbox_retry
from .viewsets import AcademyInspectView, AcademyModelViewSet


class OutboxPermissionPolicy(ModelPermissionPolicy):
    """Emails are written by the rules (academy.outbox); staff read them, never edit."""

    def user_has_permission(self, user, action):
        return action in ("view", "inspect") and user.is_active and user.is_staff


register_permission_policy(OutboxEmail, OutboxPermissionPolicy(OutboxEmail))


@require_POST
def outbox_retry_view(request, pk):
    if not request.user.is_staff:
        raise PermissionDenied
    email = get_object_or_404(OutboxEmail, pk=pk)
    if email.status == OutboxStatus.SENT:
        messages.info(request, gettext("That email was sent already."))
    else:
        outbox_retry(email=email)
        messages.success(
            request, gettext("The email to %(address)s is queued again.") % {"address": email.to}
        )
    return redirect("academy_outboxemail:inspect", pk)


class OutboxInspectView(AcademyInspectView):
    def get_body_text_display_value(self):
        # Account emails carry sign-in secrets (password reset and confirmation links):
        # whoever reads the outbox must not be able to use them.
        if self.object.kind.startswith("account."):
            return gettext("(Not shown: this email holds a personal sign-in link.)")
        return self.object.body_text


class OutboxEmailViewSet(AcademyModelViewSet):
    inspect_view_class = OutboxInspectView
    model = OutboxEmail
    icon = "mail"
    menu_label = _("Emails")
    menu_name = "emails"  # not from the label: the same in every language
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["subject", "to", "kind", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "kind"]
    search_fields = ["to", "subject"]
    ordering = ["-created_at"]
    form_fields = ["status"]
    inspect_template_name = "academy/admin/outbox_inspect.html"
    inspect_view_fields = [
        "to", "subject", "kind", "status", "attempts", "last_error", "created_at",
        "next_attempt_at", "sent_at", "body_text",
    ]

    object_actions = [path("<int:pk>/retry/", outbox_retry_view, name="retry")]


hooks.register(
    "register_admin_viewset",
    lambda: OutboxEmailViewSet("academy_outboxemail", url_prefix="emails"),
)


class BodyViewSet(AcademyModelViewSet):
    """Public bodies officials serve on: staff correct a body's seats or quorum here."""

    model = Body
    icon = "group"
    menu_label = _("Public bodies")
    menu_name = "public-bodies"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "body_type", "state", "seats", "quorum"]
    list_filter = ["state", "body_type"]
    search_fields = ["name"]
    form_fields = ["name", "body_type", "state", "seats", "quorum"]


class BodyMembershipViewSet(AcademyModelViewSet):
    """Officials' terms on bodies (what they record on their profile)."""

    model = BodyMembership
    icon = "user"
    menu_label = _("Terms on bodies")
    menu_name = "terms-on-bodies"
    menu_order = 251
    add_to_admin_menu = True
    list_display = ["user", "body", "seat", "oath_date", "election_date", "left_on"]
    list_filter = ["body__state"]
    search_fields = ["user__email", "user__last_name", "body__name"]
    form_fields = ["user", "body", "seat", "oath_date", "election_date", "left_on", "compensated"]


hooks.register("register_admin_viewset", lambda: BodyViewSet("academy_body", url_prefix="bodies"))
hooks.register(
    "register_admin_viewset",
    lambda: BodyMembershipViewSet("academy_bodymembership", url_prefix="body-terms"),
)
