"""The site exists in English and Spanish: every user-facing string of a template is marked
for translation, and every marked string has its Spanish in locale/es.

- A scan of every template finds text outside `{% translate %}` / `{% blocktranslate %}`
  (visible text and the attributes people read: alt, title, placeholder, aria-label).
- `makemessages`, run on a copy of the source, lists no msgid that locale/es leaves
  untranslated or fuzzy: a new string without its Spanish fails here.
"""

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.template.base import Lexer, TokenType

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIRS = [ROOT / "templates", ROOT / "academy" / "templates"]
SPANISH = ROOT / "locale" / "es" / "LC_MESSAGES" / "django.po"

# Words that are the same in every language: the brand, product names, file formats.
SAME_IN_EVERY_LANGUAGE = re.compile(
    r"Progressive Governance Academy|Governance Academy|LinkedIn|Open Badges|PDF|CSV|"
    r"iCalendar|JSON|QR|Zoom|Teams|Google Meet|Wagtail|English|Español|did:web|ORCID|"
    r"\bOK\b|\bID\b|\bURL\b|\bAM\b|\bPM\b|&\w+;|https?://\S+"
)
# Markup only: an element's name chosen by template tags, no words a person reads.
STRUCTURAL = {"templates/allauth/elements/button.html"}
READ_ATTRIBUTES = {"alt", "title", "placeholder", "aria-label", "aria-description"}
WORD = re.compile(r"[A-Za-z]{2,}")


class _Text(HTMLParser):
    """The text a person reads in an HTML fragment (and in the attributes they hear)."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        self.parts.extend(v for k, v in attrs if k in READ_ATTRIBUTES and v)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def _untranslated(source: str, plain_text: bool) -> list[str]:
    """Text of `source` outside translation tags that still holds words."""
    outside, depth = [], 0
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0] if token.contents.split() else ""
            if name in ("blocktranslate", "blocktrans", "comment"):
                depth += 1
            elif name in ("endblocktranslate", "endblocktrans", "endcomment"):
                depth -= 1
            outside.append("\x00")  # a tag separates text on either side
        elif token.token_type == TokenType.VAR:
            outside.append(" {var} ")
        elif token.token_type == TokenType.TEXT and depth == 0:
            outside.append(token.contents)
    text = "".join(outside)
    if plain_text:
        parts = text.split("\x00")
    else:
        parser = _Text()
        parser.feed(text.replace("\x00", " \x00 "))
        parts = [p for part in parser.parts for p in part.split("\x00")]
    found = []
    for part in parts:
        left = SAME_IN_EVERY_LANGUAGE.sub(" ", part.replace("{var}", " "))
        if WORD.search(left):
            found.append(" ".join(part.split())[:80])
    return found


def test_no_template_holds_untranslated_text():
    misses = {}
    for path in sorted(p for folder in TEMPLATE_DIRS for p in folder.rglob("*")):
        if path.suffix not in (".html", ".txt") or str(path.relative_to(ROOT)) in STRUCTURAL:
            continue
        found = _untranslated(path.read_text(), plain_text=path.suffix == ".txt")
        if found:
            misses[str(path.relative_to(ROOT))] = found
    assert not misses, "Text outside {% translate %}:\n" + "\n".join(
        f"{path}: {texts}" for path, texts in misses.items()
    )


def test_the_scan_finds_english_outside_translate_tags():
    """The scan itself: it must see text, attributes and plain-text lines, and pass
    marked text, variables, comments, scripts and brand names."""
    assert _untranslated("<p>Enroll now</p>", False) == ["Enroll now"]
    assert _untranslated('<img alt="Course photo" src="a.png">', False) == ["Course photo"]
    assert _untranslated("Your certificate is ready.\n", True)
    assert not _untranslated(
        '{% load i18n %}<p title="{% translate \'Hi\' %}">{% translate "Enroll" %} '
        "{{ course.title }}</p>{% blocktranslate %}Hello {{ name }}{% endblocktranslate %}"
        "{# note #}{% comment %}Not shown{% endcomment %}<script>var x = 'abc';</script>"
        "<p>Progressive Governance Academy · PDF</p>",
        False,
    )


@pytest.mark.xdist_group("makemessages")
def test_every_marked_string_has_its_spanish(tmp_path):
    """makemessages on a copy of the source: every msgid it finds is translated in the
    committed locale/es (none empty, none fuzzy), and the .po compiles."""
    copy = tmp_path / "src"
    ignore = shutil.ignore_patterns(
        ".venv", "node_modules", "media", "staticfiles", ".git", "__pycache__", "*.mo",
        "test-artifacts", "screenshots", ".hypothesis", "var", "db.sqlite3*",
    )
    shutil.copytree(ROOT, copy, ignore=ignore)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "es", "--no-obsolete",
         "--add-location", "file", "--ignore", "bench/*", "--ignore", "tests/*",
         "--ignore", "docs/*", "--ignore", "*/demo_data/*", "--ignore", "interop/*"],
        cwd=copy, check=True, capture_output=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_DEBUG": "true",
             "DJANGO_SETTINGS_MODULE": "academy.settings"},
    )
    extracted = polib.pofile(str(copy / "locale" / "es" / "LC_MESSAGES" / "django.po"))
    committed = polib.pofile(str(SPANISH))
    done = {(e.msgctxt, e.msgid) for e in committed.translated_entries()
            if "fuzzy" not in e.flags}
    missing = [
        f"{e.msgid!r} ({e.occurrences[0][0] if e.occurrences else '?'})"
        for e in extracted if not e.obsolete and (e.msgctxt, e.msgid) not in done
    ]
    assert not missing, f"{len(missing)} strings have no Spanish in locale/es:\n" + "\n".join(
        missing[:60]
    )
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(SPANISH)], check=True)
