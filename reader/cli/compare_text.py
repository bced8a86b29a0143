"""Plain-text layout of a comparison for the terminal: side by side when wide, stacked when narrow."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator

from reader.core.relate import Comparison

SIDE_BY_SIDE = 110  # columns needed for two readable columns


def _columns(left: str, right: str, width: int) -> Iterator[str]:
    col = (width - 3) // 2
    a = textwrap.wrap(left, col) or [""]
    b = textwrap.wrap(right, col) or [""]
    for i in range(max(len(a), len(b))):
        x = a[i] if i < len(a) else ""
        y = b[i] if i < len(b) else ""
        yield f"{x:<{col}} │ {y}"


def render_comparison(c: Comparison, title_a: str, title_b: str, width: int) -> Iterator[str]:
    """Lines of text describing the comparison, fitted to `width` columns."""
    wide = width >= SIDE_BY_SIDE
    yield f"A {c.a}: {title_a}"
    yield f"B {c.b}: {title_b}"
    yield (f"same wording {c.similarity:.0%} of the two texts, in {len(c.shared_passages)} shared "
           f"passages (A {c.shared_share_a:.0%} · B {c.shared_share_b:.0%})")
    yield ""
    yield f"== Shared passages ({len(c.shared_passages)})"
    for p in c.shared_passages:
        yield f"-- {p.similarity:.0%} the same words"
        if wide:
            yield from _columns(p.a_text, p.b_text, width)
        else:
            yield from textwrap.wrap("A: " + p.a_text, width)
            yield from textwrap.wrap("B: " + p.b_text, width)
        changes = [f"{ch.a_text or '∅'} → {ch.b_text or '∅'}" for ch in p.changes][:6]
        if changes:
            yield from textwrap.wrap("   changes: " + "; ".join(changes), width)
    for label, passages in (("A", c.only_a), ("B", c.only_b)):
        yield ""
        yield f"== Only in {label} ({len(passages)})"
        for passage in passages:
            yield from textwrap.wrap("• " + passage.text, width, subsequent_indent="  ")
    yield ""
    yield "== Entities"
    yield from textwrap.wrap("shared: " + ", ".join(n for n, _, _ in c.shared_entities), width)
    yield from textwrap.wrap("only A: " + ", ".join(n for n, _ in c.only_a_entities), width)
    yield from textwrap.wrap("only B: " + ", ".join(n for n, _ in c.only_b_entities), width)
    differing = [f for f in c.figures if not f["agree"]]
    yield ""
    yield f"== Figures that differ ({len(differing)})"
    for f in differing:
        a = "; ".join(x["text"] for x in f["a"])
        b = "; ".join(x["text"] for x in f["b"])
        yield from textwrap.wrap(f"{f['unit']}: A {a} | B {b}", width)
    yield ""
    yield f"== Quotes in both ({len(c.quotes)})"
    for q in c.quotes:
        yield from textwrap.wrap(f"[{q['relation']}] A ({q['speaker_a'] or 'speaker unknown'}): “{q['a_text']}”", width)
        yield from textwrap.wrap(f"    B ({q['speaker_b'] or 'speaker unknown'}): “{q['b_text']}”", width)
