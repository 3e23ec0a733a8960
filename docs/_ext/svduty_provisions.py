"""The provision index: provision -> rule id -> function -> module, generated at build time.

``.. svduty-provision-index::`` renders one table per cited document. Its rows come from
what the packages expose and from their source code, never from a hand-kept list:

- rule tables: every ``RULES`` / ``*_RULES`` / ``CHECKS`` mapping a package exports
  (``svduty.definitions.RULES``, ``svduty.governance.GOVERNANCE_RULES`` (or ``RULES``
  before the rename), a funding table if one appears), whatever the shape of the values
  (an object with ``citation``/``says``, or a tuple holding a ``Citation`` and a string);
- the authorities' rules: the :class:`~svduty.answers.Reason` objects their functions build
  with a literal rule id (found in the source of every module of ``svduty.authorities``,
  however it is split), and the case files of ``tests/cases/authorities`` (a case names
  the function it calls, the rule id that decides it and the provision it cites);
- funding checks: every ``Finding("rule-id", ...)`` built in ``svduty.funding``.

Where a rule is implemented is found in the source: the function (or method) in which its
id appears, and that function's module. Case files in ``tests/cases/*/`` are counted per
rule id, so a reader sees the tests that sit at the same path.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "cases"
PACKAGES = ("authorities", "definitions", "governance", "funding")
TABLE_NAME = re.compile(r"^(?:[A-Z]+_)*(?:RULES|CHECKS)$")


@dataclass(frozen=True)
class Site:
    """Where a rule id is used in code: module, enclosing function (dotted), line."""

    module: str
    function: str | None
    line: int


@dataclass
class Entry:
    """One row of the index."""

    family: str
    rule: str
    source_id: str
    source_title: str
    provision: str
    href: str | None
    says: str = ""
    functions: list[tuple[str, str | None]] = field(default_factory=list)  # (module, func)
    cases: list[str] = field(default_factory=list)


# --- source scanning -------------------------------------------------------------------


def modules_of(package: str) -> Iterator[str]:
    """The package and every module below it, private ones included."""
    pkg = importlib.import_module(package)
    yield package
    for info in pkgutil.walk_packages(pkg.__path__, package + "."):
        yield info.name


def _source_path(module: str) -> Path | None:
    mod = sys.modules.get(module) or importlib.import_module(module)
    path = getattr(mod, "__file__", None)
    return Path(path) if path and path.endswith(".py") else None


class _Scanner(ast.NodeVisitor):
    """Collects every string constant with the function that encloses it."""

    def __init__(self, module: str) -> None:
        self.module = module
        self.stack: list[str] = []
        self.strings: dict[str, list[Site]] = defaultdict(list)
        self.calls: list[tuple[ast.Call, Site]] = []
        # function -> local name -> the strings assigned to it (``rule = "a" if x else "b"``)
        self.assigned: dict[str | None, dict[str, list[str]]] = defaultdict(dict)

    def _scope(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> None:
        self.stack.append(node.name)
        self.generic_visit(node)
        self.stack.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = _scope

    def _site(self, node: ast.AST) -> Site:
        return Site(self.module, ".".join(self.stack) or None, getattr(node, "lineno", 0))

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str):
            self.strings[node.value].append(self._site(node))

    def visit_Call(self, node: ast.Call) -> None:
        self.calls.append((node, self._site(node)))
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        values = _strings(node.value)
        if values and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            scope = self.assigned[".".join(self.stack) or None]
            scope[node.targets[0].id] = scope.get(node.targets[0].id, []) + values
        self.generic_visit(node)


def _strings(node: ast.AST) -> list[str]:
    """The strings an expression can be: a constant, or either branch of a conditional."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    return []


@dataclass
class Scan:
    """The scanned source of some packages."""

    strings: dict[str, list[Site]]
    calls: list[tuple[ast.Call, Site, dict[str, Any]]]  # call, site, module constants
    helpers: dict[str, str | None]  # functions returning a Reason -> the source they cite
    finders: set[str]  # module-level functions that build and return a Finding
    assigned: dict[tuple[str, str | None], dict[str, list[str]]]  # (module, function) -> ...


