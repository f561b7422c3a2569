import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "academy.settings")

application = get_wsgi_application()


def warm() -> int:
    """Build once, before gunicorn forks its workers (gunicorn.conf.py `when_ready`), what
    each worker would otherwise build on its first requests: the URL patterns, the
    translation catalogues and every site template compiled by the cached loader. Returns
    the number of templates compiled. Leaves no database connection open in the master."""
    from pathlib import Path

    from django.conf import settings
    from django.db import connections
    from django.template import TemplateDoesNotExist, TemplateSyntaxError
    from django.template.loader import get_template
    from django.urls import get_resolver
    from django.utils import translation

    get_resolver().url_patterns  # noqa: B018 - building the patterns is the point
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Catalog")
    compiled = 0
    base = Path(settings.BASE_DIR)
    roots = [base / "templates"] + [base / app / "templates" for app in
                                    ("academy", "courses", "cohorts", "certificates", "reports")]
    for root in roots:
        for path in sorted(root.rglob("*.html")) if root.is_dir() else ():
            try:
                get_template(str(path.relative_to(root)))
                compiled += 1
            except (TemplateDoesNotExist, TemplateSyntaxError):
                continue  # a template only another loader resolves, or a fragment
    connections.close_all()
    return compiled
