"""Read and check the curriculum's data files (courses/demo_data/*.toml, see its README).

The rules for each value are the ones the page editor applies: a page field is cleaned by
its model field, a body block by its block in courses/blocks.py (so a new block or field
there is usable in the files with no change here). Rich text is written in Markdown
(academy/markdown.py). Any mistake raises a `DataFileError` naming the file and the field.
"""

import json
import uuid
from pathlib import Path

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.models import Page

from academy.datafiles import MISSING, DataFileError, Table, display_path, messages, read_toml
from academy.demo import load_organizations

from .forms import _requirement_choices, _topic_choices
from .models import AcademyHomePage, CatalogPage, CoursePage, ModulePage, Pillar, PolicyArea

DATA_DIR = Path(__file__).resolve().parent / "demo_data"
IMAGES_DIR = Path(__file__).resolve().parent / "demo_images"
SITE_FILES = {"site", "taxonomy"}


def load(data_dir: Path | None = None) -> dict:
    """Everything in the folder, checked: taxonomy, home and catalog, courses in order."""
    data_dir = data_dir or DATA_DIR
    site = _site(data_dir, data_dir)
    courses = [_course(read_toml(data_dir / f"{slug}.toml"), slug, site["known"])
               for slug in site["order"]]
    return {**site["content"], "courses": courses}


def load_translation(language: str, data_dir: Path | None = None) -> dict:
    """The curriculum's translation in `data_dir`/<language>/ (courses/demo_data/es/),
    checked like the English files: the same keys, paired with the English by slug.
    Its site.toml lists every course of the catalog; a course with no file in the folder
    has no translation yet (the site shows it in English)."""
    english = data_dir or DATA_DIR
    data_dir = english / language
    site = _site(data_dir, english)  # the English catalog's courses
    files = {p.stem for p in data_dir.glob("*.toml")} - SITE_FILES
    stray = sorted(files - set(site["order"]))
    if stray:
        raise DataFileError(data_dir / f"{stray[0]}.toml", "",
                            "there is no English course of this name to translate")
    courses = [
        _course(read_toml(data_dir / f"{slug}.toml"), slug, site["known"])
        for slug in site["order"]
        if slug in files
    ]
    return {**site["content"], "courses": courses}


def _site(data_dir: Path, courses_dir: Path) -> dict:
    """taxonomy.toml and site.toml of `data_dir`, checked: the terms, the home and catalog
    pages, the catalog's course order (its courses are files of `courses_dir`) and the
    slugs a course file may name."""
    taxonomy = read_toml(data_dir / "taxonomy.toml")
    terms = {
        "pillars": _terms(taxonomy, "pillars", Pillar),
        "policy_areas": _terms(taxonomy, "policy_areas", PolicyArea),
    }
    taxonomy.done()

    site = read_toml(data_dir / "site.toml")
    home = site.table("home")
    home_fields = home.model_fields(AcademyHomePage, "title", hero_heading="", hero_text="",
                                    intro="")
    home.done()
    catalog = site.table("catalog")
    catalog_fields = catalog.model_fields(CatalogPage, "title", intro="")
    order = _course_order(catalog, courses_dir)
    catalog.done()
    site.done()

    known = {key: [t["slug"] for t in rows] for key, rows in terms.items()}
    known["organisations"] = [o["slug"] for o in load_organizations()]
    content = {**terms, "home": home_fields, "catalog": catalog_fields}
    return {"content": content, "order": order, "known": known}


def _terms(table: Table, key: str, model) -> list[dict]:
    rows, seen = [], set()
    for entry in table.tables(key):
        row = entry.model_fields(model, "name", "slug", description="")
        entry.unique("slug", row["slug"], seen)
        entry.done()
        rows.append(row)
    return rows


def _course_order(catalog: Table, data_dir: Path) -> list[str]:
    """The [catalog] courses list: one slug per course file, every file listed once."""
    files = {p.stem for p in data_dir.glob("*.toml")} - SITE_FILES
    order, seen = catalog.strings("courses"), set()
    for i, slug in enumerate(order, 1):
        if slug not in files:
            raise catalog.error(f"courses[{i}]", f"there is no file {slug}.toml next to this one")
        catalog.unique(f"courses[{i}]", slug, seen)
    unlisted = sorted(files - set(order))
    if unlisted:
        raise DataFileError(
            data_dir / f"{unlisted[0]}.toml", "",
            f"this course is not in the courses list of {display_path(data_dir / 'site.toml')}"
            " (the list gives the order in which courses are added); add it there",
        )
    return order


