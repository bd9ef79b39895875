"""Which processes are alive, read from /proc (Linux): the tests of worker processes look for
leftovers with it."""
import os


def _stat(pid) -> list[str] | None:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()   # state, ppid, ...
    except OSError:
        return None


def cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def alive(pid: int) -> bool:
    fields = _stat(pid)
    return fields is not None and fields[0] != "Z"


def workers(parent: int | None = None) -> set[int]:
    """The live multiprocessing workers ("spawn") whose parent is ``parent`` (default: this
    process); not multiprocessing's resource tracker, a helper that ends with its parent."""
    parent = os.getpid() if parent is None else parent
    out = set()
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            fields = _stat(pid)
            if fields and fields[1] == str(parent) and fields[0] != "Z" and \
                    "spawn_main" in cmdline(int(pid)):
                out.add(int(pid))
    return out
