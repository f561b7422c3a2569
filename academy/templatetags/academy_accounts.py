from django import template

from academy.accounts import admin_continue_url as _admin_continue_url

register = template.Library()


@register.simple_tag(takes_context=True)
def admin_continue_url(context):
    """{% admin_continue_url as url %}: "" unless someone sent to set up two-factor
    authentication on their way to the admin now has it (academy.accounts)."""
    request = context.get("request")
    return _admin_continue_url(request) if request is not None else ""
