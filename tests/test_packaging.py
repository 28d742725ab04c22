"""The install layout: one `newsx` namespace, a working console script, a core free of Textual."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import newsx


def test_version_command_prints_the_package_version():
    out = subprocess.run([sys.executable, "-m", "newsx", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"newsx {newsx.__version__}"


def test_packages_live_under_the_newsx_namespace_only():
    assert importlib.util.find_spec("newsx.core") is not None
    assert importlib.util.find_spec("newsx.tui") is not None
    assert importlib.util.find_spec("newsx.seeds") is not None
    assert importlib.util.find_spec("newsx.themes") is not None
    # No bare top-level `core` or `tui` package leaks into the environment.
    for bare in ("core", "tui"):
        spec = importlib.util.find_spec(bare)
        assert spec is None or "newsx" in str(spec.origin or ""), bare


def test_core_never_imports_textual():
    code = (
        "import sys, pkgutil, importlib, newsx.core as c\n"
        "for m in pkgutil.iter_modules(c.__path__): importlib.import_module('newsx.core.' + m.name)\n"
        "print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
