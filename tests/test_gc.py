"""The garbage collector pause around whole documents: nested, overlapping, restored."""

from __future__ import annotations

import gc
import threading

from ledarskap._gc import paused_gc


def test_pauses_nest_and_restore_the_collector() -> None:
    assert gc.isenabled()
    with paused_gc():
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off() -> None:
    gc.disable()
    try:
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_overlapping_pauses_in_threads_restore_the_collector_once_all_are_done() -> None:
    """The first pause to end does not turn the collector on under the other one."""
    inside, release = threading.Event(), threading.Event()
    seen: list[bool] = []

    def other() -> None:
        with paused_gc():
            inside.set()
            release.wait(5)
            seen.append(gc.isenabled())

    thread = threading.Thread(target=other)
    with paused_gc():
        thread.start()
        inside.wait(5)
    seen.append(gc.isenabled())  # this pause is over, the other thread's is not
    release.set()
    thread.join(5)
    assert seen == [False, False]
    assert gc.isenabled()
