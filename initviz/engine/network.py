"""The multilayer perceptron: dense layers, optional batch norm and residual skips.

Parameters live in one flat buffer (and gradients in another) with per-layer views, so the
optimizer, clipping and weight decay each run as a few whole-buffer NumPy calls instead of a
Python loop over layers. Hidden layer l computes

    s = x @ W + b;  u = BN(s) or s;  a = f(u);  h = a + x (residual) or a

and keeps ``pre[l] = u`` and ``act[l] = a``; backward fills ``grad_pre[l] = dL/du`` (Glorot's
dL/ds when there is no batch norm) and ``grad_act[l] = dL/dh``.

Training-mode passes (``forward(train=True)`` and the ``backward`` after it) write into arrays
kept per batch size, so a training step allocates almost nothing: what they return or keep
(``probs``, ``logits``, ``pre``, ``act``, ``grad_pre``, ``grad_act``) is overwritten by the next
training-mode pass with the same batch size; copy what must outlive it. Evaluation passes
(``train=False``) allocate fresh arrays, or write into ``eval_arrays(n)`` when given them (the
runner's validation: fresh arrays of a 2000-image chunk cost a page fault per 4 KB each time).

Input columns that are zero for every sample of a batch (MNIST's empty borders: a third of the
pixels of a 128-image batch) add nothing to the first layer; given ``nonzero_columns(x)``,
``forward`` and ``backward`` leave them out of the first layer's two products.
"""
from __future__ import annotations

import numpy as np

from .activations import make_activation, _sigmoid

BN_EPS = 1e-5
BN_MOMENTUM = 0.1
WORKSPACES = 3  # batch sizes whose arrays are kept: typically the training batch and the probe
SPARSE_MIN = 0.1  # skip zero input columns only when at least this fraction of them is zero


def nonzero_columns(x: np.ndarray):
    """``(columns, x[:, columns])`` for the columns of x that are not all zero, or None when
    fewer than SPARSE_MIN of the columns are all zero (then skipping them does not pay)."""
    x = np.asarray(x)
    used = (x != 0).any(axis=0)   # (x != 0).any, np.take: the same, at half the cost
    if used.size == 0 or used.mean() > 1 - SPARSE_MIN:
        return None
    cols = np.flatnonzero(used)
    return cols, np.take(x, cols, axis=1)


class _Workspace:
    """The arrays of the passes with one batch size; every entry is None when ``keep`` is
    false, and NumPy then allocates (``out=None``)."""

    def __init__(self, net: "Network", n: int, keep: bool):
        self.n, self.keep = n, keep
        self.rows = np.arange(n)
        dt, L = net.dtype, len(net.widths)

        def new(*shape):
            return np.empty(shape, dt) if keep else None

        self.s = [new(n, W.shape[1]) for W in net.W[:-1]]
        self.a = [new(n, w) if net.pieces == 1 else None for w in net.widths]
        self.h = [new(n, w) if r else None for w, r in zip(net.widths, net.residual)]
        self.z, self.p = new(n, net.n_out), new(n, net.n_out)
        self.zmax, self.zsum = new(n, 1), new(n, 1)
        self.dz = new(n, net.n_out)
        # backward's arrays, made on the first backward (evaluation passes have none)
        self.dh = self.du = [None] * L

    def backward_arrays(self, net: "Network") -> None:
        if self.keep and self.dh and self.dh[0] is None:
            n, dt = self.n, net.dtype
            self.dh = [np.empty((n, w), dt) for w in net.widths]
            self.du = [np.empty((n, W.shape[1]), dt) for W in net.W[:-1]]


