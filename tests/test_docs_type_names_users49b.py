"""The API reference shows a type by its public name (users49: attribute types read
``svduty.periods._period.Period`` 18 times, ``svduty.funding._money.Money`` 7 times: the
private module each class is defined in). Sphinx is run on one page with the
documentation's own settings."""

from __future__ import annotations

import io
import re
import runpy
import warnings
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.deprecation import RemovedInSphinx11Warning

DOCS = Path(__file__).resolve().parents[1] / "docs"
SETTINGS = (
    "autodoc_typehints",
    "autoclass_content",
    "napoleon_google_docstring",
    "napoleon_attr_annotations",
    "python_use_unqualified_type_names",
)


def test_an_attribute_type_links_by_its_public_name(tmp_path):
    conf = runpy.run_path(str(DOCS / "conf.py"))
    src = tmp_path / "src"
    src.mkdir()
    settings = "".join(f"{k} = {conf[k]!r}\n" for k in SETTINGS if k in conf)
    (src / "conf.py").write_text(
        'extensions = ["sphinx.ext.autodoc", "sphinx.ext.napoleon"]\n' + settings,
        encoding="utf-8",
    )
    (src / "index.rst").write_text(
        "Areas\n=====\n\n.. autoclass:: svduty.areas.LocalArea\n\n"
        ".. autoclass:: svduty.periods.Period\n   :no-members:\n",
        encoding="utf-8",
    )
    out = tmp_path / "html"
    with warnings.catch_warnings():  # napoleon reads autodoc's options the old way
        warnings.simplefilter("ignore", RemovedInSphinx11Warning)
        app = Sphinx(str(src), str(src), str(out), str(tmp_path / "doctrees"), "html",
                     status=io.StringIO(), warning=io.StringIO(), freshenv=True)  # fmt: skip
        app.build()
    page = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="#svduty.periods.Period"' in page  # the link goes to the public entry
    shown = re.findall(r"<a [^>]*>(.*?)</a>", page, re.S)  # what the reader sees
    assert "<em>Period</em>" in shown
    assert not [s for s in shown if re.search(r"svduty\.[\w.]*\._\w+", s)]
