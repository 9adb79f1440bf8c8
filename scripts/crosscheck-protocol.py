#!/usr/bin/env python3
"""Independent numpy implementation of docs' evaluation protocol for MostPopular and exact EASE (lambda 200).

Not part of the build or the tests: a cross-check of the trainer's `evaluate` numbers in another language.
Usage: python3 scripts/crosscheck-protocol.py ../shared/datasets/ml-100k/u.data [positives|all-ratings]
  positives   : split each test user's positives 80/20 (the documented protocol)
  all-ratings : split all of a test user's ratings 80/20; fold-in positives are the history, every fold-in
                rated item is excluded from ranking, targets are the held-out positives (what the browser does)
Needs numpy. Split randomness differs from the Java trainer's, so expect agreement within ~0.01, not digits.
"""
import sys

import numpy as np


def metrics(scores, targets, k):
    top = np.argsort(-scores, kind="stable")[:k]
    hits = np.isin(top, targets)
    discounts = 1 / np.log2(np.arange(2, k + 2))
    ideal = discounts[: min(k, len(targets))].sum()
    return hits.sum() / min(k, len(targets)), (hits * discounts).sum() / ideal


def main(path, split):
    data = np.loadtxt(path, dtype=np.int64)
    n_items = int(data[:, 1].max())
    positives, rated = {}, {}
    for user, item, stars in zip(data[:, 0], data[:, 1] - 1, data[:, 2]):
        rated.setdefault(user, []).append((item, stars))
        if stars >= 4:
            positives.setdefault(user, []).append(item)
    users = sorted(u for u in positives if len(positives[u]) >= 5)
    print(f"{len(users)} users, {n_items} items, {sum(len(positives[u]) for u in users)} positives")
    rng = np.random.default_rng(42)
    folds = np.array_split(rng.permutation(users), 5)
    results = {"MostPopular": [], "EASE": []}
    for f, fold in enumerate(folds):
        test = set(fold)
        train = [u for u in users if u not in test]
        x = np.zeros((len(train), n_items))
        for row, u in enumerate(train):
            x[row, positives[u]] = 1
        popularity = x.sum(0)
        p = np.linalg.inv(x.T @ x + 200 * np.eye(n_items))
        b = -p / np.diag(p)
        b[np.diag_indices(n_items)] = 0
        per_user = {name: [] for name in results}
        for u in fold:
            if split == "positives":
                items = np.array(positives[u])[rng.permutation(len(positives[u]))]
                k = max(1, int(round(0.8 * len(items))))
                history, excluded, targets = items[:k], items[:k], items[k:]
            else:
                shuffled = [rated[u][j] for j in rng.permutation(len(rated[u]))]
                k = max(1, int(round(0.8 * len(shuffled))))
                history = np.array([i for i, s in shuffled[:k] if s >= 4], dtype=int)
                excluded = np.array([i for i, _ in shuffled[:k]], dtype=int)
                targets = np.array([i for i, s in shuffled[k:] if s >= 4], dtype=int)
            if len(targets) == 0:
                continue
            for name, scores in (("MostPopular", popularity.copy()), ("EASE", b[history].sum(0))):
                scores[excluded] = -np.inf
                per_user[name].append(metrics(scores, targets, 20) + metrics(scores, targets, 50)[:1]
                                      + metrics(scores, targets, 10)[1:] + metrics(scores, targets, 100)[1:])
        for name in results:
            results[name].append(np.mean(per_user[name], axis=0))
    for name, per_fold in results.items():
        r20, _, r50, n10, n100 = np.mean(per_fold, axis=0)
        print(f"{split:12s} {name:12s} recall@20 {r20:.4f}  recall@50 {r50:.4f}  ndcg@10 {n10:.4f}  ndcg@100 {n100:.4f}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "positives")
