"""Per-kernel goldens for Tests/KernelsTests (llm.c doc/layernorm pattern), computed with NumPy.

Each kernel's forward and backward are written out by hand in float64 on float32 inputs, then
stored as float32: inputs, weights, outputs, saved buffers, a random upstream gradient `dout`,
and the gradients of `sum(out * dout)`. Shapes are tiny and deliberately not multiples of 8, so
the Swift kernels' vector tails are exercised.

Usage (never run silently by the tests; the files are checked in):
  .venv/bin/python Tests/Python/make_kernel_goldens.py Tests/KernelsTests/Goldens          # rewrite
  .venv/bin/python Tests/Python/make_kernel_goldens.py --check Tests/KernelsTests/Goldens  # compare
"""
import argparse
import os
import sys

import numpy as np

from golden_format import encode, write_or_check

SEED = 20260611
B, T, C, NH, V, OC, MAXT = 2, 5, 12, 3, 19, 20, 7


def f32(rng, *shape, scale=1.0):
    return (rng.standard_normal(shape) * scale).astype(np.float32)


def header(kernel, **shapes):
    return {"generator": "Tests/Python/make_kernel_goldens.py", "kernel": kernel, "numpy": np.__version__,
            "seed": SEED, "shapes": shapes, "gelu": "tanh approximation"}


def encoder(rng):
    tokens = rng.integers(0, V, size=(B, T)).astype(np.int32)
    tokens[0, 1] = tokens[1, 3]  # a repeated token, so its gradient rows sum
    wte, wpe = f32(rng, V, C), f32(rng, MAXT, C)
    out = wte.astype(np.float64)[tokens] + wpe.astype(np.float64)[None, :T]
    dout = f32(rng, B, T, C)
    dwte = np.zeros((V, C))
    np.add.at(dwte, tokens.reshape(-1), dout.reshape(-1, C).astype(np.float64))
    dwpe = np.zeros((MAXT, C))
    dwpe[:T] = dout.astype(np.float64).sum(0)
    return header("encoder", B=B, T=T, C=C, V=V, maxT=MAXT), [
        ("tokens", tokens), ("wte", wte), ("wpe", wpe), ("out", out), ("dout", dout),
        ("dwte", dwte), ("dwpe", dwpe)]


def layernorm(rng):
    x, w, b = f32(rng, B * T, C, scale=2.0) + 0.5, f32(rng, C), f32(rng, C)
    xd = x.astype(np.float64)
    mean = xd.mean(-1, keepdims=True)
    var = ((xd - mean) ** 2).mean(-1, keepdims=True)
    rstd = 1 / np.sqrt(var + 1e-5)
    norm = (xd - mean) * rstd
    out = norm * w + b
    dout = f32(rng, B * T, C).astype(np.float64)
    dnorm = dout * w
    dx = (dnorm - dnorm.mean(-1, keepdims=True) - norm * (dnorm * norm).mean(-1, keepdims=True)) * rstd
    return header("layernorm", N=B * T, C=C), [
        ("inp", x), ("weight", w), ("bias", b), ("out", out), ("mean", mean[:, 0]), ("rstd", rstd[:, 0]),
        ("dout", dout), ("dinp", dx), ("dweight", (dout * norm).sum(0)), ("dbias", dout.sum(0))]


def matmul(rng):
    x, w, b = f32(rng, B * T, C), f32(rng, OC, C), f32(rng, OC)
    xd, wd = x.astype(np.float64), w.astype(np.float64)
    out = xd @ wd.T + b
    dout = f32(rng, B * T, OC).astype(np.float64)
    return header("matmul", N=B * T, C=C, OC=OC), [
        ("inp", x), ("weight", w), ("bias", b), ("out", out), ("dout", dout),
        ("dinp", dout @ wd), ("dweight", dout.T @ xd), ("dbias", dout.sum(0))]


