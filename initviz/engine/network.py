"""The multilayer perceptron: dense layers, optional batch norm and residual skips.

Parameters live in one flat buffer (and gradients in another) with per-layer views, so the
optimizer, clipping and weight decay each run as a few whole-buffer NumPy calls instead of a
Python loop over layers. Hidden layer l computes

    s = x @ W + b;  u = BN(s) or s;  a = f(u);  h = a + x (residual) or a

and keeps ``pre[l] = u`` and ``act[l] = a``; backward fills ``grad_pre[l] = dL/du`` (Glorot's
dL/ds when there is no batch norm) and ``grad_act[l] = dL/dh``.
"""
from __future__ import annotations

import numpy as np

from .activations import make_activation, _sigmoid

BN_EPS = 1e-5
BN_MOMENTUM = 0.1


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
        self.running_mean = [np.zeros(w, self.dtype) for w in self.widths]
        self.running_var = [np.ones(w, self.dtype) for w in self.widths]
        self.pre, self.act, self.grad_pre, self.grad_act = [], [], [], []

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
        """Sample every dense layer's weights from ``init``; biases start at ``init.bias``."""
        from .initializers import sample_weights
        for l, (fi, fo) in enumerate(self.shapes):
            k = self.pieces if l < len(self.widths) else 1
            # Maxout: each of the k pieces is initialized like an ordinary layer.
            pieces = [sample_weights(init, fi, fo, rng, self.dtype) for _ in range(k)]
            W = pieces[0] if k == 1 else np.stack(pieces, axis=2).reshape(fi, fo * k)
            self.W[l][...] = W
            if self.b[l] is not None:
                self.b[l][...] = init.bias
            if self.gamma[l] is not None:
                self.gamma[l][...] = 1.0
                self.beta[l][...] = 0.0
        for m, v in zip(self.running_mean, self.running_var):
            m[...] = 0.0
            v[...] = 1.0

    @property
    def hidden_count(self) -> int:
        return len(self.widths)

    # -- forward ----------------------------------------------------------------------------
    def forward(self, x: np.ndarray, train: bool = True, update_stats: bool = True) -> np.ndarray:
        """Return the output probabilities; keeps what backward needs."""
        x = np.asarray(x, self.dtype)
        self.inputs = [x]
        self.pre, self.act, self._bn, self._argmax = [], [], [], []
        h = x
        f = self.act_fn
        for l in range(len(self.widths)):
            s = h @ self.W[l]
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
                a = f.forward(s)
            self.pre.append(s)
            self.act.append(a)
            h = a + h if self.residual[l] else a
            self.inputs.append(h)
        z = h @ self.W[-1]
        if self.b[-1] is not None:
            z += self.b[-1]
        self.logits = z
        if self.softmax:
            e = z - z.max(axis=1, keepdims=True)
            np.exp(e, out=e)
            e /= e.sum(axis=1, keepdims=True)
            self.probs = e
        else:
            self.probs = _sigmoid(z)
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
        p = self.probs
        n = p.shape[0]
        if self.softmax:
            # log-softmax from the logits: exact where a probability underflows to 0.
            z = self.logits.astype(np.float64)
            zmax = z.max(axis=1)
            lse = zmax + np.log(np.exp(z - zmax[:, None]).sum(axis=1))
            return float(np.mean(lse - z[np.arange(n), y]))
        z = self.logits[:, 0].astype(np.float64)
        yy = np.asarray(y, np.float64).reshape(-1)
        return float(np.mean(np.logaddexp(0.0, z) - yy * z))

    def accuracy(self, y: np.ndarray) -> float:
        if self.softmax:
            return float(np.mean(self.probs.argmax(axis=1) == y))
        return float(np.mean((self.probs[:, 0] > 0.5) == (np.asarray(y).reshape(-1) > 0.5)))

    def backward(self, y: np.ndarray) -> None:
        """Fill ``grad`` (and the per-layer gradients) for the last forward pass."""
        n = self.probs.shape[0]
        dz = self.probs.copy()
        if self.softmax:
            dz[np.arange(n), y] -= 1.0
        else:
            dz[:, 0] -= np.asarray(y, self.dtype).reshape(-1)
        dz /= n
        L = len(self.widths)
        h = self.inputs[L]
        np.matmul(h.T, dz, out=self.dW[-1])
        if self.db[-1] is not None:
            np.sum(dz, axis=0, out=self.db[-1])
        dh = dz @ self.W[-1].T
        self.grad_pre = [None] * L
        self.grad_act = [None] * L
        f = self.act_fn
        for l in range(L - 1, -1, -1):
            self.grad_act[l] = dh
            u, a = self.pre[l], self.act[l]
            if self.pieces > 1:
                du = np.zeros_like(u).reshape(n, self.widths[l], self.pieces)
                np.put_along_axis(du, self._argmax[l][:, :, None], dh[:, :, None], axis=2)
                du = du.reshape(u.shape)
            else:
                du = dh * f.derivative(u, a)
            self.grad_pre[l] = du
            ds = self._bn_backward(l, du) if self._bn[l] is not None else du
            x = self.inputs[l]
            np.matmul(x.T, ds, out=self.dW[l])
            if self.db[l] is not None:
                np.sum(ds, axis=0, out=self.db[l])
            if l > 0:
                dx = ds @ self.W[l].T
                if self.residual[l]:
                    dx += dh
                dh = dx

    def _bn_backward(self, l, du):
        xhat, inv = self._bn[l]
        n = du.shape[0]
        np.sum(du * xhat, axis=0, out=self.dgamma[l])
        np.sum(du, axis=0, out=self.dbeta[l])
        g = self.gamma[l] * inv
        return (g / n) * (n * du - self.dbeta[l] - xhat * self.dgamma[l])

    def input_gradient(self) -> np.ndarray:
        """dL/dx for the last backward pass (used by the gradient checks)."""
        ds = self.grad_pre[0]
        if self._bn[0] is not None:
            ds = self._bn_backward(0, ds)
        dx = ds @ self.W[0].T
        if self.residual[0]:
            dx = dx + self.grad_act[0]
        return dx
