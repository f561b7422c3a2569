"""StreamField blocks for module bodies (bakerydemo style: small StructBlocks, one StreamBlock)."""

import re
from urllib.parse import parse_qs, urlparse

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from academy.models import JurisdictionType, USState


class AcademyStructBlock(blocks.StructBlock):
    """A module body block; its template is templates/blocks/<snake_case name>.html."""

    def get_template(self, value=None, context=None):
        name = re.sub(r"(?<!^)(?=[A-Z])", "_", type(self).__name__).lower()
        return f"blocks/{name}.html"


class HeadingBlock(AcademyStructBlock):
    text = blocks.CharBlock(max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))], default="h2"
    )

    class Meta:
        icon = "title"
        description = _("A section heading (appears in the module outline).")
        preview_value = {"text": "Mapping power in your jurisdiction", "level": "h2"}


def video_embed_url(url: str) -> str | None:
    """Privacy-friendly embed URL for YouTube and Vimeo, computed locally (no oEmbed call)."""
    parsed = urlparse(url)
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    video_id = None
    if host in {"youtube.com", "youtube-nocookie.com"}:
        if parsed.path == "/watch":
            video_id = parse_qs(parsed.query).get("v", [None])[0]
        elif parsed.path.startswith(("/embed/", "/shorts/", "/live/")):
            video_id = parsed.path.split("/")[2]
    elif host == "youtu.be":
        video_id = parsed.path.lstrip("/").split("/")[0]
    if video_id and re.fullmatch(r"[\w-]{6,20}", video_id):
        return f"https://www.youtube-nocookie.com/embed/{video_id}"
    if host in {"vimeo.com", "player.vimeo.com"}:
        match = re.search(r"/(\d{5,12})(?:$|/|\?)", parsed.path + "/")
        if match:
            return f"https://player.vimeo.com/video/{match.group(1)}?dnt=1"
    return None


class VideoBlock(AcademyStructBlock):
    """A video with a title and transcript; YouTube/Vimeo play in place, anything else links out."""

    url = blocks.URLBlock(help_text=_("YouTube or Vimeo address, or any video page."))
    title = blocks.CharBlock(max_length=200, help_text=_("Used as the player's accessible name."))
    duration_minutes = blocks.IntegerBlock(required=False, min_value=1)
    transcript = blocks.RichTextBlock(
        required=False, features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("A transcript or summary for people who cannot watch the video."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed_url"] = video_embed_url(value["url"])
        return context

    class Meta:
        icon = "media"
        description = _("A video, played in place for YouTube and Vimeo, with a transcript.")
        preview_value = {
            "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "title": "Governing as an organizer: an introduction",
        }


class ReadingBlock(AcademyStructBlock):
    title = blocks.CharBlock(max_length=250)
    source = blocks.CharBlock(
        max_length=250, required=False, help_text=_("Author, publisher or organisation.")
    )
    url = blocks.URLBlock(required=False, help_text=_("Link to the reading, if it is online."))
    document = DocumentChooserBlock(required=False, help_text=_("Or attach a document."))
    note = blocks.TextBlock(required=False, help_text=_("Why it matters, or what to look for."))
    estimated_minutes = blocks.IntegerBlock(required=False, min_value=1)

    class Meta:
        icon = "doc-full"
        description = _("A reading or document, with a note on why to read it.")


FACILITATORS_ONLY = _(
    "For facilitators only: shown to the facilitators of the course's cohorts and to "
    "academy staff, never to learners."
)


class DiscussionPromptBlock(AcademyStructBlock):
    question = blocks.TextBlock()
    guidance = blocks.TextBlock(
        required=False, label=_("Facilitator guidance"),
        help_text=_(
            "How to run the discussion. For facilitators only: shown to the facilitators of "
            "the course's cohorts and to academy staff, never to learners."
        ),
    )

    def get_searchable_content(self, value):
        # Learners search the catalog: what only facilitators see is not a match for them.
        return [value["question"]]

    class Meta:
        icon = "openquote"
        description = _("A question for the cohort to discuss.")
        preview_value = {"question": "Who holds power over housing decisions where you serve?"}


class ActivityBlock(AcademyStructBlock):
    title = blocks.CharBlock(max_length=200)
    duration_minutes = blocks.IntegerBlock(required=False, min_value=1)
    instructions = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])
    deliverable = blocks.CharBlock(
        max_length=300, required=False, help_text=_("What the learner produces.")
    )

    class Meta:
        icon = "tasks"
        description = _("A hands-on exercise with instructions and an output.")


class CaseStudyBlock(AcademyStructBlock):
    title = blocks.CharBlock(max_length=200)
    jurisdiction = blocks.CharBlock(max_length=200, help_text=_("For example: City of Durham."))
    jurisdiction_type = blocks.ChoiceBlock(choices=JurisdictionType.choices, required=False)
    state = blocks.ChoiceBlock(choices=USState.choices, required=False)
    year = blocks.IntegerBlock(required=False, min_value=1900, max_value=2100)
    summary = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])
    lessons = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Lessons"), min_num=0)

    class Meta:
        icon = "site"
        description = _("What a named jurisdiction did, and what others can learn from it.")


class CalloutBlock(AcademyStructBlock):
    style = blocks.ChoiceBlock(
        choices=[
            ("info", _("Note")), ("tip", _("Tip")), ("warning", _("Watch out")),
            ("key", _("Key idea")),
        ],
        default="info",
    )
    title = blocks.CharBlock(max_length=200, required=False)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "warning"
        description = _("A highlighted note, tip, warning or key idea.")


class FacilitatorNoteBlock(AcademyStructBlock):
    """Notes for whoever runs the session (timing, sensitivities, answers to expect)."""

    title = blocks.CharBlock(max_length=200, required=False)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])

    def get_searchable_content(self, value):
        return []

    class Meta:
        icon = "user"
        label = _("Facilitator note (for facilitators only)")
        description = FACILITATORS_ONLY
        preview_value = {"text": "Give people two minutes to write before anyone speaks."}


class ModuleBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul", "blockquote", "document-link"],
        template="blocks/text_block.html",
        icon="pilcrow",
    )
    heading = HeadingBlock()
    video = VideoBlock()
    reading = ReadingBlock()
    discussion_prompt = DiscussionPromptBlock()
    activity = ActivityBlock()
    case_study = CaseStudyBlock()
    callout = CalloutBlock()
    facilitator_note = FacilitatorNoteBlock()