class Network:
    def __init__(self, input_dim: int, widths, n_out: int, cfg, dtype=np.float32):
        self.cfg = cfg
        self.dtype = np.dtype(dtype)
        self.input_dim = int(input_dim)
        self.widths = tuple(int(w) for w in widths)
        self.n_out = int(n_out)
        self.act_fn = make_activation(cfg.activation, cfg.negative_slope)
        self.pieces = cfg.maxout_pieces if cfg.activation == "maxout" else 1
        self.softmax = cfg.output == "softmax"
        sizes = (self.input_dim,) + self.widths
        self.shapes = []  # (fan_in, fan_out) per dense layer, output last
        for i, w in enumerate(self.widths):
            self.shapes.append((sizes[i], w))
        self.shapes.append((sizes[-1], self.n_out))
        self.residual = [cfg.residual and sizes[i] == w for i, w in enumerate(self.widths)]
        self._layout()
        # Batch norm normalizes every dense output: all k pieces of a maxout unit.
        self.running_mean = [np.zeros(w * self.pieces, self.dtype) for w in self.widths]
        self.running_var = [np.ones(w * self.pieces, self.dtype) for w in self.widths]
        self.pre, self.act, self.grad_pre, self.grad_act = [], [], [], []
        self._workspaces: dict[int, _Workspace] = {}
        self._ws = None  # the workspace of the last forward

    # -- parameters -------------------------------------------------------------------------
    def _layout(self):
        specs = []  # (kind, layer, shape)
        for l, (fi, fo) in enumerate(self.shapes):
            hidden = l < len(self.widths)
            cols = fo * (self.pieces if hidden else 1)
            specs.append(("W", l, (fi, cols)))
            if self.cfg.bias:
                specs.append(("b", l, (cols,)))
            if hidden and self.cfg.batch_norm:
                specs.append(("gamma", l, (cols,)))
                specs.append(("beta", l, (cols,)))
        total = sum(int(np.prod(s)) for _, _, s in specs)
        self.params = np.zeros(total, self.dtype)
        self.grad = np.zeros(total, self.dtype)
        # Mask of the entries weight decay applies to (weights, not biases or BN parameters).
        self.decay_mask = np.zeros(total, bool)
        n = len(self.shapes)
        self.W, self.b = [None] * n, [None] * n
        self.gamma, self.beta = [None] * n, [None] * n
        self.dW, self.db = [None] * n, [None] * n
        self.dgamma, self.dbeta = [None] * n, [None] * n
        offset = 0
        for kind, l, shape in specs:
            size = int(np.prod(shape))
            view = self.params[offset:offset + size].reshape(shape)
            gview = self.grad[offset:offset + size].reshape(shape)
            getattr(self, kind)[l] = view
            getattr(self, "d" + kind)[l] = gview
            if kind == "W":
                self.decay_mask[offset:offset + size] = True
            offset += size

    def initialize(self, init, rng: np.random.Generator) -> None:
        """Sample every dense layer's weights from ``init``; biases start at ``init.bias`` (plus
        N(0, bias_std²) noise when ``init.bias_std`` > 0)."""
        from .initializers import sample_weights
        for l, (fi, fo) in enumerate(self.shapes):
            k = self.pieces if l < len(self.widths) else 1
            # Maxout: each of the k pieces is initialized like an ordinary layer.
            pieces = [sample_weights(init, fi, fo, rng, self.dtype) for _ in range(k)]
            W = pieces[0] if k == 1 else np.stack(pieces, axis=2).reshape(fi, fo * k)
            self.W[l][...] = W
            if self.b[l] is not None:
                self.b[l][...] = init.bias
                if init.bias_std > 0:  # drawn only then, so other starts keep their stream
                    self.b[l] += (init.bias_std * rng.standard_normal(self.b[l].shape)
                                  ).astype(self.dtype)
            if self.gamma[l] is not None:
                self.gamma[l][...] = 1.0
                self.beta[l][...] = 0.0
        for m, v in zip(self.running_mean, self.running_var):
            m[...] = 0.0
            v[...] = 1.0

    @property
    def hidden_count(self) -> int:
        return len(self.widths)

    @property
    def layout(self) -> tuple:
        """What the shape of every array of a pass depends on, besides the batch size: networks
        with one layout can share ``eval_arrays``."""
        return (self.dtype.str, self.input_dim, self.widths, self.n_out, self.pieces,
                tuple(self.residual), tuple(W.shape for W in self.W))

    def eval_arrays(self, n: int) -> _Workspace:
        """Arrays for evaluation passes of ``n`` samples (``forward(arrays=...)``), for any
        network of this ``layout``."""
        return _Workspace(self, n, keep=True)

    def _workspace(self, n: int, train: bool, arrays: _Workspace | None = None) -> _Workspace:
        if not train:
            if arrays is not None and arrays.n == n:
                return arrays
            return _Workspace(self, n, keep=False)
        ws = self._workspaces.pop(n, None)
        if ws is None:
            ws = _Workspace(self, n, keep=True)
            while len(self._workspaces) >= WORKSPACES:  # drop the least recently used
                del self._workspaces[next(iter(self._workspaces))]
        self._workspaces[n] = ws
        return ws

    # -- forward ----------------------------------------------------------------------------
    def forward(self, x: np.ndarray, train: bool = True, update_stats: bool = True,
                columns=None, arrays: _Workspace | None = None) -> np.ndarray:
        """Return the output probabilities; keeps what backward needs. ``columns`` is
        ``nonzero_columns(x)`` when the caller has it (the same numbers, up to rounding).
        ``arrays``: an evaluation pass writes into these (``eval_arrays``; the same numbers),
        valid until the next pass that uses them."""
        x = np.asarray(x, self.dtype)
        ws = self._ws = self._workspace(x.shape[0], train, arrays)
        if columns is not None and columns[1].dtype != self.dtype:
            columns = None
        self._columns = columns
        self.inputs = [x]
        self.pre, self.act, self._bn, self._argmax = [], [], [], []
        h = x
        f = self.act_fn
        for l in range(len(self.widths)):
            if l == 0 and columns is not None:
                s = np.matmul(columns[1], self.W[0][columns[0]], out=ws.s[0])
            else:
                s = np.matmul(h, self.W[l], out=ws.s[l])
            if self.b[l] is not None:
                s += self.b[l]
            if self.gamma[l] is not None:
                s = self._bn_forward(l, s, train, update_stats)
            else:
                self._bn.append(None)
            if self.pieces > 1:
                n, k = s.shape[0], self.pieces
                u3 = s.reshape(n, self.widths[l], k)
                idx = u3.argmax(axis=2)
                self._argmax.append(idx)
                a = np.take_along_axis(u3, idx[:, :, None], axis=2)[:, :, 0]
            else:
                self._argmax.append(None)
                a = f.forward(s, ws.a[l])
            self.pre.append(s)
            self.act.append(a)
            h = np.add(a, h, out=ws.h[l]) if self.residual[l] else a
            self.inputs.append(h)
        z = np.matmul(h, self.W[-1], out=ws.z)
        if self.b[-1] is not None:
            z += self.b[-1]
        self.logits = z
        if self.softmax:
            # The max and the sum of exponentials are kept for the loss.
            self._zmax = np.max(z, axis=1, keepdims=True, out=ws.zmax)
            e = np.subtract(z, self._zmax, out=ws.p)
            np.exp(e, out=e)
            self._zsum = np.sum(e, axis=1, keepdims=True, out=ws.zsum)
            e /= self._zsum
            self.probs = e
        else:
            self.probs = _sigmoid(z, ws.p)
        return self.probs

    def _bn_forward(self, l, s, train, update_stats):
        if train:
            mu = s.mean(axis=0)
            xc = s - mu
            var = np.mean(xc * xc, axis=0)
            if update_stats:
                self.running_mean[l] *= 1 - BN_MOMENTUM
                self.running_mean[l] += BN_MOMENTUM * mu
                unbiased = var * (s.shape[0] / max(s.shape[0] - 1, 1))
                self.running_var[l] *= 1 - BN_MOMENTUM
                self.running_var[l] += BN_MOMENTUM * unbiased
        else:
            xc = s - self.running_mean[l]
            var = self.running_var[l]
        inv = (1.0 / np.sqrt(var + BN_EPS)).astype(self.dtype)
        xhat = xc * inv
        self._bn.append((xhat, inv))
        return xhat * self.gamma[l] + self.beta[l]

    # -- loss and backward -------------------------------------------------------------------
    def loss(self, y: np.ndarray) -> float:
        """Mean loss of the last forward pass against labels ``y`` (class indices or 0/1)."""
        if self.softmax:
            # −log p_y = max + log Σ exp(z − max) − z_y, from the forward's max and sum of
            # exponentials: exact where a probability underflows to 0. Float64 from the log on.
            z = self.logits
            lse = np.log(self._zsum[:, 0], dtype=np.float64)
            lse += self._zmax[:, 0]
            lse -= z[np.arange(z.shape[0]), y]
            return float(np.mean(lse))
        z = self.logits[:, 0].astype(np.float64)
        yy = np.asarray(y, np.float64).reshape(-1)
        return float(np.mean(np.logaddexp(0.0, z) - yy * z))

    def accuracy(self, y: np.ndarray) -> float:
        if self.softmax:
            return float(np.mean(self.probs.argmax(axis=1) == y))
        return float(np.mean((self.probs[:, 0] > 0.5) == (np.asarray(y).reshape(-1) > 0.5)))

    def backward(self, y: np.ndarray, param_grads: bool = True) -> None:
        """Fill ``grad`` (and the per-layer gradients) for the last forward pass.

        ``param_grads=False`` fills only ``grad_pre`` and ``grad_act`` and leaves ``grad`` as it
        was: the statistics need no weight gradients, and skipping their products halves the
        cost of a backward pass."""
        ws = self._ws
        ws.backward_arrays(self)
        n = self.probs.shape[0]
        if ws.dz is None:
            dz = self.probs.copy()
        else:
            dz = ws.dz
            np.copyto(dz, self.probs)
        if self.softmax:
            dz[ws.rows, y] -= 1.0
        else:
            dz[:, 0] -= np.asarray(y, self.dtype).reshape(-1)
        dz /= n
        L = len(self.widths)
        if param_grads:
            np.matmul(self.inputs[L].T, dz, out=self.dW[-1])
            if self.db[-1] is not None:
                np.sum(dz, axis=0, out=self.db[-1])
        self.grad_pre = [None] * L
        self.grad_act = [None] * L
        if L == 0:
            return
        dh = np.matmul(dz, self.W[-1].T, out=ws.dh[L - 1])
        f = self.act_fn
        for l in range(L - 1, -1, -1):
            self.grad_act[l] = dh
            u, a = self.pre[l], self.act[l]
            du = ws.du[l]
            if self.pieces > 1:
                if du is None:
                    du = np.zeros_like(u)
                else:
                    du.fill(0)
                np.put_along_axis(du.reshape(n, self.widths[l], self.pieces),
                                  self._argmax[l][:, :, None], dh[:, :, None], axis=2)
            else:
                du = f.slope(u, a, np.empty_like(u) if du is None else du)
                du *= dh
            self.grad_pre[l] = du
            ds = self._bn_backward(l, du, param_grads) if self._bn[l] is not None else du
            if param_grads:
                if l == 0 and self._columns is not None:
                    cols, xc = self._columns
                    self.dW[0].fill(0)  # the rows of zero columns: exactly 0
                    self.dW[0][cols] = xc.T @ ds
                else:
                    np.matmul(self.inputs[l].T, ds, out=self.dW[l])
                if self.db[l] is not None:
                    np.sum(ds, axis=0, out=self.db[l])
            if l > 0:
                dx = np.matmul(ds, self.W[l].T, out=ws.dh[l - 1])
                if self.residual[l]:
                    dx += dh
                dh = dx

    def _bn_backward(self, l, du, param_grads=True):
        xhat, inv = self._bn[l]
        n = du.shape[0]
        dgamma = self.dgamma[l] if param_grads else np.empty_like(self.dgamma[l])
        dbeta = self.dbeta[l] if param_grads else np.empty_like(self.dbeta[l])
        np.sum(du * xhat, axis=0, out=dgamma)
        np.sum(du, axis=0, out=dbeta)
        g = self.gamma[l] * inv
        return (g / n) * (n * du - dbeta - xhat * dgamma)

    def input_gradient(self) -> np.ndarray:
        """dL/dx for the last backward pass (used by the gradient checks)."""
        ds = self.grad_pre[0]
        if self._bn[0] is not None:
            ds = self._bn_backward(0, ds)
        dx = ds @ self.W[0].T
        if self.residual[0]:
            dx = dx + self.grad_act[0]
        return dx
