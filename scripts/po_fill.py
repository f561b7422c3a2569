"""Fill Spanish translations into locale/es from a Python dict file: `po_fill.py FILE`
where FILE defines TRANSLATIONS = {msgid: msgstr, (context, msgid): msgstr}. Only empty or
fuzzy entries are filled; the rest is left as it is."""

import runpy
import sys

import polib

PO = "locale/es/LC_MESSAGES/django.po"

table = runpy.run_path(sys.argv[1])["TRANSLATIONS"]
po = polib.pofile(PO)
filled = 0
for entry in po:
    key = (entry.msgctxt, entry.msgid) if entry.msgctxt else entry.msgid
    if key in table and (not entry.msgstr or "fuzzy" in entry.flags):
        entry.msgstr = table[key]
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        filled += 1
po.save(PO)
print(f"filled {filled} entries")
