"""The seed data files: the shipped ones load, and a mistake is reported with its file
and field (by the loaders, and by seed_demo without a traceback)."""

import re
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from academy import demo as academy_demo
from academy.datafiles import DataFileError
from courses import demo_files
from courses.blocks import ModuleBodyBlock
from courses.models import CoursePage, Pillar

TAXONOMY = """
[[pillars]]
name = "Racial justice"
slug = "racial-justice"

[[policy_areas]]
name = "Housing"
slug = "housing"
description = "Keeping renters housed."
"""
SITE = """
[home]
title = "Academy"
intro = "Start **here**."

[catalog]
title = "Catalog"
courses = ["first-course"]
"""
COURSE = """
title = "First course"
format = "hybrid"
estimated_hours = 2
pillars = ["racial-justice"]
policy_areas = ["housing"]
co_authors = ["governance-academy"]
summary = "A summary."
outcomes = ["Do one thing"]

[[modules]]
title = "One"
slug = "one"
estimated_minutes = 30
authors = ["governance-academy"]

[[modules.body]]
type = "text"
text = "Hello."

[[modules.body]]
type = "case_study"
title = "A case"
jurisdiction = "A county"
state = "OH"
summary = "What happened."
lessons = ["First lesson", "Second lesson"]
"""
COURSE_FILE = "courses/demo_data/first-course.toml"


@pytest.fixture
def data_dir(tmp_path, settings):
    settings.BASE_DIR = tmp_path  # error messages show paths relative to the project
    folder = tmp_path / "courses" / "demo_data"
    folder.mkdir(parents=True)
    for name, text in (("taxonomy", TAXONOMY), ("site", SITE), ("first-course", COURSE)):
        (folder / f"{name}.toml").write_text(text, encoding="utf-8")
    return folder


def edit(path: Path, old: str, new: str):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_small_folder_loads(data_dir):
    curriculum = demo_files.load(data_dir)
    assert curriculum["home"]["intro"] == "<p>Start <b>here</b>.</p>"
    (course,) = curriculum["courses"]
    assert course["fields"]["slug"] == "first-course"
    assert course["modules"][0]["fields"]["required"] is True


@pytest.mark.parametrize(
    ("file", "old", "new", "field", "message"),
    [
        ("first-course", 'title = "First course"', "title = ", "", "not valid TOML"),
        ("first-course", 'title = "First course"\n', "", "title", "this field is required"),
        ("first-course", "estimated_hours", "estimated_hour", "estimated_hours",
         "this field is required (is 'estimated_hour' a misspelling of it?)"),
        ("first-course", 'summary = "A summary."', 'summary = "A summary."\nsumary = "x"',
         "sumary",
         "unknown field; the fields here are: co_authors, counts_toward, estimated_hours"),
        ("first-course", '"hybrid"', '"webinar"', "format",
         "'webinar' is not allowed; choose one of: self_paced, live_online"),
        ("first-course", "estimated_minutes = 30", 'estimated_minutes = "30"',
         "modules[1].estimated_minutes", "expected a whole number"),
        ("first-course", '"racial-justice"', '"racial-equity"', "pillars[1]",
         "'racial-equity' is not allowed; choose one of: racial-justice"),
        ("first-course", '\nauthors = ["governance-academy"]', '\nauthors = ["acme"]',
         "modules[1].authors[1]", "'acme' is not allowed; choose one of: governance-academy"),
        ("first-course", "Do one thing", "x" * 301, "outcomes[1]", "at most 300"),
        ("first-course", 'outcomes = ["Do one thing"]',
         'outcomes = ["Do one thing"]\nimage = "nope.jpg"\nimage_alt = "A hearing"', "image",
         "there is no image 'nope.jpg' in courses/demo_images; choose one of: "),
        ("first-course", 'outcomes = ["Do one thing"]',
         'outcomes = ["Do one thing"]\nimage = "peoples-budgets.jpg"', "image_alt",
         "an image needs alt text"),
        ("first-course", 'type = "text"', 'type = "txt"', "modules[1].body[1].type",
         "no block type 'txt'"),
        ("first-course", 'text = "Hello."', 'txt = "Hello."', "modules[1].body[1].text",
         "this field is required"),
        ("first-course", "Hello.", "[link](www.example.org)", "modules[1].body[1].text",
         "must start with https://"),
        ("first-course", 'state = "OH"', 'state = "XX"', "modules[1].body[2].state",
         "choose one of: AL"),
        ("first-course", 'title = "A case"', 'title = ""', "modules[1].body[2].title",
         "This field is required."),
        ("first-course", '"Second lesson"', '"' + "y" * 301 + '"',
         "modules[1].body[2].lessons[2]", "at most 300"),
        ("first-course", "lessons = [", "lesson = [", "modules[1].body[2].lesson",
         "unknown field"),
        ("first-course", "[[modules.body]]\ntype = \"text\"",
         "[[modules]]\ntitle = \"Two\"\nslug = \"one\"\nestimated_minutes = 5\n\n"
         "[[modules.body]]\ntype = \"text\"", "modules[2].slug", "already used by an entry above"),
        ("site", 'courses = ["first-course"]', 'courses = ["first-course", "second"]',
         "catalog.courses[2]", "no file second.toml"),
        ("site", 'courses = ["first-course"]', 'courses = ["first-course", "first-course"]',
         "catalog.courses[2]", "already used by an entry above"),
        ("taxonomy", 'slug = "housing"', 'slug = "Housing & more"', "policy_areas[1].slug",
         "valid “slug”"),
    ],
)
def test_a_mistake_names_the_file_and_the_field(data_dir, file, old, new, field, message):
    edit(data_dir / f"{file}.toml", old, new)
    with pytest.raises(DataFileError) as caught:
        demo_files.load(data_dir)
    error = caught.value
    assert error.path.name == f"{file}.toml"
    assert error.field == field
    assert message in error.message
    where = f"courses/demo_data/{file}.toml" + (f", field {field}" if field else "")
    assert str(error).startswith(where + ": ")


