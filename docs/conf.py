"""Sphinx configuration: MyST Markdown, furo, autodoc; built with -W in `make test`."""

import importlib
import pkgutil
import sys
import types
import warnings
from functools import cache

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import PycodeError
from sphinx.pycode import ModuleAnalyzer

import ledarskap
from ledarskap import __version__

project = "ledarskap"
author = "CKS, Centrum för kommunstrategiska studier"
copyright = "2026, CKS, Linköpings universitet"
release = __version__
version = __version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
exclude_patterns = ["_build"]
html_theme = "furo"
html_title = f"ledarskap {__version__}"
language = "en"

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
# Annotations imported only for type checking (matplotlib's Figure, in ledarskap.plots).
autodoc_type_aliases = {"Figure": "matplotlib.figure.Figure", "Axes": "matplotlib.axes.Axes"}
# No intersphinx: the build must pass offline, with -W.
# Every cross-reference must resolve (-W makes a broken one an error), except to what no
# inventory is loaded for: the standard library's and third parties' names (`dt` and `pd`
# are how modules import datetime and pandas), shown as plain text; and the private alias
# of ledarskap.errors for a message in one or both languages (a `str` or a `Text`).
nitpicky = True
_OUTSIDE = (
    "argparse|collections|copy|datetime|dt|enum|gettext|importlib|json|locale|os|pathlib"
    "|pkgutil|secrets|str|_pytest|cattrs|dateutil|hypothesis|matplotlib|pandas|pd|pyarrow"
    "|pytest|scipy"
)
nitpick_ignore_regex = [(r"py:.*", rf"({_OUTSIDE})(\..+)?")]
nitpick_ignore = [
    ("py:class", "Wording"),
    # A type variable, and a private Protocol (what DecisionCoverage needs of a case file),
    # as autodoc prints them in signatures.
    ("py:class", "ledarskap.errors.T"),
    ("py:class", "ledarskap.io.rulecoverage._CaseFile"),
]


def public_modules() -> list[str]:
    """Every module of ledarskap but the private ones (a part of the name starts with _)."""
    found = pkgutil.walk_packages(ledarskap.__path__, "ledarskap.")
    names = ["ledarskap", *(module.name for module in found)]
    return [name for name in names if not any(p.startswith("_") for p in name.split("."))]


def _alias_public_names(app: Sphinx, env: BuildEnvironment) -> None:
    """Let each public path of a documented object lead to its one entry.

    A name is documented once (``ledarskap.Cohort``) but is public under each module whose
    ``__all__`` has it (``ledarskap.model.Cohort``, ``ledarskap.model.cohorts.Cohort``):
    a role, or a reader's intersphinx, may use any of them, for the entry and its members.
    The aliases go to objects.inv as secondary entries.
    """
    objects = env.domains.python_domain.objects
    paths: dict[tuple[int, str], list[str]] = {}
    for module_name in public_modules():
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", ()):
            with warnings.catch_warnings():  # a deprecated name warns when it is asked for
                warnings.simplefilter("ignore")
                value = getattr(module, name)
            # A class or function is itself under any name; a constant also by its name, as
            # equal numbers and strings may be one object.
            key = "" if isinstance(value, type | types.FunctionType) else name
            paths.setdefault((id(value), key), []).append(f"{module_name}.{name}")
    for same in paths.values():
        homes = sorted((p for p in same if p in objects and not objects[p].aliased), key=len)
        if not homes:
            continue
        home = homes[0]
        entries = [home, *(name for name in objects if name.startswith(home + "."))]
        for path in same:
            for name in entries:
                alias = path + name[len(home) :]
                if alias not in objects:
                    objects[alias] = objects[name]._replace(aliased=True)


@cache
def _attribute_docs(module_name: str) -> dict[tuple[str, str], list[str]]:
    try:
        return ModuleAnalyzer.for_module(module_name).find_attr_docs()
    except PycodeError:
        return {}


def _data_doc_where_defined(*args: object) -> None:
    """Give a constant the docstring it has where it is defined.

    autodoc reads the docstring of a constant (the string under it) in the module it is
    documented under. For one defined in another module (``ledarskap.tables.SCHEMA`` is
    ``ledarskap.tables.schema.SCHEMA``) it finds none, and shows its type's: str's, dict's.
    Arguments: app, what, name, obj, options, lines.
    """
    what, name, value, lines = args[1], args[2], args[3], args[5]
    assert isinstance(name, str)
    assert isinstance(lines, list)
    module_name, _, short = name.rpartition(".")
    if what != "data" or ("", short) in _attribute_docs(module_name):
        return
    for module in list(sys.modules.values()):
        if module is None or not module.__name__.startswith("ledarskap."):
            continue
        docs = _attribute_docs(module.__name__)
        if vars(module).get(short) is value and ("", short) in docs:
            lines[:] = docs["", short]
            return
    if getattr(value, "__doc__", None) == getattr(type(value), "__doc__", None):
        lines.clear()


def _no_type_from_words(*args: object) -> None:
    """Undo napoleon reading the first words of an attribute's docstring as its type.

    Of ``Stödgrupp: work in the cohort's small groups.``, napoleon makes "work in …" with
    the type "Stödgrupp" (a link to nowhere). Attributes here are typed by annotations:
    the words go back where they were. Arguments: app, what, name, obj, options, lines.
    """
    what, lines = args[1], args[5]
    assert isinstance(lines, list)
    if what not in {"attribute", "data", "property"} or lines[-2:-1] != [""]:
        return
    if not lines[-1].startswith(":type: "):
        return
    words = lines.pop().removeprefix(":type: ")
    lines.pop()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        lines.append(f"{words}:")
    else:
        lines[first] = f"{words}: {lines[first]}"


def setup(app: Sphinx) -> None:
    """The handlers above; napoleon's of docstrings has the priority 500."""
    app.connect("env-updated", _alias_public_names)
    app.connect("autodoc-process-docstring", _data_doc_where_defined, priority=400)
    app.connect("autodoc-process-docstring", _no_type_from_words, priority=600)
