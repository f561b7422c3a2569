"""The small Markdown subset the data files use, and the rich-text HTML it gives."""

import pytest

from academy.markdown import markdown_to_html


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("", ""),
        ("One line.", "<p>One line.</p>"),
        # Lines of a paragraph are joined; a blank line starts the next one.
        ("  First line\n  goes on.\n\n\n Second.\n", "<p>First line goes on.</p><p>Second.</p>"),
        ("a\r\nb", "<p>a b</p>"),
        ("- one\n- two", "<ul><li>one</li><li>two</li></ul>"),
        # A line without a marker continues the item above it.
        ("- one\n  more\n- two", "<ul><li>one more</li><li>two</li></ul>"),
        ("1. a\n2. b\n10. c", "<ol><li>a</li><li>b</li><li>c</li></ol>"),
        # A list may follow a paragraph line directly; blank lines separate blocks.
        ("Steps:\n1. a\n\n- x\n\nEnd.",
         "<p>Steps:</p><ol><li>a</li></ol><ul><li>x</li></ul><p>End.</p>"),
        ("- x\n1. y", "<ul><li>x</li></ul><ol><li>y</li></ol>"),
        ("**bold** and *italic*", "<p><b>bold</b> and <i>italic</i></p>"),
        ("**bold with *italic* inside**", "<p><b>bold with <i>italic</i> inside</b></p>"),
        ("- **Lead.** Rest", "<ul><li><b>Lead.</b> Rest</li></ul>"),
        ("[the guide](https://example.org/guide?a=1&b=2)",
         '<p><a href="https://example.org/guide?a=1&amp;b=2">the guide</a></p>'),
        ("[**Bold** link](/catalog/)", '<p><a href="/catalog/"><b>Bold</b> link</a></p>'),
        ("[write](mailto:team@example.org)", '<p><a href="mailto:team@example.org">write</a></p>'),
        # Text is escaped; stray marks stay as written.
        ("Fish & <chips> \"quoted\"", "<p>Fish &amp; &lt;chips&gt; \"quoted\"</p>"),
        ("5 * 3 = 15, a ** b, *", "<p>5 * 3 = 15, a ** b, *</p>"),
        ("[not a link] (x)", "<p>[not a link] (x)</p>"),
        ("-not a bullet\n2021.not a number", "<p>-not a bullet 2021.not a number</p>"),
    ],
)
def test_markdown_to_html(text, html):
    assert markdown_to_html(text) == html


@pytest.mark.parametrize("url", ["javascript:alert(1)", "www.example.org", "ftp://x.org/f"])
def test_unsafe_or_relative_link_addresses_are_refused(url):
    with pytest.raises(ValueError, match="must start with https://"):
        markdown_to_html(f"[click]({url})")