def scan(packages: Iterable[str]) -> Scan:
    """Scan the source of every module of ``packages``."""
    strings: dict[str, list[Site]] = defaultdict(list)
    calls: list[tuple[ast.Call, Site, dict[str, Any]]] = []
    helpers: dict[str, str | None] = {}
    finders: set[str] = {"Finding"}
    assigned: dict[tuple[str, str | None], dict[str, list[str]]] = {}
    for package in packages:
        for module in modules_of(package):
            path = _source_path(module)
            if path is None:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            constants = _module_constants(tree)
            s = _Scanner(module)
            s.visit(tree)
            for text, sites in s.strings.items():
                strings[text].extend(sites)
            calls.extend((c, site, constants) for c, site in s.calls)
            helpers.update(_reason_helpers(constants))
            finders.update(
                node.name
                for key, node in constants.items()
                if key.startswith("def:") and _returns(node, "Finding")
            )
            assigned.update({(module, f): names for f, names in s.assigned.items()})
    return Scan(strings, calls, helpers, finders, assigned)


def _module_constants(tree: ast.Module) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant)
        ):
            out[node.targets[0].id] = node.value.value
        if isinstance(node, ast.FunctionDef):
            out[f"def:{node.name}"] = node
    return out


def _const(node: ast.AST | None, constants: dict[str, Any]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name) and isinstance(constants.get(node.id), str):
        return str(constants[node.id])
    return None


def _words(node: ast.AST | None, constants: dict[str, Any]) -> str | None:
    """A string constant, or an f-string's words with its values shown as an ellipsis."""
    if isinstance(node, ast.JoinedStr):
        return "".join(_const(v, constants) or "…" for v in node.values).strip() or None
    if isinstance(node, ast.IfExp):
        return _words(node.body, constants)
    return _const(node, constants)


def _callee(call: ast.Call) -> str:
    f = call.func
    if isinstance(f, ast.Name):
        return f.id
    if isinstance(f, ast.Attribute):
        return f.attr
    return ""


def _cite_args(node: ast.AST | None, constants: dict[str, Any]) -> tuple[str | None, str | None]:
    """(source id, provision) of a literal ``cite(source, provision)`` call."""
    if isinstance(node, ast.Call) and _callee(node) == "cite" and len(node.args) >= 2:
        return _const(node.args[0], constants), _const(node.args[1], constants)
    return None, None


def _returns(node: ast.FunctionDef, name: str) -> bool:
    ret = node.returns
    return (isinstance(ret, ast.Name) and ret.id == name) or (
        isinstance(ret, ast.Constant) and ret.value == name
    )


def _reason_helpers(constants: dict[str, Any]) -> dict[str, str | None]:
    """Module-level functions that return a Reason: name -> the source id they cite."""
    out: dict[str, str | None] = {}
    for key, node in constants.items():
        if not key.startswith("def:"):
            continue
        if _returns(node, "Reason"):
            source = None
            for sub in ast.walk(node):
                if isinstance(sub, ast.Call) and _callee(sub) == "cite" and sub.args:
                    source = _const(sub.args[0], constants)
            out[node.name] = source
    return out


# --- the families ----------------------------------------------------------------------


def _citation_of(value: Any) -> Any:
    from svduty.sources import Citation

    if isinstance(value, Citation):
        return value
    for attr in ("citation", "citations"):
        got = getattr(value, attr, None)
        if isinstance(got, Citation):
            return got
        if isinstance(got, tuple) and got and isinstance(got[0], Citation):
            return got[0]
    if isinstance(value, tuple | list):
        for item in value:
            if isinstance(item, Citation):
                return item
    return None


def _says_of(value: Any) -> str:
    if isinstance(value, str):
        return value
    for attr in ("says", "statement", "requires", "description", "message"):
        got = getattr(value, attr, None)
        if isinstance(got, str):
            return got
    if isinstance(value, tuple | list):
        for item in value:
            if isinstance(item, str):
                return item
    return ""


