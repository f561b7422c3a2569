"""CSV exports: the one writer every export uses (rosters, attendance, reports).

Cells that a spreadsheet would run as a formula (starting with = + - @, TAB or CR) get a
leading quote; datetimes are ISO 8601 with
their offset, to the second; the response is streamed, so a large roster never sits in memory twice.
The file starts with a byte order mark: without it Excel (and LibreOffice on some
systems) reads UTF-8 as a legacy code page and "Colón" arrives as "ColÃ³n".

Header cells may be lazy translations: they are translated when the download starts, in
the request's language, and the rows are written in that language too (the response is
streamed after the view has returned).
"""

import csv
from datetime import datetime

from django.http import StreamingHttpResponse
from django.utils import translation

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"
_END = object()


def safe_cell(value) -> str:
    """Spreadsheets run cells that start with = + - @ (or TAB, CR): prefix a quote."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        # ISO 8601 with the offset, to the second: 2026-03-04T19:00:00-07:00.
        return value.isoformat(timespec="seconds")
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Echo:
    def write(self, value):
        return value


def csv_response(filename: str, header, rows) -> StreamingHttpResponse:
    """A streamed UTF-8 CSV download (with a byte order mark, for spreadsheets): header
    first, every cell made formula-safe."""
    writer = csv.writer(_Echo())
    language = translation.get_language()
    header = [str(cell) for cell in header]  # now, in the request's language

    def lines():
        yield BYTE_ORDER_MARK + writer.writerow(header)
        rows_left = iter(rows)
        while True:
            # Each row is made in the request's language, whatever is active when the
            # server iterates the stream; the language is restored before each yield.
            with translation.override(language):
                row = next(rows_left, _END)
                if row is _END:
                    return
                line = writer.writerow([safe_cell(v) for v in row])
            yield line

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
