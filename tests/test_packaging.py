"""The install layout: one `newsx` namespace, a working console script, a core free of Textual."""

from __future__ import annotations

import subprocess
import sys

import newsx


def test_version_command_prints_the_package_version():
    out = subprocess.run([sys.executable, "-m", "newsx", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"newsx {newsx.__version__}"


def test_packages_live_under_the_newsx_namespace_only(tmp_path):
    # Run from an empty folder so the checkout itself is not on sys.path.
    code = (
        "import importlib.util as u\n"
        "print([n for n in ('newsx.core', 'newsx.tui', 'newsx.seeds', 'newsx.themes') if u.find_spec(n) is None])\n"
        "print([n for n in ('core', 'tui', 'seeds', 'themes') if u.find_spec(n) is not None])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    missing, bare = out.stdout.splitlines()
    assert missing == "[]"
    assert bare == "[]"


def test_core_never_imports_textual():
    code = (
        "import sys, pkgutil, importlib, newsx.core as c\n"
        "names = [m.name for m in pkgutil.walk_packages(c.__path__, 'newsx.core.')]\n"
        "for name in names: importlib.import_module(name)\n"
        "print(len(names), 'textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    count, textual = out.stdout.split()
    assert int(count) > 40  # every module of every stage was imported
    assert textual == "False"
