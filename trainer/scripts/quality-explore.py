#!/usr/bin/env python3
"""Design exploration behind docs/quality-experiments.md (numpy, full-rank, not part of the build or the tests).

Usage: python3 trainer/scripts/quality-explore.py ../shared/datasets/ml-100k/u.data [variant-name-substring]
Runs the protocol of docs/evaluation.md (positives split, 5 folds) on seed 7 - a seed that is never reported -
and prints Recall@20 / NDCG@100 of each fixed variant on that seed's test folds. The Java trainer then tunes the
kept knobs per fold on validation users only; the reported numbers come from `trainer evaluate --seeds 1,2,3`.
Split randomness is numpy's, so the absolute numbers differ from Java's; compare rows with each other.
"""
import sys
import time

import numpy as np


def load(path):
    d = np.loadtxt(path, dtype=np.int64)
    r = np.zeros((d[:, 0].max(), d[:, 1].max()), dtype=np.float32)
    r[d[:, 0] - 1, d[:, 1] - 1] = d[:, 2]
    return r


def graded(r):
    """Encoder.historyWeight: max(0, (stars - 2.5) / 1.5) for rated items."""
    return np.maximum(0, (r - 2.5) / 1.5) * (r > 0)


def metrics(s, t):
    nt = t.sum(1)
    top = np.argpartition(-s, 100, axis=1)[:, :100]
    top = np.take_along_axis(top, np.argsort(-np.take_along_axis(s, top, 1), axis=1, kind="stable"), 1)
    hits = np.take_along_axis(t, top, 1)
    disc = 1 / np.log2(np.arange(2, 102))
    return (hits[:, :20].sum(1) / np.minimum(20, nt)).mean(), ((hits * disc).sum(1) / np.cumsum(disc)[np.minimum(100, nt) - 1]).mean()


def folds(r, seed=7, nf=5):
    elig = np.nonzero((r >= 4).sum(1) >= 5)[0]
    rng = np.random.default_rng(seed)
    fold_of = {u: p % nf for p, u in enumerate(rng.permutation(elig))}
    out = []
    for f in range(nf):
        test = np.array([u for u in elig if fold_of[u] == f])
        train = np.array([u for u in elig if fold_of[u] != f])
        h = np.zeros((len(test), r.shape[1]), np.float32)
        t = np.zeros(h.shape, bool)
        for row, u in enumerate(test):
            items = np.nonzero(r[u] >= 4)[0]
            items = items[rng.permutation(len(items))]
            k = max(1, int(round(0.8 * len(items))))
            h[row, items[:k]] = r[u, items[:k]]
            t[row, items[k:]] = True
        keep = t.sum(1) > 0
        out.append((train, h[keep], t[keep]))
    return out


def ease(g, lam):
    p = np.linalg.inv(g + np.diag(np.broadcast_to(lam, (g.shape[0],))))
    b = -p / np.diag(p)
    np.fill_diagonal(b, 0)
    return b


def model(lam=400, binary=False, power=1.0, kappa=0.0, alpha=0.0, gamma=0.0, low=0.0, gram_alpha=0.0, rank=None,
          user_delta=0.0, neg=0.0, order2=0.0, low_pass=0.0, low_pass_k=64):
    """Full-rank EASE variants. binary: the protocol's yardstick. power: graded weights ** power (training and
    history). kappa: EDLAE-style Λ = λ + κ·diag(G). alpha/gamma: input (pop+1)^-α, output (pop+1)^γ.
    low: training weight of ratings <= 2.5 stars. gram_alpha: D^-a G D^-a normalisation (RP3β-like).
    rank: keep the top eigenpairs of G (the shipped model's low-rank form, without its tail correction).
    user_delta: Gram rows weighted by (positives + 1)^-δ, mean 1 (heavy users count less). neg: ratings <= 2 stars
    enter training at -neg. order2: scores + order2·(scores·B) (a second-order term). low_pass: plus this share of
    an ideal low-pass filter on the normalised Gram D^-½GD^-½ (top low_pass_k eigenvectors, GF-CF style), scaled
    to the EASE scores' mean magnitude per user."""
    def fit(rt, h):
        if binary:
            x, xh = (rt >= 4).astype(np.float64), (h >= 4).astype(np.float64)
        else:
            x = graded(rt) ** power + low * ((rt > 0) & (rt <= 2.5)) - neg * ((rt > 0) & (rt <= 2))
            xh = graded(h) ** power
        pop = (rt >= 4).sum(0) + 1.0
        w = ((rt >= 4).sum(1) + 1.0) ** -user_delta
        w = (w / w.mean())[:, None]
        s = (np.diag(x.T @ x) + 1) ** -gram_alpha
        g = (x * s * w).T @ (x * s)
        if rank:
            sig, q = np.linalg.eigh(g)
            g = (q[:, -rank:] * sig[-rank:]) @ q[:, -rank:].T
        b = ease(g, lam * np.mean(s * s) + kappa * np.diag(g)) * s[:, None] / s[None, :]
        out = (xh * pop ** -alpha) @ b
        if order2:
            out = out + order2 * (out @ b)
        out = out * pop ** gamma
        if low_pass:
            d = np.sqrt(np.diag(g) + 1.0)
            q = np.linalg.eigh(g / d[:, None] / d[None, :])[1][:, -low_pass_k:]
            lp = ((xh / d) @ q) @ q.T * d
            out = out + low_pass * lp / (np.abs(lp).mean(1, keepdims=True) + 1e-9) * np.abs(out).mean(1, keepdims=True)
        return out
    return fit


