"""WeasyPrint's fonts for the academy's PDFs: one FontConfiguration per process, font
subsetting without a C parser run per glyph count, and the check that HarfBuzz subsets
them (certificates.rendering uses these; the worker checks at start-up)."""

import ctypes.util
import functools
import re

from weasyprint.pdf import fonts as weasyprint_fonts
from weasyprint.text.fonts import FontConfiguration


@functools.cache
def font_config() -> FontConfiguration:
    """One per process: a new one per render costs time and ~280 KB that never returns."""
    return FontConfiguration()


_SIZED_ARRAY = re.compile(r"(\w+)\[(\d+)\]")


class _ArraysWithoutParsing:
    """WeasyPrint's cffi handle for its font subsetting, minus a C parser run per size.

    Subsetting asks cffi for ``hb_codepoint_t[N]`` arrays, N being the number of glyphs
    a document uses (and its highest glyph id): cffi parses each new type string with
    pycparser, about 7 ms, so a certificate for a name of a new length paid it again, and
    the parsed types piled up. An open array (``hb_codepoint_t[]``) built from the same N
    items is the same array; anything else goes to cffi unchanged."""

    def __init__(self, ffi):
        self._ffi = ffi
        self._open_arrays = {}

    def new(self, cdecl, init=None):
        if isinstance(cdecl, str) and isinstance(init, (list, tuple)):
            sized = _SIZED_ARRAY.fullmatch(cdecl)
            if sized and int(sized[2]) == len(init):
                element = sized[1]
                open_array = self._open_arrays.get(element)
                if open_array is None:
                    open_array = self._open_arrays[element] = self._ffi.typeof(f"{element}[]")
                return self._ffi.new(open_array, init)
        return self._ffi.new(cdecl, init)

    def __getattr__(self, name):
        return getattr(self._ffi, name)


if not isinstance(weasyprint_fonts.ffi, _ArraysWithoutParsing):
    weasyprint_fonts.ffi = _ArraysWithoutParsing(weasyprint_fonts.ffi)


def weasyprint_subsetting_ok() -> bool:
    """Whether WeasyPrint can subset fonts with HarfBuzz (libharfbuzz-subset0).

    Without it WeasyPrint falls back to fontTools in Python and a certificate takes
    about ten times longer."""
    try:
        from weasyprint.text.ffi import harfbuzz, harfbuzz_subset

        return harfbuzz_subset is not None and bool(harfbuzz.hb_version_atleast(4, 1, 0))
    except Exception:  # a WeasyPrint without these names: ask the dynamic loader
        return ctypes.util.find_library("harfbuzz-subset") is not None