def rule_tables() -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(package, table name, table) for every rule table the packages export."""
    seen: set[int] = set()
    for name in PACKAGES:
        package = importlib.import_module(f"svduty.{name}")
        for attr in sorted(getattr(package, "__all__", dir(package))):
            table = getattr(package, attr, None)
            if TABLE_NAME.match(attr) and isinstance(table, dict) and id(table) not in seen:
                seen.add(id(table))
                yield name, attr, table


def _entry(family: str, rule: str, citation: Any, says: str) -> Entry:
    return Entry(
        family=family,
        rule=rule,
        source_id=citation.source.id,
        source_title=citation.source.title,
        provision=citation.provision,
        href=citation.href,
        says=says,
    )


def _sites(code: Scan, rule: str, package: str) -> list[Site]:
    """Where a rule id is written; for an id built in a loop (``f"DA-S2-1{letter}"``), where
    its longest literal prefix is."""
    sites = [s for s in code.strings.get(rule, []) if s.module.startswith(package)]
    if sites:
        return sites
    prefixes = [k for k in code.strings if len(k) >= 5 and rule.startswith(k)]
    for prefix in sorted(prefixes, key=len, reverse=True):
        sites = [s for s in code.strings[prefix] if s.module.startswith(package)]
        if sites:
            return sites
    return []


def _implementing(sites: list[Site]) -> list[tuple[str, str | None]]:
    """The functions in which a rule id appears; a module-level table when in none."""
    in_functions = [s for s in sites if s.function]
    chosen = in_functions or sites
    return list(dict.fromkeys((s.module, s.function) for s in chosen))


FAMILY = {
    "authorities": "The authorities' rules",
    "definitions": "The definitions' rules",
    "governance": "The governance rules",
    "funding": "The funding checks",
}


def collect() -> list[Entry]:
    """Every row of the index."""
    from svduty.sources import cite

    code = scan(f"svduty.{p}" for p in PACKAGES)
    entries: dict[tuple[str, str, str], Entry] = {}

    def add(e: Entry, where: Iterable[tuple[str, str | None]]) -> None:
        key = (e.family, e.rule, e.provision)
        got = entries.setdefault(key, e)
        for w in where:
            if w not in got.functions:
                got.functions.append(w)
        if not got.says and e.says:
            got.says = e.says

    # rule tables
    declared = practice_citations()
    for package, _, table in rule_tables():
        for rule, value in table.items():
            sites = _sites(code, str(rule), f"svduty.{package}")
            where = _implementing(sites)
            if package == "definitions":
                # one rule table, two engines: the scalar and the columnar classifier
                where = [(s.module, None) for s in sites[:1]] or where
            citation = _citation_of(value)
            if citation is not None:
                add(_entry(FAMILY[package], str(rule), citation, _says_of(value)), where)
                continue
            # a check of practice: no law in code; a bundle declares it, citing its documents
            e = Entry(FAMILY[package], str(rule), "", PRACTICE_TITLE, "", None, _says_of(value))
            if str(rule) in declared:
                e = _entry(FAMILY[package], str(rule), declared[str(rule)], _says_of(value))
                e.source_title = f"{PRACTICE_TITLE}: Warwickshire's, citing {e.source_title}"
            add(e, where)

    # reasons built with a literal rule id (the authorities), findings (funding)
    for call, site, constants in code.calls:
        family = site.module.split(".")[1]
        helpers = code.helpers
        name = _callee(call)
        if family == "authorities" and (name == "Reason" or name in helpers) and call.args:
            first = call.args[0]
            local = code.assigned.get((site.module, site.function), {})
            rules = [r] if (r := _const(first, constants)) else []
            if not rules and isinstance(first, ast.Name):
                rules = local.get(first.id, [])
            for rule in rules:
                source, provision = None, None
                if name == "Reason" and len(call.args) >= 3:
                    source, provision = _cite_args(call.args[2], constants)
                elif name in helpers:
                    source = helpers[name]
                    provision = _const(call.args[2], constants) if len(call.args) >= 3 else None
                citation = cite(source or "pcsc-act-2022", provision or rule)
                says = _words(call.args[1], constants) if len(call.args) >= 2 else None
                where = [(site.module, site.function)]
                add(_entry(FAMILY[family], rule, citation, says or ""), where)
        elif family == "funding" and name in code.finders and call.args:
            rule = _const(call.args[0], constants)
            if rule is None or any(e.rule == rule for e in entries.values()):
                continue
            e = Entry(FAMILY[family], rule, "", "", "", None)
            add(e, [(site.module, site.function)])

    # the case files: which function a case calls, which rule decides it
    cases = case_files()
    for package, function, rule, provision in cases:
        if package != "authorities" or function is None:
            continue
        module = _module_of(f"svduty.{package}", function)
        matching = [e for e in entries.values() if e.family == FAMILY[package] and e.rule == rule]
        if not matching:
            add(_entry(FAMILY[package], rule, cite("pcsc-act-2022", provision or rule), ""), [])
            matching = [entries[(FAMILY[package], rule, provision or rule)]]
        for e in matching:
            if module and (module, function) not in e.functions:
                e.functions.append((module, function))
    for e in entries.values():
        for (_, _, rule, _), names in cases.items():
            if rule == e.rule:
                e.cases.extend(n for n in names if n not in e.cases)
    return sorted(entries.values(), key=sort_key)


PRACTICE_TITLE = "A partnership's practice, declared with its citation in its bundle"


def practice_citations() -> dict[str, Any]:
    """Rule id -> citation of the practice rules the packaged Warwickshire bundle declares."""
    import svduty

    declared = getattr(svduty.warwickshire(), "governance_rules", ()) or ()
    out = {}
    for rule in declared:
        citation = _citation_of(rule)
        if getattr(rule, "id", None) and citation is not None:
            out[rule.id] = citation
    return out


def _module_of(package: str, function: str) -> str | None:
    obj = getattr(importlib.import_module(package), function, None)
    return getattr(obj, "__module__", None)


def case_files() -> dict[tuple[str, str | None, str, str | None], list[str]]:
    """(package, function, rule id, provision) -> the case files (``dir/file.toml``)."""
    import tomllib

    out: dict[tuple[str, str | None, str, str | None], list[str]] = defaultdict(list)
    if not CASES.is_dir():
        return out
    for path in sorted(CASES.glob("*/*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in [*data.get("cases", []), *data.get("case", [])]:
            rule = case.get("decided_by")
            if not isinstance(rule, str):
                continue
            function = case.get("rule") if isinstance(case.get("rule"), str) else None
            provision = case.get("cites") or case.get("citation")
            key = (path.parent.name, function, rule, provision)
            name = f"{path.parent.name}/{path.name}"
            if name not in out[key]:
                out[key].append(name)
    return out


_PROVISION = re.compile(r"\d+|\D+")


def sort_key(e: Entry) -> tuple[Any, ...]:
    """Documents in family order; provisions in the Act's order (s.9 before s.11)."""
    natural = tuple(
        (0, int(p), "") if p.isdigit() else (1, 0, p) for p in _PROVISION.findall(e.provision)
    )
    practice = e.source_title.startswith(PRACTICE_TITLE)  # after the law
    return (list(FAMILY.values()).index(e.family), practice, e.source_title, natural, e.rule)


