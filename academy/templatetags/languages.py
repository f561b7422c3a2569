"""The header's language switcher and the page's hreflang links: the current page in each
of the site's languages (academy/i18n.py)."""

from django import template
from django.conf import settings
from django.utils.translation import get_language

from academy.i18n import page_in

register = template.Library()


@register.simple_tag(takes_context=True)
def page_languages(context):
    """[{code, name, url, current}] for the page being shown, in every language."""
    request = context.get("request")
    if request is None:
        return []
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    path = request.get_full_path()
    return [
        {"code": code, "name": name, "url": page_in(path, code), "current": code == current}
        for code, name in settings.LANGUAGES
    ]
