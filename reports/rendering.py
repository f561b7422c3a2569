"""The annual impact report as a PDF (WeasyPrint), the certificates' way: the same safe
asset fetcher (static files only), one font configuration per process, no request."""

import functools
import re

from django.template.loader import render_to_string
from django.utils.translation import gettext
from weasyprint import CSS

from certificates.rendering import (
    ASSET_ORIGIN,
    STATIC_PREFIX,
    AssetFetcher,
    font_config,
    render_html_pdf,
)

from .charts import charts, headline_items, tables

PDF_TEMPLATE = "reports/pdf/impact_report.html"
PDF_CSS = "reports/impact-pdf.css"
LOGO = ASSET_ORIGIN + STATIC_PREFIX + "certificates/logo.jpg"


@functools.cache
def impact_stylesheet() -> CSS:
    return CSS(
        url=ASSET_ORIGIN + STATIC_PREFIX + PDF_CSS,
        url_fetcher=AssetFetcher(),
        font_config=font_config(),
    )


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


COUNTERS = {"%(page)s": "counter(page)", "%(pages)s": "counter(pages)"}


def page_footer_stylesheet() -> CSS:
    """The pages' footers in the active language (the stylesheet's are in English)."""
    left = gettext("Progressive Governance Academy · Impact report")
    # "Page %(page)s of %(pages)s" as CSS: "Page " counter(page) " of " counter(pages)
    parts = re.split(r"(%\(pages?\)s)", gettext("Page %(page)s of %(pages)s"))
    right = " ".join(COUNTERS.get(part) or _css_string(part) for part in parts if part)
    return CSS(
        string=f"@page {{ @bottom-left {{ content: {_css_string(left)}; }}"
        f" @bottom-right {{ content: {right}; }} }}",
        font_config=font_config(),
    )


def render_impact_html(context: dict) -> str:
    report, suppress = context["report"], context["suppress"]
    return render_to_string(
        PDF_TEMPLATE,
        {
            **context,
            "logo_url": LOGO,
            "headline": headline_items(report, suppress=suppress),
            "tables": tables(report, suppress=suppress),
            "charts": charts(report, suppress=suppress),
            "in_pdf": True,
        },
    )


def render_impact_pdf(context: dict) -> bytes:
    """The report as PDF bytes (several Letter pages)."""
    return render_html_pdf(
        render_impact_html(context),
        stylesheets=[impact_stylesheet(), page_footer_stylesheet()],
        one_page=False,
    )
