"""Curriculum pages: AcademyHomePage -> CatalogPage -> CoursePage -> ModulePage."""

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from academy.inputs import bounded
from academy.models import Organization
from academy.public_cache import remembered

from ..blocks import ModuleBodyBlock
from ..forms import CoursePageForm, ModulePageForm
from ..selectors import catalog_search, clean_text_param, course_progress
from .routing import LocalizedPageMixin, SpecificChildRouteMixin
from .taxonomy import CourseFormat, Pillar, PolicyArea


class AcademyHomePage(LocalizedPageMixin, SpecificChildRouteMixin, Page):
    hero_heading = models.CharField(max_length=200, blank=True)
    hero_text = models.TextField(**bounded(1000, blank=True))
    intro = RichTextField(blank=True, features=["bold", "italic", "link", "ol", "ul"])

    content_panels = Page.content_panels + [
        FieldPanel("hero_heading"),
        FieldPanel("hero_text"),
        FieldPanel("intro"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CatalogPage"]
    max_count = 2  # one per content language (WAGTAIL_CONTENT_LANGUAGES): English, Spanish
    child_model_name = "CatalogPage"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_courses"] = (
            CoursePage.objects.live()
            .public()
            .descendant_of(self)
            .order_by("-first_published_at")
            .prefetch_related("pillars", "policy_areas", "co_authors", card_images())
            .only(
                "id", "title", "url_path", "path", "depth", "summary", "format",
                "estimated_hours", "image", "image_alt",
            )[:3]
        )
        context["catalog"] = CatalogPage.objects.live().descendant_of(self).first()
        return context


class CatalogPage(LocalizedPageMixin, SpecificChildRouteMixin, Page):
    """Lists courses with filters (pillar, policy area, format) and Wagtail search."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link", "ol", "ul"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["courses.AcademyHomePage"]
    subpage_types = ["courses.CoursePage"]

    PER_PAGE = 24
    child_model_name = "CoursePage"

    def course_pages(self):
        """Live, public courses of this catalog (unordered: search ranks them). A
        translated catalog also lists the courses of its source catalog that have no
        translation yet (they are shown in English, with a note)."""
        courses = CoursePage.objects.live().public()
        source = self.source_translation()
        if source is None:
            return courses.child_of(self)
        translated = CoursePage.objects.child_of(self).values("translation_key")
        return courses.filter(
            courses.child_of_q(self)
            | (courses.child_of_q(source) & ~Q(translation_key__in=translated))
        )

    def courses(self):
        return self.course_pages().order_by("title")

    def module_pages(self):
        """Live, public modules of every course of this catalog (and, for a translated
        catalog, of the untranslated courses it lists)."""
        modules = ModulePage.objects.live().public()
        source = self.source_translation()
        if source is None:
            return modules.descendant_of(self)
        in_listed_course = Q(pk__in=[])
        for path in self.course_pages().values_list("path", flat=True):
            in_listed_course |= Q(path__startswith=path, depth=self.depth + 2)
        return modules.filter(in_listed_course)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pillar, area, fmt, query = (
            clean_text_param(request.GET.get(name, ""))
            for name in ("pillar", "area", "format", "q")
        )
        number = clean_text_param(request.GET.get("page", ""))[:12]
        # The same for every visitor: kept with the public pages, so a signed-in search
        # costs what an anonymous one does; a publish forgets it.
        listing = remembered(
            "catalog-listing", (self.pk, get_language(), pillar, area, fmt, query, number),
            lambda: render_to_string("courses/includes/catalog_listing.html",
                                     self._listing(request, pillar, area, fmt, query, number)),
        )
        context.update(
            {
                "listing": mark_safe(listing),  # our template's own, escaped output  # noqa: S308
                "query": query,
                "pillars": Pillar.for_language(),
                "policy_areas": PolicyArea.for_language(),
                "formats": CourseFormat.choices,
                "selected": {"pillar": pillar, "area": area, "format": fmt},
                "filtered": bool(pillar or area or fmt or query),
            }
        )
        return context

    def _listing(self, request, pillar, area, fmt, query, number) -> dict:
        """The matching courses (one page of cards) and modules: the listing's context."""
        courses = self.courses()
        if pillar:
            courses = courses.filter(pillars__slug=pillar)
        if area:
            courses = courses.filter(policy_areas__slug=area)
        if fmt in CourseFormat.values:
            courses = courses.filter(format=fmt)
        courses = courses.distinct()

        modules = []
        if query:
            courses, modules = catalog_search(self, courses, query)
        paginator = Paginator(_with_listing_data(courses), self.PER_PAGE)
        try:
            page_obj = paginator.page(number or 1)
        except (PageNotAnInteger, EmptyPage):
            page_obj = paginator.page(1)
        filters = (("q", query), ("pillar", pillar), ("area", area), ("format", fmt))
        return {"request": request, "page": self, "page_obj": page_obj,
                "page_query": urlencode([(name, value) for name, value in filters if value]),
                "courses": page_obj.object_list, "matching_modules": modules, "query": query,
                "selected": {"pillar": pillar, "area": area, "format": fmt}}


def _terms_in_language(terms, model):
    """A course's pillars or policy areas as the active language names them (their
    translations, else as they are), in one query like `list(terms.all())`."""
    if get_language() is None or get_language()[:2] == settings.LANGUAGE_CODE:
        return list(terms.all())
    return list(model.for_language().filter(translation_key__in=terms.values("translation_key")))


def _parent_url(url):
    """The URL one level up, without a query (pages nest by URL path)."""
    url = (url or "/").rstrip("/")
    return url[: url.rfind("/") + 1] or "/"


CARD_IMAGE = "fill-640x360"
HERO_IMAGE = "fill-1200x675"


def card_images():
    """Prefetch of course images with their card rendition (one query for the images, one
    for the renditions, however many cards; `{% image course.image fill-640x360 %}`)."""
    return models.Prefetch(
        "image", queryset=get_image_model().objects.prefetch_renditions(CARD_IMAGE)
    )


def _with_listing_data(courses):
    """Everything a course card needs, in a fixed number of queries (no N+1 per card)."""
    if isinstance(courses, list):
        ids = [c.pk for c in courses]
        ordered = {pk: i for i, pk in enumerate(ids)}
        qs = CoursePage.objects.filter(pk__in=ids)
    else:
        qs = courses
        ordered = None
    module_count = models.Subquery(
        ModulePage.objects.live()
        .filter(path__startswith=models.OuterRef("path"), depth=models.OuterRef("depth") + 1)
        .order_by()
        .values("depth")
        .annotate(n=Count("id"))
        .values("n")[:1],
        output_field=models.IntegerField(),
    )
    qs = qs.annotate(live_module_count=module_count).prefetch_related(
        "pillars", "policy_areas", "co_authors", card_images()
    )
    if ordered is not None:
        return sorted(qs, key=lambda c: ordered[c.pk])
    return qs


class CoursePage(LocalizedPageMixin, SpecificChildRouteMixin, Page):
    summary = models.TextField(
        **bounded(1000, help_text=_("Two or three sentences shown in the catalog.")))
    outcomes = StreamField(
        [("outcome", blocks.CharBlock(max_length=300, label=_("Outcome")))],
        blank=True,
        help_text=_("What learners will be able to do after the course."),
    )
    pillars = ParentalManyToManyField(Pillar, blank=True, related_name="courses")
    policy_areas = ParentalManyToManyField(PolicyArea, blank=True, related_name="courses")
    format = models.CharField(
        max_length=20, choices=CourseFormat.choices, default=CourseFormat.LIVE_ONLINE
    )
    estimated_hours = models.DecimalField(max_digits=5, decimal_places=1, default=1)
    # State training requirements (certificates/rules/): the topics the course covers
    # (slugs of vocabulary.toml) and the requirement ids it may count toward. The official
    # or their clerk confirms what counts; these only say where the course may.
    training_topics = models.JSONField(default=list, blank=True)
    counts_toward = models.JSONField(default=list, blank=True)
    co_authors = ParentalManyToManyField(
        Organization,
        blank=True,
        related_name="courses",
        help_text=_("Partner organisations whose authors may draft modules of this course."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on the course's card in the catalog and on the home page, and at "
                    "the top of the course page (cropped to 16:9)."),
    )
    image_alt = models.CharField(
        _("Alt text"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Required with an "
                    "image, unless the image has a description in the image library."),
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("outcomes"),
        index.FilterField("format"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("outcomes"),
        MultiFieldPanel(
            [
                FieldPanel("pillars", widget=forms.CheckboxSelectMultiple),
                FieldPanel("policy_areas", widget=forms.CheckboxSelectMultiple),
                FieldPanel("format"),
                FieldPanel("estimated_hours"),
            ],
            heading=_("Catalog"),
        ),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        MultiFieldPanel(
            [FieldPanel("training_topics"), FieldPanel("counts_toward")],
            heading=_("State training requirements"),
        ),
        FieldPanel("co_authors", widget=forms.CheckboxSelectMultiple),
    ]

    parent_page_types = ["courses.CatalogPage"]
    base_form_class = CoursePageForm
    subpage_types = ["courses.ModulePage"]
    child_model_name = "ModulePage"
    fallback_note_kind = "course"

    def modules(self):
        return ModulePage.objects.live().public().child_of(self)

    @property
    def image_alt_text(self):
        """The image's alt text: the page's own, else the image's description."""
        if self.image is None:
            return ""
        return self.image_alt or getattr(self.image, "description", "")

    @staticmethod
    def modules_model():
        return ModulePage

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        modules = list(
            self.modules()
            .only(
                "id",
                "title",
                "slug",
                "url_path",
                "path",
                "depth",
                "intro",
                "estimated_minutes",
                "required",
                "translation_key",
                "locale",
            )
            .prefetch_related("authors")
        )
        context["modules"] = modules
        context["catalog_url"] = _parent_url(self.get_url(request))
        context["progress"] = course_progress(request.user, self, modules=modules)
        context["co_authors"] = list(self.co_authors.all())
        context["pillars"] = _terms_in_language(self.pillars, Pillar)
        context["policy_areas"] = _terms_in_language(self.policy_areas, PolicyArea)
        return context


class ModulePage(LocalizedPageMixin, Page):
    intro = models.TextField(
        **bounded(1000, blank=True, help_text=_("One or two sentences shown in lists.")))
    body = StreamField(ModuleBodyBlock(), blank=True)
    estimated_minutes = models.PositiveIntegerField(default=30)
    required = models.BooleanField(
        default=True, help_text=_("Required modules count towards course completion.")
    )
    authors = ParentalManyToManyField(
        Organization,
        blank=True,
        related_name="authored_modules",
        help_text=_("Organizations that wrote this module. A partner author's own "
                    "organisation is added automatically when they save."),
    )

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("estimated_minutes"),
                FieldPanel("required"),
                FieldPanel("authors", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Module details"),
        ),
    ]

    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []
    fallback_note_kind = "module"
    base_form_class = ModulePageForm

    @cached_property
    def course(self):
        parent = getattr(self, "_cached_parent_obj", None)  # set by CoursePage.route
        if isinstance(parent, CoursePage):
            return parent
        return CoursePage.objects.get(path=self.path[: -self.steplen])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        course = self.course
        siblings = list(
            ModulePage.objects.live()
            .child_of(course)
            .only("id", "title", "slug", "url_path", "path", "depth", "required",
                  "translation_key", "locale")
        )
        index_of = next((i for i, m in enumerate(siblings) if m.pk == self.pk), None)
        context["course"] = course
        context["catalog_url"] = _parent_url(course.get_url(request))
        context["siblings"] = siblings
        context["previous_module"] = siblings[index_of - 1] if index_of else None
        context["next_module"] = (
            siblings[index_of + 1]
            if index_of is not None and index_of + 1 < len(siblings)
            else None
        )
        context["module_authors"] = list(self.authors.all())
        context["progress"] = course_progress(request.user, course, modules=siblings)
        context["completed"] = self.pk in context["progress"].completed_ids
        return context