def kept_input(rt, h):
    """The kept combination's inputs: graded weights ** ½ (training and history) and the popularity counts."""
    return graded(rt) ** 0.5, graded(h) ** 0.5, (rt >= 4).sum(0) + 1.0


def bias_item(lam, w):
    """Kept combination plus an always-present "bias" column of weight w in training and history (a learned
    per-movie intercept)."""
    def fit(rt, h):
        x, xh, pop = kept_input(rt, h)
        ones = lambda m: np.full((m.shape[0], 1), w)
        xb = np.hstack([x, ones(x)])
        b = ease(xb.T @ xb, lam)
        return (np.hstack([xh * pop ** -0.2, ones(xh)]) @ b)[:, :-1] * pop ** -0.1
    return fit


def spectral(lam, q):
    """Kept inputs, B = V (σ/(σ+λ))^q Vᵀ on the Gram's eigenpairs, diagonal zeroed afterwards (a sharpened or
    softened ridge filter instead of EASE's constrained inverse)."""
    def fit(rt, h):
        x, xh, pop = kept_input(rt, h)
        sig, v = np.linalg.eigh(x.T @ x)
        sig = np.maximum(sig, 0)
        b = (v * (sig / (sig + lam)) ** q) @ v.T
        np.fill_diagonal(b, 0)
        return ((xh * pop ** -0.2) @ b) * pop ** -0.1
    return fit


def item_lambda(lam, d):
    """Kept combination with a per-movie λ_j = λ·(G_jj / mean G_jj)^d (multiplicative, unlike EDLAE's λ + κG_jj)."""
    def fit(rt, h):
        x, xh, pop = kept_input(rt, h)
        g = x.T @ x
        dg = np.diag(g) + 1
        return ((xh * pop ** -0.2) @ ease(g, lam * (dg / dg.mean()) ** d)) * pop ** -0.1
    return fit


def user_lambda(lam, eta):
    """The spectral ridge filter with a per-user λ_u = λ·(n_u / mean n)^η, n_u the user's fold-in size (possible at
    inference time because the browser holds the eigenbasis). η = 0 is `spectral(lam, 1)`."""
    def fit(rt, h):
        x, xh, pop = kept_input(rt, h)
        sig, v = np.linalg.eigh(x.T @ x)
        sig = np.maximum(sig, 0)
        n = (xh > 0).sum(1).astype(float)
        z = (xh * pop ** -0.2) @ v
        out = np.empty_like(xh)
        for i, lam_u in enumerate(lam * (n / n.mean()) ** eta):
            out[i] = (z[i] * sig / (sig + lam_u)) @ v.T  # the diagonal only scores fold-in movies, never ranked
        return out * pop ** -0.1
    return fit


def with_binary_ease(lam, lam_binary, c):
    """Kept combination plus c × the binary EASE yardstick's scores, each scaled to mean magnitude 1 per user."""
    kept, yardstick = model(lam, power=0.5, alpha=0.2, gamma=-0.1), model(lam_binary, binary=True)
    def fit(rt, h):
        a, b = kept(rt, h), yardstick(rt, h)
        return a / (np.abs(a).mean(1, keepdims=True) + 1e-9) + c * b / (np.abs(b).mean(1, keepdims=True) + 1e-9)
    return fit


