"""For the email layout (templates/emails/layout.txt|html)."""

from django import template

from academy.outbox import email_context

register = template.Library()


@register.simple_tag(takes_context=True)
def email_site(context):
    """`{% email_site as site %}`: the academy's name and addresses, from the email's
    context or, for an email rendered without it (Wagtail's comment notifications), from
    settings."""
    defaults = email_context()
    return {key: context.get(key) or value for key, value in defaults.items()}
