"""Learner and pack text in a Markdown export renders as exactly its characters: no HTML,
heading, emphasis or link comes from it, whatever it holds."""

from __future__ import annotations

from markdown_it import MarkdownIt

from tutor.text import markdown_literal

HOSTILE = [
    "<script>alert('x')</script>",
    "# I am a heading",
    "**bold** and *italic* and _under_",
    "[a link](https://example.com) and ![img](x.png)",
    "> a quote",
    "- a list\n1. numbered\n+ plus",
    "Title\n=====",
    "Title\n-----",
    "a & b &copy; &#169;",
    "`code` and ~~strike~~ | a | table |",
    "<div>\nblock\n</div>",
    "back\\slash \\*",
]
MARKUP = {"html_block", "html_inline", "heading_open", "em_open", "strong_open", "link_open",
          "image", "blockquote_open", "bullet_list_open", "ordered_list_open", "code_inline",
          "s_open", "table_open", "hr"}


def kinds(tokens: list) -> set[str]:  # type: ignore[type-arg]
    found = set()
    for token in tokens:
        found.add(token.type)
        found |= kinds(token.children or [])
    return found


def test_hostile_text_renders_as_its_characters() -> None:
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    for text in HOSTILE:
        tokens = parser.parse(markdown_literal(text))
        assert not kinds(tokens) & MARKUP, text
        shown = "".join(child.content for token in tokens for child in (token.children or [])
                        if child.type == "text")
        plain = text.replace("\n", "")
        assert shown.replace("\n", "") == plain, text
