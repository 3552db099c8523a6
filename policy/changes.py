"""What changed between two versions of a policy, as readers see it.

Both versions are rendered to HTML with the site's own block templates, read back as passages
(headings, paragraphs, list items) and compared: whole passages added or removed, and inside a
passage that changed, the sentences added or removed. The template marks them with ``<ins>``
and ``<del>`` plus visually hidden "Added:" / "Removed:" words, never by colour alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from html.parser import HTMLParser

PASSAGE_KINDS = {"h2": "heading", "h3": "subheading", "h4": "subheading", "p": "text"}
PASSAGE_KINDS |= {"li": "item", "dt": "text", "dd": "text"}
# A sentence ends with . ! ? or … followed by space and a capital, digit or opening mark.
SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+(?=[\"“¿¡(\[]?[A-ZÁÉÍÓÚÑÜ0-9])")

SAME, ADDED, REMOVED, CHANGED = "same", "added", "removed", "changed"


@dataclass(frozen=True)
class Passage:
    kind: str
    text: str


@dataclass(frozen=True)
class Fragment:
    change: str
    text: str


@dataclass(frozen=True)
class DiffRow:
    kind: str
    change: str
    fragments: tuple[Fragment, ...]


class _PassageReader(HTMLParser):
    """Collects the text of each block-level element, innermost first, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.passages: list[Passage] = []
        self._open: list[str] = []
        self._buffer: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self._buffer).split())
        self._buffer = []
        if text and self._open:
            self.passages.append(Passage(PASSAGE_KINDS[self._open[-1]], text))

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in PASSAGE_KINDS:
            self._flush()
            self._open.append(tag)
        elif tag == "br":
            self._buffer.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in PASSAGE_KINDS and tag in self._open:
            self._flush()
            while self._open and self._open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._open:
            self._buffer.append(data)


def passages_from_html(html: str) -> list[Passage]:
    reader = _PassageReader()
    reader.feed(html)
    reader.close()
    return reader.passages


def sentences(text: str) -> list[str]:
    return [part for part in SENTENCE_BREAK.split(text) if part]


def _sentence_fragments(old: str, new: str) -> tuple[Fragment, ...]:
    before, after = sentences(old), sentences(new)
    fragments: list[Fragment] = []
    matcher = SequenceMatcher(a=before, b=after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            fragments.extend(Fragment(SAME, text) for text in before[i1:i2])
            continue
        fragments.extend(Fragment(REMOVED, text) for text in before[i1:i2])
        fragments.extend(Fragment(ADDED, text) for text in after[j1:j2])
    return tuple(fragments)


def _whole(passage: Passage, change: str) -> DiffRow:
    return DiffRow(passage.kind, change, (Fragment(change, passage.text),))


def _replaced(old: list[Passage], new: list[Passage]) -> list[DiffRow]:
    """Pair passages of the same kind in a changed stretch; unpaired ones are whole changes."""
    rows: list[DiffRow] = []
    for index in range(max(len(old), len(new))):
        before = old[index] if index < len(old) else None
        after = new[index] if index < len(new) else None
        if before and after and before.kind == after.kind:
            rows.append(DiffRow(after.kind, CHANGED, _sentence_fragments(before.text, after.text)))
            continue
        if before:
            rows.append(_whole(before, REMOVED))
        if after:
            rows.append(_whole(after, ADDED))
    return rows


def compare_passages(old: list[Passage], new: list[Passage]) -> list[DiffRow]:
    """The newer version's passages in order, with what the older one had marked as removed."""
    rows: list[DiffRow] = []
    matcher = SequenceMatcher(a=old, b=new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            rows.extend(_whole(passage, SAME) for passage in new[j1:j2])
        elif op == "delete":
            rows.extend(_whole(passage, REMOVED) for passage in old[i1:i2])
        elif op == "insert":
            rows.extend(_whole(passage, ADDED) for passage in new[j1:j2])
        else:
            rows.extend(_replaced(old[i1:i2], new[j1:j2]))
    return rows


def count_changes(rows: list[DiffRow]) -> dict[str, int]:
    """How many sentences or passages were added and removed, for the summary line."""
    counts = {ADDED: 0, REMOVED: 0}
    for row in rows:
        for fragment in row.fragments:
            if fragment.change in counts:
                counts[fragment.change] += 1
    return counts
