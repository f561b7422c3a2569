"""An official's transcript: the page, CSV, PDF and the shareable link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from academy.exports import csv_response

from ..models import TranscriptLink
from ..transcripts import (
    CSV_HEADER,
    transcript_csv_rows,
    transcript_link_for,
    transcript_link_reset,
    transcript_rows,
    transcript_share_url,
)
from .public import _rate_limited


def _transcript_context(user, link):
    return {
        "name": user.printed_name,
        "rows": transcript_rows(user),
        "share_url": transcript_share_url(link),
        "generated_at": timezone.localtime(timezone=user.tzinfo),
    }


@login_required
def transcript(request):
    context = _transcript_context(request.user, transcript_link_for(request.user))
    return render(request, "certificates/transcript.html", context)


@login_required
def transcript_csv(request):
    rows = transcript_rows(request.user)
    return csv_response("transcript.csv", CSV_HEADER, transcript_csv_rows(rows))


@login_required
def transcript_pdf(request):
    from ..rendering import ASSET_ORIGIN, STATIC_PREFIX, render_transcript_pdf  # WeasyPrint

    context = _transcript_context(request.user, transcript_link_for(request.user))
    context["logo_url"] = ASSET_ORIGIN + STATIC_PREFIX + "certificates/logo.jpg"
    response = HttpResponse(render_transcript_pdf(context), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="transcript.pdf"'
    return response


@login_required
@require_POST
def transcript_link_reset_view(request):
    transcript_link_reset(user=request.user)
    messages.success(request, _("Your transcript has a new link; the old one no longer works."))
    return redirect("transcript")


def transcript_shared(request, token):
    if _rate_limited(request):
        return render(request, "certificates/rate_limited.html", status=429)
    link = TranscriptLink.objects.select_related("user").filter(token=token).first()
    if link is None:
        raise Http404
    context = _transcript_context(link.user, link) | {"shared": True}
    return render(request, "certificates/transcript.html", context)