# --- rendering ---------------------------------------------------------------------------


def _escape(text: str) -> str:
    return re.sub(r"([\\`*_|:<>\[\]])", r"\\\1", text)


FIGURES_TITLE = "Checks on the figures (each finding cites the figures it compares)"
HEADER = (
    "   :header-rows: 1",
    "   :widths: 12 14 34 26 14",
    "",
    "   * - Provision",
    "     - Rule id",
    "     - What it says",
    "     - Function, in module",
    "     - Case files",
)


def render(
    entries: list[Entry], documented: dict[tuple[str, str], str], source_pages: set[str]
) -> str:
    """The index as reStructuredText.

    Args:
        entries: The rows.
        documented: ``(module, function) -> target`` for functions the reference renders.
        source_pages: The modules whose highlighted source the HTML build has.
    """
    out: list[str] = []
    by_family: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        by_family[e.family].append(e)
    for family in FAMILY.values():
        rows = by_family.get(family)
        if not rows:
            continue
        out += [family, "-" * len(family), ""]
        by_source: dict[str, list[Entry]] = defaultdict(list)
        for e in rows:
            by_source[e.source_title or FIGURES_TITLE].append(e)
        for title, group in by_source.items():
            out += [f".. list-table:: {_escape(title)}", *HEADER]
            for e in group:
                if e.href and e.provision:
                    prov = f"`{_escape(e.provision)} <{e.href}>`__"
                else:
                    prov = _escape(e.provision) or "—"
                code = [
                    f"{_function_cell(m, f, documented)} in "
                    f"{_module_cell(m, f, documented, source_pages)}"
                    for m, f in e.functions
                ]
                cases = ", ".join(_escape(c) for c in e.cases)
                out += [
                    f"   * - {prov}",
                    f"     - ``{e.rule}``",
                    f"     - {_escape(e.says) or '—'}",
                    f"     - {'; '.join(dict.fromkeys(code)) or '—'}",
                    f"     - {cases or '—'}",
                ]
            out.append("")
    return "\n".join(out)


