"""The fence around Textual's private API: written for one release, and every name it uses exists.

A Textual upgrade that renames one of these breaks the speed-ups or the Help screen quietly (an
AttributeError deep in a frame, or a key list that misses keys); this says which name moved.
"""

from __future__ import annotations

import ast
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

from newsx.tui import textual_private

TUI = Path(textual_private.__file__).parent


def test_installed_textual_is_one_the_fence_was_written_for():
    installed = version("textual")
    assert installed in SpecifierSet(textual_private.SUPPORTED), (
        f"newsx.tui.textual_private was written for Textual {textual_private.WRITTEN_FOR} "
        f"({textual_private.SUPPORTED}), this is {installed}: check each private name it uses "
        "against the new release, then update WRITTEN_FOR and SUPPORTED"
    )


def test_pyproject_pins_textual_to_the_supported_range():
    pyproject = tomllib.loads((TUI.parent / "pyproject.toml").read_text(encoding="utf-8"))
    pins = [Requirement(d) for d in pyproject["project"]["dependencies"] if Requirement(d).name == "textual"]
    assert [str(pin.specifier) for pin in pins] == [str(SpecifierSet(textual_private.SUPPORTED))]


@pytest.mark.parametrize(
    ("cls", "name"), [(cls, name) for cls, names in textual_private.USED.items() for name in names],
    ids=lambda v: v if isinstance(v, str) else v.__name__,
)
def test_each_private_name_used_exists(cls, name):
    # Some are set in __init__ (instance attributes): a fresh, unmounted instance has them.
    assert hasattr(cls, name) or hasattr(cls(), name), f"Textual {version('textual')}: {cls.__name__}.{name} is gone"


def test_no_other_tui_module_touches_textual_private_names():
    """Private Textual modules (`textual._x`, `textual.widgets._x`) are imported only by the fence."""
    offenders = []
    for path in TUI.rglob("*.py"):
        if path.name == "textual_private.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("textual"):
                private = any(part.startswith("_") for part in node.module.split("."))
                names = [alias.name for alias in node.names if alias.name.startswith("_")]
                if private or names:
                    offenders.append(f"{path.relative_to(TUI)}: from {node.module} import ...")
    assert offenders == []
