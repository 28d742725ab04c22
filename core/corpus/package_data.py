"""Where newsx's data packages (the bundled seeds and themes) are on disk."""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path


def package_folder(package: str) -> Path:
    """The folder of a data package such as `newsx.seeds`, installed or editable.

    From the import spec rather than `importlib.resources.files()`: that imports zipfile and the
    resource readers, about 2.5 ms of the first screen, to support zipped installs pip never makes.
    """
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"data package {package} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))
