"""Read hand-edited TOML data files and say exactly where a mistake is.

`read_toml(path)` gives a `Table`; each value is read with its type and checked where it
is read, and a field typed into the file but never read is reported as unknown (a typo
in a field name would otherwise be ignored without a word). Every error is a
`DataFileError` naming the file and the field, e.g.
``courses/demo_data/peoples-budgets.toml, field modules[2].body[3].state: ...``
(lists count from 1, as a person reading the file would).
"""

import difflib
import re
import tomllib
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail.fields import RichTextField

from .markdown import markdown_to_html

MISSING = object()


class DataFileError(Exception):
    def __init__(self, path: Path, field: str, message: str):
        self.path, self.field, self.message = path, field, message
        where = display_path(path) + (f", field {field}" if field else "")
        super().__init__(f"{where}: {message}")


def display_path(path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(settings.BASE_DIR))
    except ValueError:
        return str(path)


def read_toml(path: Path) -> "Table":
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:  # its message ends "(at line L, column C)"
        raise DataFileError(path, "", f"this is not valid TOML: {error}") from None
    return Table(data, path=path)


def tidy(text: str) -> str:
    """Join the lines of each paragraph with a space; paragraphs stay a blank line apart."""
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()))
    return "\n\n".join(p for p in paragraphs if p)


def messages(error: ValidationError) -> str:
    return " ".join(error.messages)


class Table:
    """One TOML table (a file, or an entry of a [[list]]) and where it is, for errors."""

    def __init__(self, data, *, path: Path, field: str = ""):
        if not isinstance(data, dict):
            raise DataFileError(path, field, "expected a table of fields here")
        self.data, self.path, self.field = data, path, field
        self._read = set()

    def where(self, key) -> str:
        return f"{self.field}.{key}" if self.field else str(key)

    def error(self, key, message: str) -> DataFileError:
        return DataFileError(self.path, self.where(key) if key is not None else self.field,
                             message)

    def value(self, key, kind, default=MISSING):
        """The value of `key`, which must be a `kind` (str, int, bool, list, dict)."""
        self._read.add(key)
        if key not in self.data:
            if default is MISSING:
                close = difflib.get_close_matches(str(key), [str(k) for k in self.data], 1)
                hint = f" (is {close[0]!r} a misspelling of it?)" if close else ""
                raise self.error(key, "this field is required" + hint)
            return default
        value = self.data[key]
        names = {str: "text in quotes", int: "a whole number", bool: "true or false",
                 list: "a list in [brackets]", dict: "a table"}
        if kind is int and isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            raise self.error(key, f"expected {names.get(kind, 'a number')}, found {value!r}")
        return value

    def text(self, key, default=MISSING) -> str:
        """Plain text: a line break is a space, a blank line keeps paragraphs apart."""
        value = self.value(key, str, default)
        return tidy(value) if isinstance(value, str) else value

    def markdown(self, key, default=MISSING) -> str:
        """Formatted text, written in the Markdown subset, as rich-text HTML."""
        value = self.value(key, str, default)
        try:
            return markdown_to_html(value) if value else value
        except ValueError as error:
            raise self.error(key, str(error)) from None

    def choice(self, key, value, choices):
        """Check that `value` (read from `key`) is one of `choices`, listing them if not."""
        choices = [str(c) for c in choices if c not in ("", None)]
        if value not in choices:
            raise self.error(key, f"{value!r} is not allowed; choose one of: "
                             f"{', '.join(choices)}")
        return value

    def strings(self, key, default=MISSING) -> list[str]:
        values = self.value(key, list, default)
        for i, value in enumerate(values, 1):
            if not isinstance(value, str):
                raise self.error(f"{key}[{i}]", f"expected text in quotes, found {value!r}")
        return [v.strip() for v in values]

    def unique(self, key, value, seen: set):
        """Check that `value` (read from `key`) is not in `seen`, the values of the entries
        above this one, and add it there."""
        if value in seen:
            raise self.error(key, f"{value!r} is already used by an entry above this one")
        seen.add(value)

    def choices(self, key, choices) -> list[str]:
        """An optional list whose items are each one of `choices` (slugs, say)."""
        values = self.strings(key, [])
        for i, value in enumerate(values, 1):
            self.choice(f"{key}[{i}]", value, choices)
        return values

    def tables(self, key, default=MISSING) -> list["Table"]:
        values = self.value(key, list, default)
        return [Table(v, path=self.path, field=f"{self.where(key)}[{i}]")
                for i, v in enumerate(values, 1)]

    def table(self, key) -> "Table":
        return Table(self.value(key, dict), path=self.path, field=self.where(key))

    def model_field(self, model, key, default=MISSING):
        """The value for `model`'s field `key`, cleaned by the field (type, length,
        choices, validators). Rich text fields take Markdown."""
        field = model._meta.get_field(key)
        internal = field.get_internal_type()
        kind = {"BooleanField": bool, "IntegerField": int, "PositiveIntegerField": int,
                "DecimalField": (int, float)}.get(internal, str)
        if isinstance(field, RichTextField):
            value = self.markdown(key, default)
        else:
            value = self.value(key, kind, default)
            value = tidy(value) if isinstance(value, str) else value
        if field.choices and (value or not field.blank):
            self.choice(key, value, [c for c, _ in field.flatchoices])
        try:
            return field.clean(value, None)
        except ValidationError as error:
            raise self.error(key, messages(error)) from None

    def model_fields(self, model, *keys, **defaults) -> dict:
        """Several model fields at once: `keys` are required, `defaults` optional."""
        values = {key: self.model_field(model, key) for key in keys}
        values.update({k: self.model_field(model, k, d) for k, d in defaults.items()})
        return values

    def done(self):
        """Complain about any field in the file that nothing read (a misspelt name)."""
        unknown = [key for key in self.data if key not in self._read]
        if unknown:
            known = ", ".join(sorted(self._read)) or "none"
            raise self.error(unknown[0], f"unknown field; the fields here are: {known}")
