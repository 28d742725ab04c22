"""When the cyclic garbage collector runs, for the whole process: paused while long-lived
objects are built in bulk, on while short-lived garbage is made in bulk.

The collector is process-wide state, so only the program's start-up (`newsx.cli`, the app) decides
it; the engine never touches it. Where the engine builds objects that live as long as the corpus
(articles recalled from the cache, an index read back), it runs that part inside a context the
caller gives (`long_lived=`), and the start-up passes `building_long_lived`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def building_long_lived() -> Iterator[None]:
    """No cyclic collection inside the block; what exists after it is frozen (`gc.freeze`).

    Reading an index back from the cache builds about 800,000 objects at 10,000 articles, all of
    which stay alive with the corpus. Each collection the allocations trigger scans them again and
    frees nothing, and the first one after the block scans them all once more: 0.7 s of a 1.8 s
    reopen. Frozen objects are still freed by reference counting when dropped; only a reference
    cycle among them would wait for `gc.unfreeze`. The collector is process-wide: other threads
    pause with it, and its state is restored after the block.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


@contextmanager
def collecting() -> Iterator[None]:
    """Cyclic collection on inside the block, even if start-up paused it (`newsx` does so until
    its first frame); its state is restored after the block. Forked workers started inside it
    collect too.

    For work that makes short-lived garbage in bulk: reading and cleaning thousands of files
    parses each into trees that are thrown away.
    """
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not was_enabled:
            gc.disable()
