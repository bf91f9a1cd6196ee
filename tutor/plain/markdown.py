"""A lesson page's Markdown as plain text, for people who listen to the screen.

A screen reader reads every mark it is given: "star star", "dash", "hash". Here the page is
parsed (with markdown-it-py, which Rich already brings) and written back as the words alone:
emphasis and code marks dropped, a heading or a list item on a line of its own, numbered items
keeping their number, a link as "text (address)", a quote indented instead of marked with ">".
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from html.parser import HTMLParser
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.tree import SyntaxTreeNode

# How far a list item or a quote is indented per level: seen on a screen, not read aloud.
INDENT = "  "


def to_plain(markdown: str) -> str:
    """The text of ``markdown`` as plain lines, blocks apart by an empty line."""
    from markdown_it.tree import SyntaxTreeNode

    tree = SyntaxTreeNode(_parser().parse(markdown))
    return "\n".join(_blocks(tree.children, "", tight=False)).strip("\n")


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def _blocks(nodes: Sequence[SyntaxTreeNode], indent: str, *, tight: bool) -> list[str]:
    """Lines for block nodes; an empty line between blocks unless the list is tight."""
    lines: list[str] = []
    for node in nodes:
        block = _block(node, indent)
        if not block:
            continue
        if lines and not tight:
            lines.append("")
        lines.extend(block)
    return lines


def _block(node: SyntaxTreeNode, indent: str) -> list[str]:
    kind = node.type
    if kind in ("paragraph", "heading"):
        return _indented(_inline(node.children), indent)
    if kind in ("bullet_list", "ordered_list"):
        return _list(node, indent)
    if kind == "blockquote":
        return _blocks(node.children, indent + INDENT, tight=False)
    if kind in ("fence", "code_block"):
        return [indent + INDENT + line if line else "" for line in node.content.splitlines()]
    if kind == "html_block":
        return _indented(_html_text(node.content), indent)
    if kind == "table":
        return _table(node, indent)
    return []  # a thematic break: the empty line around it is the pause


def _list(node: SyntaxTreeNode, indent: str) -> list[str]:
    """Each item on its own line; a numbered one keeps its number, a bullet says nothing."""
    ordered = node.type == "ordered_list"
    start = int(str(node.attrs.get("start", 1))) if ordered else 1
    tight = all(child.hidden for item in node.children for child in item.children
                if child.type == "paragraph")
    lines: list[str] = []
    for number, item in enumerate(node.children, start=start):
        body = _blocks(item.children, indent + INDENT, tight=tight)
        if ordered:
            mark = f"{number}{item.markup or '.'} "
            if body and body[0].strip():
                body[0] = indent + INDENT + mark + body[0][len(indent) + len(INDENT):]
            else:
                body.insert(0, indent + INDENT + mark.rstrip())
        if lines and not tight:
            lines.append("")
        lines.extend(body)
    return lines


def _table(node: SyntaxTreeNode, indent: str) -> list[str]:
    """A row a line, each cell said with its column's heading: "Name: Anna; Town: Oslo"."""
    rows = [row for section in node.children for row in section.children]
    if not rows:
        return []
    heads = [_one_line(cell.children) for cell in rows[0].children]
    lines = []
    for row in rows[1:] or rows:
        cells = [_one_line(cell.children) for cell in row.children]
        said = [f"{head}: {cell}" if head and row is not rows[0] else cell
                for head, cell in zip(heads, cells, strict=False) if cell]
        if said:
            lines.append(indent + "; ".join(said))
    return lines


def _indented(text: str, indent: str) -> list[str]:
    return [indent + line if line.strip() else "" for line in text.split("\n")]


def _one_line(nodes: Sequence[SyntaxTreeNode]) -> str:
    return " ".join(_inline(nodes).split())


def _inline(nodes: Sequence[SyntaxTreeNode]) -> str:
    """The words of inline nodes, with their marks left out."""
    parts: list[str] = []
    for node in nodes:
        kind = node.type
        if kind in ("text", "code_inline"):
            parts.append(node.content)
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind == "link":
            parts.append(_link(node))
        elif kind == "image":
            parts.append(_inline(node.children))
        elif kind == "html_inline":
            continue  # a tag or a comment; the words between tags are text of their own
        else:  # inline, em, strong, s: only their words
            parts.append(_inline(node.children))
    return "".join(parts)


def _link(node: SyntaxTreeNode) -> str:
    text = _inline(node.children)
    address = _parser().normalizeLinkText(str(node.attrs.get("href", "")))
    shown = address.removeprefix("mailto:")
    if not address or shown == text.strip():
        return text or shown
    return f"{text} ({shown})" if text.strip() else shown


def _html_text(html: str) -> str:
    """The words in a block of HTML, without its tags."""
    reader = _HTMLWords()
    reader.feed(html)
    reader.close()
    return "\n".join(" ".join(line.split()) for line in "".join(reader.words).splitlines()
                     ).strip("\n")


class _HTMLWords(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.words: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.hidden += 1
        elif tag in ("br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"):
            self.words.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.hidden = max(0, self.hidden - 1)

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.words.append(data)