def attention(rng):
    hs = C // NH
    qkv = f32(rng, B, T, 3 * C)
    q, k, v = (qkv.astype(np.float64)[:, :, i * C:(i + 1) * C].reshape(B, T, NH, hs).transpose(0, 2, 1, 3)
               for i in range(3))  # (B, NH, T, hs)
    scale = 1 / np.sqrt(hs)
    mask = np.tril(np.ones((T, T), dtype=bool))
    pre = np.where(mask, q @ k.transpose(0, 1, 3, 2) * scale, -np.inf)
    att = np.exp(pre - pre.max(-1, keepdims=True))
    att /= att.sum(-1, keepdims=True)  # (B, NH, T, T), zeros above the diagonal
    y = att @ v
    out = y.transpose(0, 2, 1, 3).reshape(B, T, C)
    dout = f32(rng, B, T, C).astype(np.float64)
    dy = dout.reshape(B, T, NH, hs).transpose(0, 2, 1, 3)
    datt = dy @ v.transpose(0, 1, 3, 2)
    dv = att.transpose(0, 1, 3, 2) @ dy
    dpre = att * (datt - (att * datt).sum(-1, keepdims=True))
    dq = dpre @ k * scale
    dk = dpre.transpose(0, 1, 3, 2) @ q * scale
    dqkv = np.concatenate([g.transpose(0, 2, 1, 3).reshape(B, T, C) for g in (dq, dk, dv)], axis=-1)
    return header("attention", B=B, T=T, C=C, NH=NH), [
        ("qkv", qkv), ("out", out), ("att", att), ("dout", dout), ("dqkv", dqkv)]


def gelu(rng):
    x = f32(rng, B * T * 4 * C + 3, scale=2.0)
    xd = x.astype(np.float64)
    s = np.sqrt(2 / np.pi)
    u = s * (xd + 0.044715 * xd ** 3)
    t = np.tanh(u)
    out = 0.5 * xd * (1 + t)
    dout = f32(rng, *x.shape).astype(np.float64)
    grad = 0.5 * (1 + t) + 0.5 * xd * (1 - t * t) * s * (1 + 3 * 0.044715 * xd ** 2)
    return header("gelu", N=x.size), [("inp", x), ("out", out), ("dout", dout), ("dinp", grad * dout)]


def softmax_cross_entropy(rng):
    n = B * T
    logits = f32(rng, n, V, scale=3.0)
    targets = rng.integers(0, V, size=n).astype(np.int32)
    targets[[1, 6]] = -1  # masked (prompt) positions
    z = logits.astype(np.float64)
    lse = np.log(np.exp(z - z.max(-1, keepdims=True)).sum(-1, keepdims=True)) + z.max(-1, keepdims=True)
    logp = z - lse
    probs = np.exp(logp)
    losses = np.where(targets >= 0, -logp[np.arange(n), np.maximum(targets, 0)], 0.0)
    entropies = -(probs * logp).sum(-1)
    dlosses = f32(rng, n)
    dentropies = f32(rng, n)
    onehot = np.zeros_like(z)
    live = targets >= 0
    onehot[np.arange(n)[live], targets[live]] = 1
    dlogits = np.where(live[:, None], dlosses[:, None] * (probs - onehot), 0.0)
    dlogits += dentropies[:, None] * (-probs * (logp + entropies[:, None]))
    return header("softmax_cross_entropy", N=n, V=V), [
        ("logits", logits), ("targets", targets), ("losses", losses), ("probs", probs),
        ("entropies", entropies), ("dlosses", dlosses), ("dentropies", dentropies), ("dlogits", dlogits)]


KERNELS = [("encoder", encoder), ("layernorm", layernorm), ("matmul", matmul), ("attention", attention),
           ("gelu", gelu), ("softmax_cross_entropy", softmax_cross_entropy)]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir")
    parser.add_argument("--check", action="store_true", help="compare with the files in OUTDIR, write nothing")
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    ok = True
    for index, (name, make) in enumerate(KERNELS):
        rng = np.random.default_rng([SEED, index])
        head, tensors = make(rng)
        ok &= write_or_check(os.path.join(args.outdir, f"{name}.bin"), encode(head, tensors), args.check)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
