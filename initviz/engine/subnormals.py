"""Float32 subnormals flushed to zero while the engine trains.

A float32 below 1.2e-38 is subnormal, and an x86 core takes a slow microcode path for every
product that reads or makes one: in a saturated run (U[−1, 1) on MNIST, whose softmax puts
probabilities of 1e-40 into the gradients) a training step took 3x as long. The processor can
flush them to zero instead (x86: the FTZ and DAZ bits of MXCSR; ARM: FPCR.FZ), as TensorFlow
and XLA do on CPU and PyTorch does with ``torch.set_flush_denormal(True)``. A subnormal is
smaller than anything the float32 engine can add to a weight, so the runs measured here gave
the same losses to the last digit either way (tests/test_subnormals.py).

The setting belongs to the thread that makes it, and a thread started meanwhile inherits it
(POSIX): the engine sets it around its work between two snapshots and puts the old bits back
before the consumer's code runs. ``kept()`` lifts it for the statistics, whose pictures show
values as small as they are (a plain 50-layer sigmoid net's gradients reach 1e-40 at the
bottom). Where the layout of the control register is not the one checked here, nothing is
changed (the numbers stay right, only slower).
"""
from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import platform
import sys
import threading

_X86_FLUSH = 0x8040          # MXCSR: flush to zero (bit 15), subnormal operands are zero (bit 6)
_X86_DEFAULT_MASKS = 0x1F80  # MXCSR: every exception masked, as every C runtime starts
_ARM_FLUSH = 1 << 24         # FPCR.FZ
_WIN_FLUSH, _WIN_MASK = 0x01000000, 0x03000000   # _DN_FLUSH, _MCW_DN (float.h)


class _Register:
    """One control word, read and written through the C library: ``get`` and ``set`` of a
    buffer of ``size`` bytes whose word of ``width`` bytes at ``offset`` holds the bits."""

    def __init__(self, get, set_, size, offset, width, flush):
        self._get, self._set = get, set_
        self.size, self.offset, self.flush = size, offset, flush
        self._type = ctypes.c_uint32 if width == 4 else ctypes.c_uint64

    def read(self):
        buf = ctypes.create_string_buffer(self.size)
        if self._get(buf) != 0:
            raise OSError("cannot read the floating-point control word")
        return buf, self._type.from_buffer(buf, self.offset)

    def bits(self) -> int:
        """The flush bits as they are now."""
        return self.read()[1].value & self.flush

    def put(self, bits: int) -> None:
        """The flush bits set to ``bits``; every other bit as it was."""
        buf, word = self.read()
        word.value = (word.value & ~self.flush) | bits
        if self._set(buf) != 0:
            raise OSError("cannot write the floating-point control word")


class _Windows:
    flush = _WIN_FLUSH

    def __init__(self, controlfp_s):
        self._f = controlfp_s

    def bits(self) -> int:
        current = ctypes.c_uint(0)
        if self._f(ctypes.byref(current), 0, 0) != 0:
            raise OSError("_controlfp_s failed")
        return current.value & _WIN_MASK

    def put(self, bits: int) -> None:
        current = ctypes.c_uint(0)
        if self._f(ctypes.byref(current), bits, _WIN_MASK) != 0:
            raise OSError("_controlfp_s failed")


def _find():
    """The control register of this platform, or None where its layout is not known here."""
    machine = platform.machine().lower()
    if sys.platform == "win32":
        f = getattr(ctypes.CDLL("ucrtbase"), "_controlfp_s", None)
        return None if f is None else _Windows(f)
    libm = ctypes.CDLL(None)   # the interpreter links the maths library (no ldconfig call)
    if not hasattr(libm, "fegetenv"):
        libm = ctypes.CDLL(ctypes.util.find_library("m") or ctypes.util.find_library("c"))
    x86 = machine in ("x86_64", "amd64")
    arm = machine in ("arm64", "aarch64")
    if sys.platform == "darwin":
        # fenv_t: x86-64 {u16 control, u16 status, u32 mxcsr, 8 bytes}; arm64 {u64 fpsr, u64 fpcr}
        if x86:
            return _Register(libm.fegetenv, libm.fesetenv, 64, 4, 4, _X86_FLUSH)
        if arm:
            return _Register(libm.fegetenv, libm.fesetenv, 64, 8, 8, _ARM_FLUSH)
        return None
    if not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc" or \
            not hasattr(libm, "fegetmode"):   # glibc 2.25 on
        return None
    # femode_t: x86-64 {u16 control, u16 reserved, u32 mxcsr}; aarch64 the FPCR (u32). The
    # buffer is larger than either: a wrong guess must not write past it.
    if x86:
        return _Register(libm.fegetmode, libm.fesetmode, 64, 4, 4, _X86_FLUSH)
    if arm:
        return _Register(libm.fegetmode, libm.fesetmode, 64, 0, 4, _ARM_FLUSH)
    return None


_lock = threading.Lock()
_found: list = []


def _register():
    """The register, once found and tried: setting its bits must make float32 arithmetic
    flush (else the layout is not the one checked here, and it is never used)."""
    with _lock:
        if not _found:
            try:
                reg = _find()
                if isinstance(reg, _Register) and reg.flush == _X86_FLUSH:
                    _, word = reg.read()   # the layout is right only if the masks are there
                    if word.value & _X86_DEFAULT_MASKS != _X86_DEFAULT_MASKS:
                        reg = None
                if reg is not None:
                    old = reg.bits()
                    reg.put(reg.flush)
                    works = _flushes()
                    reg.put(old)
                    reg = reg if works else None
            except (OSError, AttributeError, TypeError, ValueError):
                reg = None
            _found.append(reg)
        return _found[0]


def _flushes() -> bool:
    """Whether this thread's float32 arithmetic flushes subnormals now."""
    import numpy as np
    tiny = np.array([1e-39], np.float32)     # subnormal
    return bool((tiny * np.float32(1.0))[0] == 0)


@contextlib.contextmanager
def _setting(flush: bool):
    """This thread's flush bits set (or cleared) inside the block and exactly as they were
    after it; yields whether it could be done here."""
    reg, old = _register(), None
    if reg is not None:
        try:
            old = reg.bits()
            if old != (reg.flush if flush else 0):
                reg.put(reg.flush if flush else 0)
        except OSError:
            reg = None
    try:
        yield reg is not None
    finally:
        if reg is not None and old != (reg.flush if flush else 0):
            try:
                reg.put(old)
            except OSError:
                pass


def flushed():
    """Subnormals flushed to zero in this thread inside the block (``with flushed() as on``:
    whether that could be done here), as they were after it."""
    return _setting(True)


def kept():
    """Subnormals kept (IEEE arithmetic) in this thread inside the block."""
    return _setting(False)


def supported() -> bool:
    with flushed() as on:
        return on
