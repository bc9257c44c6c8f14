"""Work shared with a forked process: the site writes thousands of record pages on one core while
the other is idle (the mkdocs build after it is one core's work anyway).

`share(items, each, first)` runs `first()` and `each` over `items` in chunks; where the system can
fork and there are many items, a forked process takes chunks too, from a shared counter, so the
two finish together whatever else the machine is doing. `each` writes files and returns nothing:
which process writes a page changes no byte of it.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

CHUNK = 250
# Below this many items forking (a copy of a large process's page tables) costs more than it saves.
MIN_ITEMS = 2000


def _can_fork() -> bool:
    return hasattr(os, "fork") and "fork" in multiprocessing.get_all_start_methods()


def share(
    items: Sequence[T],
    each: Callable[[Sequence[T]], None],
    first: Callable[[], None],
) -> None:
    """`first()`, then `each` over every chunk of `items`, the chunks shared with a forked
    process. If that process fails (killed, or what it ran raised), every chunk is done again
    here, so what it raised is raised here as if nothing had been shared."""
    chunks = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
    if len(items) < MIN_ITEMS or not _can_fork():
        first()
        for chunk in chunks:
            each(chunk)
        return
    counter = multiprocessing.get_context("fork").Value("q", 0)

    def work() -> None:
        while True:
            with counter.get_lock():
                index = counter.value
                counter.value = index + 1
            if index >= len(chunks):
                return
            each(chunks[index])

    pid = os.fork()
    if pid == 0:  # the forked process: never returns into the caller's code
        code = 1
        try:
            work()
            code = 0
        finally:
            os._exit(code)
    try:
        first()
        work()
    except BaseException:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    if os.waitpid(pid, 0)[1] != 0:
        for chunk in chunks:
            each(chunk)
