"""A very small Markdown subset -> the HTML Wagtail's rich text stores.

For prose in the seed data files, written by people who are not programmers:

- paragraphs, separated by a blank line (lines of one paragraph are joined);
- bullet lists ("- item") and numbered lists ("1. item"); a line that follows an item
  without a marker continues that item;
- **bold**, *italic* and [link text](https://address).

Nothing else is special: text is escaped, so "<" and "&" show as written. An address
must start with https://, http://, mailto: or "/"; anything else raises ValueError.
"""

import html
import re

_BULLET = re.compile(r"- +(.*)")
_NUMBER = re.compile(r"\d{1,9}\. +(.*)")
_INLINE = re.compile(
    r"\[(?P<link>[^\]]+)\]\((?P<url>[^)\s]+)\)"
    r"|\*\*(?P<bold>[^\s*](?:.*?[^\s*])?)\*\*"
    r"|\*(?P<italic>[^\s*](?:.*?[^\s*])?)\*"
)
_SAFE_URL = re.compile(r"(https?://|mailto:|/)\S*")


def markdown_to_html(text: str) -> str:
    blocks = []  # [tag, items]: "p" holds one list of lines, "ul"/"ol" one list per item
    for line in text.replace("\r\n", "\n").split("\n"):
        line = line.strip()
        if not line:
            blocks.append(None)  # a blank line ends the current block
            continue
        current = blocks[-1] if blocks else None
        for tag, pattern in (("ul", _BULLET), ("ol", _NUMBER)):
            match = pattern.fullmatch(line)
            if match:
                if current is None or current[0] != tag:
                    current = [tag, []]
                    blocks.append(current)
                current[1].append([match.group(1)])
                break
        else:
            if current is None:
                blocks.append(["p", [[line]]])
            else:  # continues a paragraph or the last list item
                current[1][-1].append(line)
    out = []
    for block in blocks:
        if block is None:
            continue
        tag, items = block
        if tag == "p":
            out.append(f"<p>{inline(' '.join(items[0]))}</p>")
        else:
            lis = "".join(f"<li>{inline(' '.join(item))}</li>" for item in items)
            out.append(f"<{tag}>{lis}</{tag}>")
    return "".join(out)


def inline(text: str) -> str:
    """Escape one line of text and turn its **bold**, *italic* and [links](url) into HTML."""
    out, pos = [], 0
    for match in _INLINE.finditer(text):
        out.append(html.escape(text[pos:match.start()], quote=False))
        if match["link"] is not None:
            url = match["url"]
            if not _SAFE_URL.fullmatch(url):
                raise ValueError(
                    f"the link address {url!r} must start with https://, http://, mailto: or /"
                )
            out.append(f'<a href="{html.escape(url)}">{inline(match["link"])}</a>')
        elif match["bold"] is not None:
            out.append(f"<b>{inline(match['bold'])}</b>")
        else:
            out.append(f"<i>{inline(match['italic'])}</i>")
        pos = match.end()
    out.append(html.escape(text[pos:], quote=False))
    return "".join(out)