def _function_cell(
    module: str, function: str | None, documented: dict[tuple[str, str], str]
) -> str:
    if function is None:
        if ".definitions" not in module:
            return "module level"
        import svduty

        engines = [
            _function_cell(f.__module__, f.__qualname__, documented)
            for f in (svduty.classify, svduty.classify_table)
        ]
        return f"the rule table, read by {' and '.join(engines)}"
    target = documented.get((module, function))
    if target:
        role = "py:meth" if "." in function else "py:func"
        return f":{role}:`~{target}`"
    return f"``{function}``"


def _module_cell(
    module: str,
    function: str | None,
    documented: dict[tuple[str, str], str],
    source_pages: set[str],
) -> str:
    label = module.removeprefix("svduty.").replace(".", "/") + ".py"
    if module not in source_pages:
        return f"``{label}``"
    anchor = f"#{function}" if function and (module, function) in documented else ""
    page = f"_modules/{module.replace('.', '/')}.html"
    SOURCE_LINKS.add(page)
    return f"`{_escape(label)} <../{page}{anchor}>`__"


SOURCE_LINKS: set[str] = set()
"""The highlighted-source pages the index links to, checked when the HTML build ends."""


# --- the Sphinx side ---------------------------------------------------------------------

AUTOMODULE = re.compile(r"^\.\. automodule::\s*(\S+)\s*\n((?:[ \t]+:.*\n|[ \t]*\n)*)", re.M)


def documented_functions(reference: Path) -> dict[tuple[str, str], str]:
    """``(defining module, qualname) -> documented name`` for what the reference renders."""
    import inspect

    out: dict[tuple[str, str], str] = {}
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(reference.glob("*.rst")))
    for path, options in AUTOMODULE.findall(text):
        if ":no-index:" in options or ":no-members:" in options:
            continue
        module = importlib.import_module(path)
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name, None)
            if inspect.isfunction(obj):
                out.setdefault((obj.__module__, obj.__qualname__), f"{path}.{name}")
            elif inspect.isclass(obj) and obj.__module__.startswith("svduty"):
                for attr, value in vars(obj).items():
                    if not attr.startswith("_") and inspect.isfunction(value):
                        key = (obj.__module__, f"{obj.__qualname__}.{attr}")
                        out.setdefault(key, f"{path}.{name}.{attr}")
    return out


def setup(app: Any) -> dict[str, Any]:
    """Register ``.. svduty-provision-index::``."""
    from sphinx.util.docutils import SphinxDirective

    class ProvisionIndex(SphinxDirective):
        has_content = False

        def run(self) -> list[Any]:
            reference = Path(self.env.srcdir) / "reference"
            documented = documented_functions(reference)
            html = self.env.app.builder.format == "html"
            pages = {m for m, _ in documented} if html else set()
            entries = collect()
            for e in entries:
                for module, _ in e.functions:
                    path = _source_path(module)
                    if path is not None:
                        self.env.note_dependency(str(path))
            return self.parse_text_to_nodes(
                render(entries, documented, pages), allow_section_headings=True
            )

    def check_source_links(app: Any, exception: Exception | None) -> None:
        from sphinx.util import logging

        if exception is None and app.builder.format == "html":
            for page in sorted(SOURCE_LINKS):
                if not (Path(app.outdir) / page).is_file():
                    logging.getLogger(__name__).warning(
                        "provision index: links to %s, which the build did not write", page
                    )

    app.add_directive("svduty-provision-index", ProvisionIndex)
    app.connect("build-finished", check_source_links)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
