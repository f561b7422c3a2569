"""My learning shows the official's state training requirements through this tag (the
cohorts app sits below certificates and does not import it)."""

from django import template
from django.utils import timezone

from certificates.requirements import requirement_rows

register = template.Library()


@register.inclusion_tag("certificates/includes/my_requirements.html")
def my_requirements(user):
    today = timezone.localdate(timezone=user.tzinfo)
    rows = requirement_rows([user.pk], today=today).get(user.pk, [])
    return {"rows": rows, "today": today}
