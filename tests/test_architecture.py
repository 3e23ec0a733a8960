"""The shape of the source tree: no import cycles (not even lazy ones), no module over 500 lines."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

SRC = Path(__file__).resolve().parents[1] / "src"
MAX_LINES = 500


def modules(root: Path = SRC) -> dict[str, tuple[Path, bool]]:
    """Every module under ``root`` by dotted name, with its file and whether it is a package."""
    out = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        package = parts[-1] == "__init__"
        if package:
            parts = parts[:-1]
        out[".".join(parts)] = (path, package)
    return out


def import_graph(root: Path = SRC) -> nx.DiGraph:
    """Module -> module it imports, from every import statement anywhere in the file.

    Function-level imports and ``if TYPE_CHECKING:`` imports count too: a cycle held
    together by a lazy import is still a cycle. ``from package import name`` is an edge
    to ``package.name`` when that is a module, and to ``package`` otherwise.
    """
    mods = modules(root)
    graph = nx.DiGraph()
    for name, (path, package) in mods.items():
        graph.add_node(name)
        here = name if package else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = here.split(".")[: len(here.split(".")) - node.level + 1]
                    module = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    module = node.module or ""
                for a in node.names:
                    sub = f"{module}.{a.name}"
                    targets.append(sub if sub in mods else module)
            for t in targets:
                if t in mods and t != name:
                    graph.add_edge(name, t)
    return graph


def test_no_import_cycles():
    cycles = sorted(" -> ".join(c) for c in nx.simple_cycles(import_graph()))
    assert cycles == [], "import cycles in src/:\n" + "\n".join(cycles)


def test_no_module_over_500_lines():
    long = {
        str(path.relative_to(SRC)): n
        for path, _ in modules().values()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}, f"modules over {MAX_LINES} lines: {long}"


def test_the_checks_can_fail(tmp_path: Path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from pkg.b import x\n")
    (pkg / "b.py").write_text("def f():\n    from pkg import a\n")
    (pkg / "c.py").write_text("from . import a\nfrom .b import f\n")
    graph = import_graph(tmp_path)
    assert [sorted(c) for c in nx.simple_cycles(graph)] == [["pkg.a", "pkg.b"]]  # any rotation
    assert set(graph.successors("pkg.c")) == {"pkg.a", "pkg.b"}
    assert "pkg" in modules(tmp_path)
