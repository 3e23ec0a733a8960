"""Sphinx configuration for the svduty documentation."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent / "_ext"))

import svduty

HERE = Path(__file__).resolve().parent

project = "svduty"
author = "svduty developers"
copyright = "2026, svduty developers. Data: Open Government Licence v3.0"
release = svduty.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "sphinx.ext.intersphinx",
    "myst_nb",  # Markdown pages (MyST) and the notebooks of docs/notebooks, executed here
    # docs/_ext: generated at build time, nothing kept by hand
    "svduty_figures",  # the tutorials' figures, drawn before any page is read
    "svduty_provisions",  # .. svduty-provision-index:: provision -> rule -> function -> module
    "svduty_cli",  # .. svduty-cli-reference:: every command and option, from argparse
]
source_suffix = {".rst": "restructuredtext", ".md": "myst-nb", ".ipynb": "myst-nb"}

# The notebooks are kept without outputs; the build runs them (once per build folder: the
# HTML and the doctest builders share the cache) and fails on an error in any cell.
nb_execution_mode = "cache"


def _source_digest(root: Path) -> str:
    """A digest of the names and bytes of every file under ``root`` (compiled files aside)."""
    digest = hashlib.sha256()
    for f in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes())
    return digest.hexdigest()[:16]


# One cache per state of the package (its code and data): the notebooks' outputs depend on
# it, and a change to it names another folder, so the notebooks run again (and, this value
# having changed, Sphinx reads every page again) rather than show an old output.
nb_execution_cache_path = str(
    HERE / "_build" / ".jupyter_cache" / _source_digest(HERE.parent / "src" / "svduty")
)
nb_execution_raise_on_error = True
nb_execution_timeout = 180
nb_execution_show_tb = True
nb_merge_streams = True
exclude_patterns = ["_build", "**/_build", "_intersphinx"]

# Links to other projects' documentation from inventories shipped in docs/_intersphinx/, so an
# offline build (and -W) never depends on the network. How each was obtained: its README.
intersphinx_mapping = {
    name: (url, str(HERE / "_intersphinx" / f"{name}.inv"))
    for name, url in {
        "python": "https://docs.python.org/3/",
        "attrs": "https://www.attrs.org/en/stable/",
        "networkx": "https://networkx.org/documentation/stable/",
        "pyarrow": "https://arrow.apache.org/docs/",
    }.items()
}
intersphinx_timeout = 5

html_theme = "furo"
html_title = f"svduty {release}"
html_static_path = ["_static"]
html_css_files = ["svduty.css"]  # notebook outputs wrap (docs/_static/svduty.css)

autodoc_member_order = "bysource"
# A type shows its own name (Period), not the private module it is defined in
# (svduty.periods._period.Period): the link still goes to the public entry (users49b)
python_use_unqualified_type_names = True
autodoc_typehints = "description"
autodoc_preserve_defaults = True  # show `CATALOGUE`, not its repr, in signatures
autodoc_default_options = {"members": True, "show-inheritance": True}
autoclass_content = "class"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_attr_annotations = True

# Docstring examples run under pytest (--doctest-modules) with their module's globals.
# The docs' own examples are `.. doctest::` / `.. testcode::` blocks, tested here.
doctest_test_doctest_blocks = ""
doctest_global_setup = """
import svduty
"""
suppress_warnings = ["myst.header"]

# Broken internal cross-references fail the build (-W). Types from other libraries, type
# variables and typing internals have no target here; they are ignored by pattern.
nitpicky = True
nitpick_ignore_regex = [
    (
        r"py:.*",
        r"~?(pa|pyarrow|pc|pendulum|cattrs|attrs|nx|networkx|matplotlib|numpy|pandas)(\..*)?",
    ),
    (
        r"py:.*",
        r"(typing|collections|collections\.abc|types|decimal|fractions|pathlib|datetime)\..*",
    ),
    (r"py:.*", r"(enum|argparse|io|re)\..*"),
    # private classes named in signatures (bases, protocols): they have no page of their own
    (r"py:class", r"svduty(\.\w+)*\._\w+\.[A-Z]\w*"),
    (r"py:(class|obj)", r"svduty\.[\w.]*\.T"),  # type variables
    # private base classes a public class is split into (show-inheritance names them)
    (r"py:class", r"svduty\.[\w.]*\._\w+\.(Resolving|Locating|GraphQuestions)"),
]
# Short names in the docstrings of modules another engineer is changing in parallel
# (svduty.io._pipeline, svduty.io._police_uk, svduty.definitions); to qualify after merge.
nitpick_ignore = [
    ("py:data", "AREA_COLUMNS"),
    ("py:func", "classify_batch"),
    ("py:func", "default_pipeline"),
    ("py:class", "svduty.definitions._expr.Expr"),
    ("py:class", "DataError"),
    ("py:func", "svduty.warwickshire"),
    ("py:mod", "svduty._commands"),  # the private command modules (svduty.cli's docstring)
    ("py:class", "svduty.Partnership"),  # documented as svduty.partnership.Partnership
    # a signature whose other names are imported for type checking only (svduty.io._bundle
    # does not import svduty.partnership at run time) keeps its annotations as text
    ("py:class", "Path"),
    # the same where `import datetime as _dt` names the day type (svduty.funding._editions)
    ("py:class", "_dt.date"),
]
