"""Arrays in shared memory, so that the worker processes of a comparison read its data (the
full MNIST set: 170 MB of float32) without a copy each.

``shared_empty`` allocates one (MNIST's pixels live in one from the start); ``share`` names
the block, offset, shape and dtype of an array that lies in such a block (a view included) or
copies it into a block of the caller's, and ``attach`` turns that name back into a read-only
array in a worker. Where shared memory cannot be had (a full /dev/shm), ``shared_empty`` gives
ordinary memory and ``share`` raises OSError: the comparison then runs in one process."""
from __future__ import annotations

import atexit
import math
import os
import sys
import threading
from dataclasses import dataclass
from multiprocessing import shared_memory

import numpy as np

_LOCK = threading.Lock()
_BLOCKS: dict[str, tuple[shared_memory.SharedMemory, int]] = {}  # name -> block, address
_ATTACHED: dict[str, shared_memory.SharedMemory] = {}           # in a worker


@dataclass(frozen=True)
class SharedArray:
    """Where an array lies: picklable, a few bytes."""
    block: str
    offset: int
    shape: tuple
    dtype: str


def _room(nbytes: int) -> bool:
    # Linux backs shared memory with /dev/shm; a container's is often 64 MB, and touching a
    # page beyond its size kills the process (SIGBUS) instead of raising.
    if not sys.platform.startswith("linux") or not os.path.isdir("/dev/shm"):
        return True
    st = os.statvfs("/dev/shm")
    return st.f_bavail * st.f_frsize > nbytes + (64 << 20)


def _new_block(nbytes: int) -> shared_memory.SharedMemory:
    if not _room(nbytes):
        raise OSError("not enough room in /dev/shm")
    block = shared_memory.SharedMemory(create=True, size=max(nbytes, 1))
    address = np.frombuffer(block.buf, np.uint8).ctypes.data
    with _LOCK:
        _BLOCKS[block.name] = (block, address)
    return block


def shared_empty(shape, dtype) -> np.ndarray:
    """An uninitialized array in shared memory, kept until the process ends; ordinary memory
    if shared memory cannot be had."""
    dtype = np.dtype(dtype)
    nbytes = math.prod(shape) * dtype.itemsize
    try:
        block = _new_block(nbytes)
    except OSError:
        return np.empty(shape, dtype)
    return np.ndarray(shape, dtype, buffer=block.buf)


def _locate(a: np.ndarray) -> SharedArray | None:
    if not (isinstance(a, np.ndarray) and a.flags.c_contiguous):
        return None
    start = a.__array_interface__["data"][0]
    with _LOCK:
        for name, (block, address) in _BLOCKS.items():
            if address <= start and start + a.nbytes <= address + block.size:
                return SharedArray(name, start - address, a.shape, a.dtype.str)
    return None


def share(a: np.ndarray, owned: list) -> SharedArray:
    """Where ``a`` lies in shared memory; an array elsewhere is copied into a new block,
    appended to ``owned`` (free it with ``release``). OSError if no block can be had."""
    where = _locate(a)
    if where is not None:
        return where
    a = np.ascontiguousarray(a)
    block = _new_block(a.nbytes)
    owned.append(block)
    np.ndarray(a.shape, a.dtype, buffer=block.buf)[...] = a
    return SharedArray(block.name, 0, a.shape, a.dtype.str)


def release(blocks: list) -> None:
    """Free blocks made by ``share`` (no array of this process uses them)."""
    for block in blocks:
        with _LOCK:
            _BLOCKS.pop(block.name, None)
        block.close()
        _unlink(block)
    blocks.clear()


def _unlink(block) -> None:
    try:
        block.unlink()
    except (FileNotFoundError, OSError):
        pass


def attach(where: SharedArray) -> np.ndarray:
    """A read-only view of a shared array, in a worker."""
    block = _ATTACHED.get(where.block)
    if block is None:
        block = _ATTACHED[where.block] = shared_memory.SharedMemory(where.block)
    dtype = np.dtype(where.dtype)
    a = np.ndarray(where.shape, dtype, buffer=block.buf, offset=where.offset)
    a.flags.writeable = False
    return a


@atexit.register
def _unlink_all() -> None:
    # The arrays may still be alive (MNIST is cached for the life of the process): unlink the
    # names only; the memory goes with the process.
    with _LOCK:
        blocks = [block for block, _ in _BLOCKS.values()]
        _BLOCKS.clear()
    for block in blocks:
        _unlink(block)
