"""The code compiled for the library's attrs classes, kept between runs of the command."""

from __future__ import annotations

import builtins
import marshal
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from attr import _make

from ledarskap import _code_cache

EXAMPLE = "src/ledarskap/data/example-program.json"
SOURCE = "def f(x):\n    return x + 1\n"
VERSION = (sys.implementation.cache_tag, sys.hexversion, _code_cache._ATTRS_FLAGS)


def _environment(cache: Path, *, write: bool = True) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    if not write:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _kept_files(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*attrs-code.*"))


def test_the_command_keeps_the_code_it_compiles_and_compiles_nothing_the_next_time(
    tmp_path: Path,
) -> None:
    """A second run finds every class's code: nothing in it differs from one process to
    the next (a hash written into the source would), so the file is not written again."""
    command = [sys.executable, "-m", "ledarskap", "validate", EXAMPLE, "--lang", "sv"]
    first = subprocess.run(
        command, env=_environment(tmp_path), check=False, capture_output=True, text=True
    )
    [kept] = _kept_files(tmp_path)
    version, codes = marshal.loads(kept.read_bytes())
    assert version == VERSION
    assert "<attrs generated methods ledarskap.model.people.Person>" in codes
    assert kept.name == f"ledarskap.attrs-code.{sys.implementation.cache_tag}.marshal"
    assert kept.parent.name == "src"  # beside the package, not in it: uninstalling leaves no folder
    written = kept.stat().st_mtime_ns, kept.read_bytes()
    second = subprocess.run(
        command, env=_environment(tmp_path), check=False, capture_output=True, text=True
    )
    assert (kept.stat().st_mtime_ns, kept.read_bytes()) == written
    assert (second.returncode, second.stdout, second.stderr) == (0, first.stdout, first.stderr)
    assert first.stdout.endswith("0 fel, 0 varningar: inga problem.\n")


def test_no_file_where_python_writes_no_bytecode(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "ledarskap", "validate", EXAMPLE]
    done = subprocess.run(
        command, env=_environment(tmp_path, write=False), check=False, capture_output=True
    )
    assert done.returncode == 0
    assert _kept_files(tmp_path) == []


def test_kept_code_is_the_code_compiled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = str(tmp_path / "kept.marshal")
    fresh = _code_cache._Kept(path, VERSION)
    code = fresh.code(SOURCE, "<attrs generated methods ledarskap.x.F>")
    fresh.write()
    monkeypatch.setattr(builtins, "compile", _refuse)  # found, not compiled
    found = _code_cache._Kept(path, VERSION).code(SOURCE, "<attrs generated methods ledarskap.x.F>")
    assert found == code
    scope: dict[str, Any] = {}
    eval(found, scope)
    assert scope["f"](1) == 2
    assert os.listdir(tmp_path) == ["kept.marshal"]  # no temporary file left


def _refuse(*args: object, **kwargs: object) -> None:
    raise AssertionError("compiled again")


def test_a_changed_source_is_compiled_afresh_in_place_of_the_old(tmp_path: Path) -> None:
    path = str(tmp_path / "kept.marshal")
    kept = _code_cache._Kept(path, VERSION)
    kept.code(SOURCE, "<f>")
    kept.write()
    again = _code_cache._Kept(path, VERSION)
    changed = again.code(SOURCE.replace("+ 1", "+ 2"), "<f>")
    scope: dict[str, Any] = {}
    eval(changed, scope)
    assert scope["f"](1) == 3
    assert again.changed
    assert list(again.codes) == ["<f>"]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00garbage\xff" * 10,
        marshal.dumps((VERSION, {"<f>": (SOURCE, compile(SOURCE, "<f>", "exec"))}))[:-7],
        marshal.dumps((("cpython-2", 0), {"<f>": (SOURCE, compile(SOURCE, "<f>", "exec"))})),
        marshal.dumps([1, 2, 3]),
        marshal.dumps((VERSION, {"<f>": ("other source", compile(SOURCE, "<f>", "exec"))})),
        marshal.dumps((VERSION, {"<f>": (SOURCE, "not code")})),
        marshal.dumps((VERSION, {"<f>": 7})),
    ],
    ids=["empty", "garbage", "cut short", "other Python", "no pair", "stale", "no code", "odd"],
)
def test_a_file_that_does_not_read_is_compiled_past(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "kept.marshal"
    path.write_bytes(content)
    kept = _code_cache._Kept(str(path), VERSION)
    scope: dict[str, Any] = {}
    eval(kept.code(SOURCE, "<f>"), scope)
    assert scope["f"](1) == 2
    kept.write()
    assert marshal.loads(path.read_bytes())[1]["<f>"][0] == SOURCE


def test_a_folder_that_cannot_be_written_is_left_quietly(tmp_path: Path) -> None:
    (tmp_path / "a file").write_text("not a folder")
    kept = _code_cache._Kept(str(tmp_path / "a file" / "kept.marshal"), VERSION)
    kept.code(SOURCE, "<f>")
    kept.write()  # no error: as Python's bytecode, kept only where it can be
    assert sorted(os.listdir(tmp_path)) == ["a file"]


def test_not_installed_where_attrs_compiles_otherwise(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_code_cache, "_kept", None)
    monkeypatch.setattr(_make, "_compile_and_eval", lambda source, scope: None)
    assert _code_cache.install("unused") is False
    monkeypatch.delattr(_make, "_compile_and_eval")
    assert _code_cache.install("unused") is False
    assert _code_cache._kept is None


def test_installed_it_keeps_the_library_s_classes_only(tmp_path: Path) -> None:
    """In a process of its own: attrs compiles through the cache from then on."""
    kept = tmp_path / "kept.marshal"
    script = textwrap.dedent(
        f"""
        import attrs, builtins, sys
        from ledarskap import _code_cache
        compiled = []
        original = builtins.compile
        def counting(source, filename, *args, **kwargs):
            compiled.append(filename)
            return original(source, filename, *args, **kwargs)
        builtins.compile = counting
        assert _code_cache.install({str(kept)!r})
        assert _code_cache.install() is True  # once
        scope = {{"__name__": "ledarskap.made_here", "attrs": attrs}}
        exec(
            "@attrs.frozen(eq=False)\\nclass Made:\\n    x: int = attrs.field(converter=int)\\n"
            # attrs' __hash__ holds a number seeded per process: compiled as attrs does
            "@attrs.frozen\\nclass Hashed:\\n    x: int\\n",
            scope,
        )
        @attrs.frozen
        class Other:
            y: int
        assert scope["Made"]("4").x == 4 and Other(1).y == 1
        assert hash(scope["Hashed"](1)) == hash(scope["Hashed"](1))
        print(sorted(name for name in compiled if "ledarskap.made_here" in name))
        """
    )
    env = _environment(tmp_path)
    first = subprocess.run(
        [sys.executable, "-c", script], env=env, check=False, capture_output=True, text=True
    )
    assert first.returncode == 0, first.stderr
    hashed = "<attrs generated methods ledarskap.made_here.Hashed>"
    made = "<attrs generated methods ledarskap.made_here.Made>"
    assert first.stdout == f"{[hashed, made]}\n"
    _, codes = marshal.loads(kept.read_bytes())
    assert list(codes) == [made]
    second = subprocess.run(
        [sys.executable, "-c", script], env=env, check=False, capture_output=True, text=True
    )
    assert (second.returncode, second.stdout) == (0, f"{[hashed]}\n")


def test_kept_code_is_what_attrs_compiles() -> None:
    """The same class of a ledarskap module and of another: the same code, compiled alike
    (with the ``__future__`` features of attrs' module, as attrs' own compile has them)."""
    script = textwrap.dedent(
        """
        import attrs, tempfile, os
        from ledarskap import _code_cache
        assert _code_cache.install(os.path.join(tempfile.mkdtemp(), "kept.marshal"))
        source = "@attrs.frozen(eq=False)\\nclass Made:\\n    x: int = attrs.field(converter=int)\\n"
        made = {}
        for module in ("ledarskap.made_here", "elsewhere"):
            scope = {"__name__": module, "attrs": attrs}
            exec(source, scope)
            made[module] = scope["Made"].__init__.__code__
        mine, theirs = made.values()
        print((mine.co_code, mine.co_flags, mine.co_consts) == (
            theirs.co_code, theirs.co_flags, theirs.co_consts
        ))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], check=False, capture_output=True, text=True
    )
    assert (done.stdout, done.stderr) == ("True\n", "")


def test_the_command_imports_argparse_untranslated() -> None:
    """argparse's messages in English, gettext not imported; a later import gets it whole."""
    script = textwrap.dedent(
        """
        import sys
        from ledarskap.__main__ import _import_argparse_untranslated
        _import_argparse_untranslated()
        import argparse
        print("gettext" in sys.modules, "locale" in sys.modules, argparse._("usage: "))
        print(argparse.ngettext("one", "many", 1), argparse.ngettext("one", "many", 2))
        import gettext
        print(callable(gettext.translation), gettext.gettext is not argparse._)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], check=False, capture_output=True, text=True
    )
    assert done.stdout.splitlines() == ["False False usage: ", "one many", "True True"]


def test_a_process_that_has_argparse_keeps_it() -> None:
    script = textwrap.dedent(
        """
        import argparse, gettext, sys
        from ledarskap.__main__ import _import_argparse_untranslated
        _import_argparse_untranslated()
        print(sys.modules["gettext"] is gettext, argparse._ is gettext.gettext)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], check=False, capture_output=True, text=True
    )
    assert done.stdout == "True True\n"
