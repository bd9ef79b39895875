"""Float32 subnormals flushed to zero while the engine trains.

A float32 below 1.2e-38 is subnormal, and an x86 core takes a slow microcode path for every
product that reads or makes one: in a saturated run (U[−1, 1) on MNIST, whose softmax puts
probabilities of 1e-40 into the gradients) a training step took 3x as long. The processor can
flush them to zero instead (x86: the FTZ and DAZ bits of MXCSR; ARM: FPCR.FZ), as TensorFlow
and XLA do on CPU and PyTorch does with ``torch.set_flush_denormal(True)``. A subnormal is
smaller than anything the float32 engine can add to a weight, so the runs measured here gave
the same losses to the last digit either way (tests/test_subnormals.py).

The setting belongs to the thread that makes it: ``flushed()`` sets it for the engine's thread
and puts the old one back; ``kept()`` lifts it for the statistics, whose pictures show values
as small as they are (a plain 50-layer sigmoid net's gradients reach 1e-40 at the bottom). Where the layout of the control registers is not the one checked
here, nothing is changed (the numbers stay right, only slower).
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

    def write(self, flush: bool) -> bool:
        """Set or clear the flush bits; return whether they were set before."""
        buf, word = self.read()
        before = bool(word.value & self.flush == self.flush)
        word.value = word.value | self.flush if flush else word.value & ~self.flush
        if self._set(buf) != 0:
            raise OSError("cannot write the floating-point control word")
        return before


class _Windows:
    def __init__(self, controlfp_s):
        self._f = controlfp_s

    def write(self, flush: bool) -> bool:
        current = ctypes.c_uint(0)
        if self._f(ctypes.byref(current), 0, 0) != 0:
            raise OSError("_controlfp_s failed")
        before = current.value & _WIN_MASK == _WIN_FLUSH
        if self._f(ctypes.byref(current), _WIN_FLUSH if flush else 0, _WIN_MASK) != 0:
            raise OSError("_controlfp_s failed")
        return before


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
            return _Register(libm.fegetenv, libm.fesetenv, 16, 4, 4, _X86_FLUSH)
        if arm:
            return _Register(libm.fegetenv, libm.fesetenv, 16, 8, 8, _ARM_FLUSH)
        return None
    if not hasattr(libm, "fegetmode"):   # glibc 2.25 on; musl has it too
        return None
    # femode_t: x86-64 glibc {u16 control, u16 reserved, u32 mxcsr}; aarch64 the FPCR (u32)
    if x86:
        return _Register(libm.fegetmode, libm.fesetmode, 8, 4, 4, _X86_FLUSH)
    if arm:
        return _Register(libm.fegetmode, libm.fesetmode, 8, 0, 4, _ARM_FLUSH)
    return None


_lock = threading.Lock()
_found: list = []


def _register():
    with _lock:
        if not _found:
            try:
                reg = _find()
                if isinstance(reg, _Register) and reg.flush == _X86_FLUSH:
                    _, word = reg.read()   # the layout is right only if the masks are there
                    if word.value & _X86_DEFAULT_MASKS != _X86_DEFAULT_MASKS:
                        reg = None
            except (OSError, AttributeError, TypeError, ValueError):
                reg = None
            _found.append(reg)
        return _found[0]


def _flushes() -> bool:
    """Whether this thread's float32 arithmetic flushes subnormals now."""
    import numpy as np
    tiny = np.array([1e-39], np.float32)     # subnormal
    return bool((tiny * np.float32(1.0))[0] == 0)


def set_flush(flush: bool) -> bool | None:
    """Flush float32 subnormals to zero in this thread (or stop); return whether it did
    before, or None where it cannot be set here."""
    reg = _register()
    if reg is None:
        return None
    try:
        before = reg.write(flush)
    except OSError:
        return None
    if _flushes() != flush:   # the bits did not do what they should: put them back
        try:
            reg.write(before)
        except OSError:
            pass
        with _lock:
            _found[0] = None
        return None
    return before


@contextlib.contextmanager
def flushed():
    """Subnormals flushed to zero in this thread inside the block, as they were after it."""
    before = set_flush(True)
    try:
        yield before is not None
    finally:
        if before is False:
            set_flush(False)


@contextlib.contextmanager
def kept():
    """Subnormals kept (IEEE arithmetic) in this thread inside the block."""
    before = set_flush(False)
    try:
        yield
    finally:
        if before:
            set_flush(True)