def test_a_course_file_missing_from_the_catalog_list(data_dir):
    (data_dir / "second.toml").write_text(COURSE, encoding="utf-8")
    with pytest.raises(DataFileError, match=r"^courses/demo_data/second\.toml: .*site\.toml"):
        demo_files.load(data_dir)


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        ('email = "official2@example.org"', 'email = "official2"', "people[9].email",
         "valid email"),
        ('email = "official2@example.org"', 'email = "OFFICIAL1@example.org"', "people[9].email",
         "'official1@example.org' is already used by an entry above this one"),
        ('role = "staff"', 'role = "admin"', "people[1].role", "choose one of: staff, facilitator"),
        ('state = "AZ"', 'state = "Arizona"', "people[8].state",
         "'Arizona' is not allowed; choose one of: AL, AK"),
        ('time_zone = "America/Phoenix"', 'time_zone = "Mars/Olympus"', "people[8].time_zone",
         ""),
        ('organization = "rootline-alliance"', 'organization = "rootline"',
         "people[7].organization", "'rootline' is not allowed; choose one of: governance-academy"),
    ],
)
def test_a_mistake_in_people(tmp_path, old, new, field, message):
    folder = tmp_path / "people"
    shutil.copytree(academy_demo.DATA_DIR, folder)
    edit(folder / "people.toml", old, new)
    with pytest.raises(DataFileError) as caught:
        academy_demo.load_people(folder)
    assert caught.value.path.name == "people.toml"
    assert (caught.value.field, message in caught.value.message) == (field, True)


@pytest.mark.django_db
def test_seed_demo_stops_with_the_file_and_field(data_dir, monkeypatch):
    edit(data_dir / "first-course.toml", 'state = "OH"', 'state = "Ohio"')
    monkeypatch.setattr(demo_files, "DATA_DIR", data_dir)
    with pytest.raises(CommandError) as caught:
        call_command("seed_demo", "--quiet-logins")
    assert str(caught.value).startswith(
        "Curriculum not seeded. courses/demo_data/first-course.toml, field "
        "modules[1].body[2].state: 'Ohio' is not allowed; choose one of: AL, AK,"
    )
    # The files are checked before the curriculum is written: nothing half-done.
    assert not (Pillar.objects.exists() or CoursePage.objects.exists())


def test_the_shipped_files_load_and_say_nothing_of_a_demo():
    curriculum = demo_files.load()
    people = academy_demo.load_people()
    assert len(curriculum["courses"]) >= 6 and len(people) == 35
    text = repr([curriculum, academy_demo.load_organizations(), people])
    assert not re.search(r"\b(demo|demos|lorem|ipsum|placeholder|todo|tbd|fixme)\b", text, re.I)


def test_the_readme_documents_every_block_and_field():
    readme = (demo_files.DATA_DIR / "README.md").read_text(encoding="utf-8")
    sections = dict(re.findall(r"^#### `(\w+)`\n(.*?)(?=^#|\Z)", readme, re.M | re.S))
    body = ModuleBodyBlock()
    assert set(sections) == set(body.child_blocks)
    for kind, block in body.child_blocks.items():
        fields = getattr(block, "child_blocks", {kind: block})
        documented = set(re.findall(r"^\| `(\w+)`", sections[kind], re.M))
        assert documented == set(fields), kind
