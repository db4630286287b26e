"""Sphinx configuration: MyST Markdown, furo, autodoc; built with -W in `make test`."""

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
nitpicky = False
