"""Reads for the curriculum: catalog search and module progress (bounded query counts).

Pages call these from get_context; they reach other pages through the page objects they
are given (`catalog.course_pages()`, `course.modules()`), so this module imports only the
completion model and the page models can import it.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.db.models import Count, Q
from wagtail.search.query import And, Phrase, PlainText

from academy.public_cache import remembered

from .models.completion import ModuleCompletion

QUERY_MAX_LENGTH = 200
_WORD = re.compile(r"\w")


def clean_text_param(value: str, limit: int = QUERY_MAX_LENGTH) -> str:
    """A request parameter made safe for any database: control characters (NUL among
    them, which PostgreSQL refuses in text) and unpaired surrogates become spaces."""
    text = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in value[: limit * 2]
    )
    return " ".join(text.split())[:limit]


def search_query(text: str):
    """What a person typed, as a query any search backend accepts, or None if nothing in
    it can be searched for. Text in a pair of double quotes is a phrase; an unpaired
    quote is ignored (it used to reach SQLite's FTS5 as an unterminated string), and
    words without a letter or digit are left out."""
    parts = clean_text_param(text).split('"')
    if len(parts) % 2 == 0:  # an odd number of quotes: the last one has no partner
        parts[-2:] = [parts[-2] + " " + parts[-1]]
    words, phrases = [], []
    for i, part in enumerate(parts):
        tokens = [t for t in part.split() if _WORD.search(t)]
        if i % 2 and len(tokens) > 1:
            phrases.append(Phrase(" ".join(tokens)))
        else:
            words.extend(tokens)
    queries = ([PlainText(" ".join(words))] if words else []) + phrases
    if not queries:
        return None
    return queries[0] if len(queries) == 1 else And(queries)


def catalog_search(catalog, courses, query):
    """Wagtail search across courses and modules.

    Returns (courses, modules): the filtered course queryset narrowed to courses
    that match the query themselves or through one of their modules (best match
    first), and the matching modules (for a "matching modules" list), each with its
    course at hand (`module.course`, no query per module).
    """
    search = search_query(query)
    if search is None:
        return [], []
    steplen = catalog.steplen
    # Which pages match depends on published content alone: remembered with the public
    # pages' cache and forgotten with it when a page is published, unpublished or moved.
    course_hits, module_ids = remembered(
        "catalog-search", (catalog.pk, query),
        lambda: ([c.pk for c in catalog.course_pages().search(search)[:200]],
                 [m.pk for m in catalog.module_pages().search(search)[:50]]),
    )
    modules = list(
        catalog.module_pages()
        .filter(pk__in=module_ids)
        .only("id", "title", "url_path", "path", "depth", "intro")
    )
    by_pk = {m.pk: m for m in modules}
    modules = [by_pk[pk] for pk in module_ids if pk in by_pk]
    parent_paths = {m.path[:-steplen] for m in modules}

    allowed = courses.filter(Q(pk__in=course_hits) | Q(path__in=parent_paths))
    rank = {pk: i for i, pk in enumerate(course_hits)}
    ordered = sorted(allowed, key=lambda c: (rank.get(c.pk, len(rank)), c.title))
    course_by_path = {c.path: c for c in ordered}
    modules = [m for m in modules if m.path[:-steplen] in course_by_path]
    for module in modules:
        module._cached_parent_obj = course_by_path[module.path[:-steplen]]
    return ordered, modules


@dataclass
class CourseProgress:
    """A learner's progress through one course: required modules done / required."""

    required_total: int = 0
    required_done: int = 0
    completed_ids: set = field(default_factory=set)
    signed_in: bool = False

    @property
    def percent(self):
        if not self.required_total:
            return 0
        return round(100 * self.required_done / self.required_total)

    @property
    def complete(self):
        return self.required_total > 0 and self.required_done >= self.required_total


def modules_by_course(courses, *, required_only=False) -> dict[int, list]:
    """{course.pk: [module, ...]} of the live modules of many courses, in one query."""
    courses = list(courses)
    result = {c.pk: [] for c in courses}
    if not courses:
        return result
    model = type(courses[0]).modules_model()
    path_filter = Q()
    for course in courses:
        path_filter |= Q(path__startswith=course.path, depth=course.depth + 1)
    modules = model.objects.live().filter(path_filter).only("id", "path", "required")
    if required_only:
        modules = modules.filter(required=True)
    by_path = {c.path: c.pk for c in courses}
    steplen = model.steplen
    for module in modules:
        course_pk = by_path.get(module.path[:-steplen])
        if course_pk is not None:
            result[course_pk].append(module)
    return result


def completed_module_ids(user_ids, module_ids, among=None) -> dict[int, set]:
    """{user_id: {module_id, ...}} completed, among `module_ids`, in one query. `among`:
    a query of the same users' ids, sent instead of the list (a whole cohort's)."""
    result = {uid: set() for uid in user_ids}
    if result and module_ids:
        for user_id, module_id in ModuleCompletion.objects.filter(
            user_id__in=list(result) if among is None else among,
            module_id__in=list(module_ids),
        ).values_list("user_id", "module_id"):
            if user_id in result:
                result[user_id].add(module_id)
    return result


def required_done_by_course(user_ids, courses, among=None) -> dict[int, dict[int, tuple]]:
    """{course.pk: {user_id: (required done, required total)}} for many learners and
    courses in two queries (not two per course). `among`: a query of the same users' ids
    (a whole cohort's), which the database reads instead of a long list of ids."""
    required = {pk: {m.pk for m in mods} for pk, mods in
                modules_by_course(courses, required_only=True).items()}
    if len(required) == 1:  # one course: the database counts, one row per learner
        [(course_pk, ids)] = required.items()
        done = dict(
            ModuleCompletion.objects.filter(
                user_id__in=list(user_ids) if among is None else among, module_id__in=ids)
            .values_list("user_id").annotate(n=Count("pk")).order_by()
        ) if ids and user_ids else {}
        return {course_pk: {uid: (done.get(uid, 0), len(ids)) for uid in user_ids}}
    done = completed_module_ids(user_ids, set().union(*required.values()) if required else (),
                                among)
    return {
        course_pk: {uid: (len(done[uid] & ids), len(ids)) for uid in done}
        for course_pk, ids in required.items()
    }


def required_modules_done(user_ids, course) -> dict[int, tuple[int, int]]:
    """For many learners of one course: {user_id: (required_done, required_total)}."""
    return required_done_by_course(user_ids, [course])[course.pk]


def original_ids(pages) -> dict[int, int]:
    """{page.pk: pk of its original}: a translated module counts as the module it
    translates (completions are recorded against the original). No query when every page
    is in the default language, one otherwise."""
    from django.conf import settings
    from wagtail.models import Page

    from .models.routing import locale_language

    originals = {p.pk: p.pk for p in pages}
    translated = [p for p in pages if locale_language(p.locale_id) != settings.LANGUAGE_CODE]
    if translated:
        by_key = dict(
            Page.objects.filter(
                translation_key__in=[p.translation_key for p in translated],
                locale__language_code=settings.LANGUAGE_CODE,
            ).values_list("translation_key", "pk")
        )
        originals.update({p.pk: by_key.get(p.translation_key, p.pk) for p in translated})
    return originals


def course_progress(user, course, *, modules=None) -> CourseProgress:
    """Progress of `user` through `course` (or its translation), in at most three queries."""
    if modules is None:
        modules = list(course.modules().only("id", "required", "translation_key", "locale"))
    if not getattr(user, "is_authenticated", False):
        return _progress(user, modules, set())
    originals = original_ids(modules)
    done = completed_module_ids([user.pk], set(originals.values()))[user.pk]
    return _progress(user, modules, {pk for pk, original in originals.items() if original in done})


def progress_by_course(user, courses) -> dict[int, CourseProgress]:
    """{course.pk: CourseProgress} for many courses in two queries (not two per course)."""
    modules = modules_by_course(courses)
    signed_in = getattr(user, "is_authenticated", False)
    all_ids = {m.pk for mods in modules.values() for m in mods}
    done = completed_module_ids([user.pk], all_ids)[user.pk] if signed_in else set()
    return {pk: _progress(user, mods, done) for pk, mods in modules.items()}


def _progress(user, modules, done) -> CourseProgress:
    ids = {m.pk for m in modules}
    required = {m.pk for m in modules if m.required}
    done = done & ids
    return CourseProgress(
        required_total=len(required),
        required_done=len(done & required),
        completed_ids=done,
        signed_in=getattr(user, "is_authenticated", False),
    )
