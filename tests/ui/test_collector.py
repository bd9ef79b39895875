"""Python's garbage collector runs in the GUI thread only (ui/run/collector.py): the window's
tests crashed with SIGSEGV while collecting, with an engine thread running."""
import gc
import threading


def test_garbage_is_collected_in_the_gui_thread_only(qtbot):
    from initviz.ui.run import collector
    assert not gc.isenabled()            # configure_application turned automatic collection off
    assert collector.running()
    where = []

    def seen(phase, info):
        if phase == "start":
            where.append(threading.current_thread())
    gc.callbacks.append(seen)
    try:
        class Node:
            pass
        looped = Node()
        looped.me = looped
        dead = [looped]
        del looped
        # A thread that allocates far past the thresholds: automatic collection would run
        # in it, many times.
        t = threading.Thread(target=lambda: [[[]] for _ in range(200_000)])
        t.start()
        t.join()
        assert where == []                # nothing collected in that thread
        keep = []

        def collected() -> bool:
            # past gen 0's threshold here, and again while waiting: another thread freeing
            # objects lowers the count (CI once saw no collection in 5 s)
            keep.extend([] for _ in range(2000))
            return len(where) > 0
        qtbot.waitUntil(collected, timeout=30000)
        assert all(w is threading.main_thread() for w in where)
        del keep, dead
    finally:
        gc.callbacks.remove(seen)


def test_once_the_window_is_warmed_up_its_start_up_objects_are_frozen_once(qtbot, window):
    """The objects of the start are out of the collector's sight once the idle warm-up is
    done, so older-generation collections during runs do not scan them; only once a process
    (objects frozen are never collected)."""
    from initviz.ui.run.collector import freeze_startup_objects
    window.show()
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=30000)
    assert not window.warm_timer.isActive()
    assert freeze_startup_objects() is False
