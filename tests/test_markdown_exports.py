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


def test_a_plan_exported_as_markdown_holds_no_markup_from_the_learner() -> None:
    from datetime import date

    from tests.conftest import LESSON_TOML, PACK_TOML
    from tutor.kinds import CommitRecord, ReflectRecord
    from tutor.packs.loader import parse_pack
    from tutor.plan import build_plan, render
    from tutor.progress.model import Commitment, LessonRecord

    pack = parse_pack({"pack.toml": PACK_TOML.encode(), "01.toml": LESSON_TOML.encode()})
    record = LessonRecord(status="done", steps={
        "think": ReflectRecord(text="# Not a heading\n<script>alert(1)</script>\n**not bold**"),
        "do": CommitRecord(actions=[Commitment("<img src=x> [link](https://e.example)",
                                               date(2026, 12, 31))]),
    })

    class Records:
        def find(self, pack_id: str, lesson_id: str) -> LessonRecord | None:
            return record

    text = render(build_plan([pack], Records()), "md", today=date(2026, 12, 5))
    tokens = MarkdownIt("commonmark").parse(text)
    found = kinds(tokens)
    assert not found & {"html_block", "html_inline", "strong_open", "link_open", "image"}
    headings = [tokens[i + 1].content for i, tok in enumerate(tokens) if tok.type == "heading_open"]
    assert "Not a heading" not in headings
    shown = "".join(child.content for token in tokens for child in (token.children or [])
                    if child.type == "text")
    for words in ("<script>alert(1)</script>", "**not bold**", "<img src=x>", "[link]"):
        assert words in shown
