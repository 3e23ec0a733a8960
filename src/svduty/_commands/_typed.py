"""What an error shows of a word typed on the command line: a path is named, a name screened.

One rule for every command (users53; the reference's "What an error shows of what you
typed"). An argument that takes only a path (``classify INPUT``, ``--output``) is named
back when svduty cannot find, read or write it, with its control characters escaped, as
every command-line tool names the file it cannot open: the path is the user's own, and
they need it to find the mistake. An argument that takes a name *or* a path
(``--partnership NAME|PATH``, ``validate NAME|PATH``, ``--definition ID|PATH``,
``governance --scenario NAME|FILE``) is read as a path when it looks like one (it has a
``/`` or the system's separator, begins with ``.``, or ends in a file ending: ``.toml``,
or one typed for it such as ``.tml``, ``.yaml``, ``.json``: ``./leeds``,
``../bundles/leeds``, ``scenario.toml``, ``whatif.tml``), and is then named back in the same way;
otherwise it is a name (``john.smith@example.com`` too), and a name that names nothing
svduty knows is shown only in a shape no person's details have (lowercase words joined by
hyphens, a GSS code: :data:`~svduty.errors.SAFE_SHAPE`), else described by its length. A
close known name is suggested either way.

Example:
    >>> said("./Jane Smith/bundle"), said("warwickshre"), said("Jane Smith")
    ('./Jane Smith/bundle', "'warwickshre'", 'a string of 10 characters, not shown')
"""

from __future__ import annotations

import os

from svduty.errors import printable, quote

__all__ = ["no_such_path", "read_as_path", "said", "shown_as_path"]

NAME_MAX = 255
"""The longest name of a file or folder a usual file system allows (``NAME_MAX``): a path
with a longer part names nothing, and is screened as a name is (review54a)."""

_FILE_ENDINGS = (".toml", ".tml", ".tom", ".yaml", ".yml", ".json", ".txt", ".ini", ".cfg")
"""The endings that make a value a file's name: TOML, which these arguments read, and the
endings a user types by mistake for it. A path the user needs to see (``whatif.tml: file
not found``) is named; a name (``john.smith@example.com``) ends in none of them."""


def read_as_path(value: str) -> bool:
    """Whether a value of a NAME|PATH argument was typed as a path, not a name.

    A path has a ``/`` (or the system's own separator), begins with ``.`` (``..``,
    ``.hidden``) or ends in a file ending (:data:`_FILE_ENDINGS`: ``.toml``, which these
    arguments read, and ``.tml``, ``.yaml``, ``.json`` typed for it); no name svduty
    knows (a packaged bundle, a scenario, a definition id) does. Another dot does not
    make a path: ``john.smith@example.com`` is screened as a name.

    Example:
        >>> [read_as_path(v) for v in ("./leeds", "a/b", "lgr.TOML", "..", "w.tml", "leeds")]
        [True, True, True, True, True, False]
        >>> read_as_path("j.s@x.uk")
        False
    """
    return (
        "/" in value
        or os.sep in value
        or value.startswith(".")
        or value.lower().endswith(_FILE_ENDINGS)
    )


def shown_as_path(value: str) -> bool:
    """Whether a NAME|PATH value is named back as a path: read as one, each part a name.

    A value typed as a path (:func:`read_as_path`) is named back however long, unless a
    part of it is longer than any file or folder name can be (:data:`NAME_MAX`):
    ``./`` and 300 characters is then described by its length, as the same 300
    characters typed without ``./`` are.

    Example:
        >>> shown_as_path("./leeds"), shown_as_path("./" + "x" * 300), shown_as_path("leeds")
        (True, False, False)
    """
    parts = value.replace(os.sep, "/").split("/")
    return read_as_path(value) and all(len(part) <= NAME_MAX for part in parts)


def no_such_path(value: str) -> str:
    """What an error says of a NAME|PATH value typed as a path that names nothing, or ``""``.

    Example:
        >>> no_such_path("./x.toml"), no_such_path("x"), no_such_path("./" + "x" * 300)
        ('no such file or folder', '', 'no such file or folder (a string of 302 characters, not shown)')
    """  # noqa: E501
    if not read_as_path(value):
        return ""
    return "no such file or folder" + ("" if shown_as_path(value) else f" ({quote(value)})")


def said(value: str) -> str:
    r"""A NAME|PATH value as an error says it: a path as typed (escaped), a name screened.

    Example:
        >>> print(said("x\x1b[31m.toml"), said("lgr-two-unitarie"), said("Leeds"), sep=" | ")
        x\x1b[31m.toml | 'lgr-two-unitarie' | a string of 5 characters, not shown
        >>> said("./" + "x" * 300)
        'a string of 302 characters, not shown'
    """
    return printable(value) if shown_as_path(value) else quote(value)