def _course(table: Table, slug: str, known: dict) -> dict:
    try:
        Page._meta.get_field("slug").clean(slug, None)
    except ValidationError as error:
        raise DataFileError(table.path, "", f"the file name is the course's address: "
                            f"{messages(error)}") from None
    fields = table.model_fields(CoursePage, "title", "summary", "format", "estimated_hours",
                                image_alt="")
    fields["slug"] = slug
    fields["training_topics"] = table.choices("training_topics", [t for t, _ in _topic_choices()])
    fields["counts_toward"] = table.choices(
        "counts_toward", [r for r, _ in _requirement_choices()]
    )
    image = _course_image(table, fields["image_alt"])
    outcome = CoursePage._meta.get_field("outcomes").stream_block.child_blocks["outcome"]
    fields["outcomes"] = json.dumps([
        _stream_child("outcome", _clean(table, f"outcomes[{i}]", outcome, value), outcome)
        for i, value in enumerate(table.strings("outcomes", []), 1)
    ])
    course = {
        "fields": fields,
        "pillars": table.choices("pillars", known["pillars"]),
        "policy_areas": table.choices("policy_areas", known["policy_areas"]),
        "co_authors": table.choices("co_authors", known["organisations"]),
        "image": image,
        "modules": [],
    }
    slugs = set()
    for module in table.tables("modules"):
        row = _module(module, known["organisations"])
        module.unique("slug", row["fields"]["slug"], slugs)
        course["modules"].append(row)
    table.done()
    return course


def _course_image(table: Table, alt: str) -> Path | None:
    """The course's image: a file in courses/demo_images/, with its alt text."""
    name = table.text("image", "")
    if not name:
        return None
    path = IMAGES_DIR / name
    if Path(name).name != name or not path.is_file():
        choices = ", ".join(sorted(p.name for p in IMAGES_DIR.glob("*.jpg")))
        folder = IMAGES_DIR.relative_to(IMAGES_DIR.parents[1])
        raise table.error("image", f"there is no image {name!r} in {folder}; choose one "
                          f"of: {choices}")
    if not alt:
        raise table.error("image_alt", "an image needs alt text: say what it shows, for "
                          "people who cannot see it")
    return path


def _module(table: Table, organisations: list[str]) -> dict:
    fields = table.model_fields(
        ModulePage, "title", "slug", "estimated_minutes", intro="", required=True
    )
    body = ModulePage._meta.get_field("body").stream_block
    fields["body"] = json.dumps([_body_block(b, body) for b in table.tables("body", [])])
    authors = table.choices("authors", organisations)
    table.done()
    return {"fields": fields, "authors": authors}


def _body_block(table: Table, stream: blocks.StreamBlock) -> dict:
    """One [[modules.body]] entry: `type` names the block, the other fields are its own.
    A block that is a single value (the "text" block) takes it in a field of its name."""
    kind = table.text("type")
    block = stream.child_blocks.get(kind)
    if block is None:
        raise table.error("type", f"no block type {kind!r}; choose one of: "
                          f"{', '.join(stream.child_blocks)}")
    if isinstance(block, blocks.StructBlock):
        raw = {
            name: _read(table, name, child)
            for name, child in block.child_blocks.items()
            if not isinstance(child, blocks.ChooserBlock)  # documents: chosen in the admin
        }
        value = _clean(table, None, block, raw)
    else:
        value = _clean(table, kind, block, _read(table, kind, block))
    table.done()
    return _stream_child(kind, value, block)


def _read(table: Table, name: str, block: blocks.Block):
    """The raw value for `block` from field `name`, of the type the block expects."""
    if isinstance(block, blocks.ListBlock):
        return table.strings(name, [])
    required = getattr(block, "required", False)
    if isinstance(block, blocks.RichTextBlock):
        return table.markdown(name, MISSING if required else "")
    if isinstance(block, (blocks.IntegerBlock, blocks.FloatBlock, blocks.DecimalBlock)):
        return table.value(name, int, MISSING if required else None)
    if isinstance(block, blocks.BooleanBlock):
        return table.value(name, bool, block.get_default() or False)
    default = block.get_default()
    value = table.text(name, default if default else (MISSING if required else ""))
    if isinstance(block, blocks.ChoiceBlock) and value:
        table.choice(name, value, [choice for choice, _ in block.field.choices])
    return value


def _clean(table: Table, field: str | None, block: blocks.Block, raw):
    try:
        return block.clean(block.to_python(raw))
    except ValidationError as error:
        path, message = _first_error(error)
        where = ".".join(p for p in (field, path) if p) or None
        raise table.error(where, message) from None


def _first_error(error: ValidationError) -> tuple[str, str]:
    """(field path, message) of the first error inside a struct or list block error."""
    for key, inner in (getattr(error, "block_errors", None) or {}).items():
        path, message = _first_error(inner)
        here = f"[{key + 1}]" if isinstance(key, int) else str(key)
        return (f"{here}.{path}" if path and not path.startswith("[") else here + path), message
    non_block = getattr(error, "non_block_errors", None)
    if non_block:
        return "", " ".join(e.messages[0] for e in non_block.as_data())
    return "", messages(error)


def _stream_child(kind: str, value, block: blocks.Block) -> dict:
    return {"type": kind, "value": block.get_prep_value(value), "id": str(uuid.uuid4())}
