"""The layout: every import runs one way (no cycles, lazy imports included), and the core never
imports Textual or Rich. Read from the source with ast, so imports inside functions count too."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "reader"


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports(path: Path, name: str, known: set[str]) -> set[str]:
    """The reader modules (and outside packages) one module imports, anywhere in it."""
    is_package = path.name == "__init__.py"
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the module's own package
                anchor = name.split(".")[: len(name.split(".")) - node.level + (1 if is_package else 0)]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                full = f"{base}.{alias.name}"
                out.add(full if full in known else base)  # a submodule, or a name in a module
    return out


def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    return {name: imports(path, name, known) for name, path in mods.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), or a module importing itself."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in edges.get(node, ()):
            if nxt not in edges:
                continue
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1 or node in edges.get(node, ()):
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles():
    assert cycles(graph()) == []


def test_the_cycle_finder_finds_cycles():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_core_never_imports_textual_or_rich():
    bad = {name: sorted(m for m in targets if m.split(".")[0] in ("textual", "rich"))
           for name, targets in graph().items() if name.startswith("reader.core")}
    assert {name: found for name, found in bad.items() if found} == {}


def test_imports_run_down_the_layers():
    """The CLI and the interface use the library; the core never imports them."""
    for name, targets in graph().items():
        if name.startswith("reader.core"):
            upward = [t for t in targets if t.startswith(("reader.ui", "reader.cli", "reader.launch"))]
            assert not upward, f"{name} imports {upward}"
        if name.startswith("reader.ui"):
            assert not [t for t in targets if t.startswith("reader.cli")], name


# The stages of reader/core in the order an article passes through them; a stage imports only
# the stages before it (and the shared modules at the top of reader/core).
STAGES = ["ingest", "language", "search", "relate", "web", "library"]


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[:2] == ["reader", "core"] and parts[2] in STAGES else None


def test_every_core_package_is_a_known_stage():
    packages = {p.name for p in (PACKAGE / "core").iterdir() if (p / "__init__.py").exists()}
    assert packages - {"data"} == set(STAGES)


def test_stages_import_only_earlier_stages():
    later = []
    for name, targets in graph().items():
        mine = stage_of(name)
        for target in targets:
            theirs = stage_of(target)
            if mine and theirs and STAGES.index(theirs) > STAGES.index(mine):
                later.append(f"{name} imports {target}")
    assert later == []