VARIANTS = {
    "EASE binary l=200": model(200, binary=True),
    "EASE binary l=400": model(400, binary=True),
    "graded l=200": model(200),
    "graded l=400": model(400),
    "graded l=800": model(800),
    "graded l=400, low ratings 0.1 in training": model(400, low=0.1),
    "graded l=400, low ratings 0.3 in training": model(400, low=0.3),
    "EDLAE l=200 kappa=0.5": model(200, kappa=0.5),
    "EDLAE l=200 kappa=1": model(200, kappa=1.0),
    "EDLAE l=400 kappa=1": model(400, kappa=1.0),
    "Gram D^-0.1 l=200": model(200, gram_alpha=0.1),
    "Gram D^-0.25 l=100": model(100, gram_alpha=0.25),
    "Gram D^-0.5 l=200": model(200, gram_alpha=0.5),
    "input pop^-0.2 l=400": model(400, alpha=0.2),
    "output pop^-0.1 l=400": model(400, gamma=-0.1),
    "power 0.5 l=400": model(400, power=0.5),
    "power 2 l=400": model(400, power=2.0),
    "power 0.5 l=400 in -0.2 out -0.1": model(400, power=0.5, alpha=0.2, gamma=-0.1),
    "power 0.5 l=500 in -0.2 out -0.1": model(500, power=0.5, alpha=0.2, gamma=-0.1),
    "power 0.5 l=200 kappa 0.5 in -0.2 out -0.1": model(200, power=0.5, kappa=0.5, alpha=0.2, gamma=-0.1),
    "power 0.35 l=400 in -0.2 out -0.1": model(400, power=0.35, alpha=0.2, gamma=-0.1),
    # December 2026, on top of the kept combination (p = ½, α = 0.2, γ = −0.1):
    "kept l=400 users^-0.25": model(400, power=0.5, alpha=0.2, gamma=-0.1, user_delta=0.25),
    "kept l=400 users^-0.5": model(400, power=0.5, alpha=0.2, gamma=-0.1, user_delta=0.5),
    "kept l=200 users^-1": model(200, power=0.5, alpha=0.2, gamma=-0.1, user_delta=1.0),
    "kept l=400 low ratings -0.1": model(400, power=0.5, alpha=0.2, gamma=-0.1, neg=0.1),
    "kept l=400 low ratings -0.3": model(400, power=0.5, alpha=0.2, gamma=-0.1, neg=0.3),
    "kept l=400 second order 0.1": model(400, power=0.5, alpha=0.2, gamma=-0.1, order2=0.1),
    "kept l=400 second order -0.1": model(400, power=0.5, alpha=0.2, gamma=-0.1, order2=-0.1),
    "kept l=500 low-pass k=64 0.3": model(500, power=0.5, alpha=0.2, gamma=-0.1, low_pass=0.3),
    "kept l=500 low-pass k=128 0.3": model(500, power=0.5, alpha=0.2, gamma=-0.1, low_pass=0.3, low_pass_k=128),
    "kept l=500": model(500, power=0.5, alpha=0.2, gamma=-0.1),
    "kept l=500 bias item w=0.5": bias_item(500, 0.5),
    "kept l=500 bias item w=1": bias_item(500, 1.0),
    "kept l=500 bias item w=2": bias_item(500, 2.0),
    "kept spectral q=1 l=500": spectral(500, 1.0),
    "kept spectral q=2 l=200": spectral(200, 2.0),
    "kept spectral q=0.5 l=1000": spectral(1000, 0.5),
    "kept item lambda d=0.25 l=500": item_lambda(500, 0.25),
    "kept item lambda d=0.5 l=500": item_lambda(500, 0.5),
    "kept item lambda d=-0.25 l=500": item_lambda(500, -0.25),
    "kept user lambda eta=0.5 l=500": user_lambda(500, 0.5),
    "kept user lambda eta=-0.5 l=500": user_lambda(500, -0.5),
    "kept user lambda eta=1 l=500": user_lambda(500, 1.0),
    "kept l=500 + binary EASE 0.5": with_binary_ease(500, 400, 0.5),
    "kept l=500 + binary EASE 1": with_binary_ease(500, 400, 1.0),
}


def main(path, only=""):
    r = load(path)
    fs = folds(r)
    for name, fit in VARIANTS.items():
        if only not in name:
            continue
        start = time.time()
        acc = []
        for train, h, t in fs:
            s = fit(r[train], h).astype(np.float64)
            s[h > 0] = -np.inf
            acc.append(metrics(s, t))
        r20, n100 = np.mean(acc, 0)
        print(f"{name:48s} Recall@20 {r20:.4f}  NDCG@100 {n100:.4f}  ({time.time() - start:.0f} s)", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "")
