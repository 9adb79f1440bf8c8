#!/usr/bin/env python3
"""The worked sizing plan of docs/spark.md, computed rather than guessed.

    python3 scripts/spark-plan.py                       # 1e9 ratings, 1e8 users, 500,000 items, the default k=256
    python3 scripts/spark-plan.py --rank 128 --executors 50

Every size follows from the code (trainer-spark: SparkGram, SparkUsers, UserRow; trainer: RandomizedEigen,
ModelTrainer); the three speed constants were measured on this project's 2-core machine by the 87,000-movie run in
docs/spark.md (pass them with --ns-per-nnz-col, --ns-per-orth and --ns-per-score) and are the only inputs not derived here.
"""
import argparse
import math

p = argparse.ArgumentParser()
p.add_argument("--ratings", type=float, default=1e9)
p.add_argument("--users", type=float, default=1e8)
p.add_argument("--items", type=int, default=500_000)
p.add_argument("--rank", type=int, default=256)
p.add_argument("--oversample", type=int, default=16)       # TrainParams.defaults
p.add_argument("--iterations", type=int, default=6)        # TrainParams.defaults
p.add_argument("--weighted-share", type=float, default=1.0,
               help="share of ratings with a non-zero history weight (> 2.5 stars); 1.0 = upper bound")
p.add_argument("--executors", type=int, default=25)
p.add_argument("--cores", type=int, default=4, help="cores per executor")
p.add_argument("--profile-groups", type=int, default=1,
               help="distinct profile encodings: 1 without users.csv (MovieLens), at most 8*3*22=528")
p.add_argument("--ns-per-nnz-col", type=float, required=True,
               help="measured: core-nanoseconds per (weighted rating x block column) of one G*Q product")
p.add_argument("--ns-per-orth", type=float, required=True,
               help="measured: driver nanoseconds per (item x column^2) of one orthonormalization")
p.add_argument("--ns-per-score", type=float, required=True,
               help="measured: driver nanoseconds per (validation row x lambda x item x rank) when tuning")
p.add_argument("--nic-gbit", type=float, default=10.0, help="network per node, Gbit/s")
a = p.parse_args()

GB = 1e9
n, l = a.items, a.rank + a.oversample
nnz = a.ratings * a.weighted_share
slots = a.executors * a.cores
P = slots                                   # --partitions: one per task slot, so each term is summed once per slot
users_per_part = a.users / P
block = n * l * 8                           # one n x l double matrix: Q, a partition's term, the sum
products_per_fit = a.iterations             # G*Q products (RandomizedEigen), plus one Ritz pass
fits = 2                                    # the tuning fit (all users but <= 1000 validation users) + the final fit
passes = fits * (products_per_fit + 1)

print(f"n = {n:,} items, block width l = k + p = {l}, nnz = {nnz:.3g}, {P} partitions "
      f"({a.executors} executors x {a.cores} cores), {users_per_part:,.0f} users per partition")
print(f"Q (broadcast per product) and each partition's term of G*Q: n*l*8 = {block / GB:.2f} GB")
print(f"X_p*Q per chunk of 20,000 users: {20000 * l * 8 / 1e6:.0f} MB; Ritz term l*l*8 = {l * l * 8 / 1e6:.2f} MB; "
      f"diag / popularity {n * 8 / 1e6:.1f} / {n * 4 / 1e6:.1f} MB")
print(f"profile-group counts per partition: {a.profile_groups} x n x 4 = {a.profile_groups * n * 4 / GB:.3f} GB")
# UserRow: int[] columns + float[] stars (positives) + int[] weighted + float[] weights, 4 array headers (16 B),
# the object (12 B header + 4 refs + int + short, padded to 40 B); positives <= weighted ratings.
per_user = 40 + 4 * 16 + (a.ratings / a.users) * 16
cache = a.users * per_user
print(f"cached users: {per_user:.0f} B/user -> {cache / GB:.1f} GB in all, {cache / a.executors / GB:.2f} GB per executor")
executor = a.cores * (block + 20000 * l * 8) + 2 * block + cache / a.executors
print(f"executor working set: {a.cores} terms + Q (value and its broadcast pieces) + cache share = "
      f"{executor / GB:.1f} GB -> spark.executor.memory >= {math.ceil(executor / GB / 0.6)}g "
      f"(Spark gives ~60% of the heap to execution+storage)")
driver = 5 * block + (a.rank * n * 4) + a.profile_groups * n * 8 + a.users * 2
print(f"driver: Q, G*Q, orthonormalization copies (3), eigenvectors, float model, group means, profile codes = "
      f"{driver / GB:.1f} GB -> spark.driver.memory >= {math.ceil(driver / GB * 1.5)}g")
shuffle_ratings = a.ratings * 12
print(f"shuffle, load: (user, column*stars) pairs, ~12 B each = {shuffle_ratings / GB:.0f} GB, once")
shuffle_product = P * block
print(f"shuffle per G*Q product: P terms = {shuffle_product / GB:.0f} GB; per fit x{products_per_fit} = "
      f"{products_per_fit * shuffle_product / GB:.0f} GB; both fits {fits * products_per_fit * shuffle_product / 1e12:.2f} TB")
print(f"driver receives per product: n*l*8 = {block / GB:.2f} GB (row blocks)")
compute = nnz * l * a.ns_per_nnz_col * 1e-9 / slots
net = shuffle_product / (a.executors * a.nic_gbit / 8 * GB) + block / (a.nic_gbit / 8 * GB)
orth = n * l * l * a.ns_per_orth * 1e-9
per_product = compute + net + orth
print(f"per product: compute {compute:.1f} s ({slots} cores), network {net:.1f} s, driver orthonormalization "
      f"{orth:.1f} s -> {per_product:.0f} s")
total = passes * per_product
print(f"{passes} passes (2 fits x (6 products + Ritz)): {total / 60:.0f} min")
tuning = 1000 * 5 * n * a.rank * a.ns_per_score * 1e-9   # ModelTrainer: <= 1000 validation users x 5 lambdas
print(f"tuning on the driver (1,000 validation users x 5 lambdas x n x k, one thread): {tuning / 60:.0f} min")
model = n * a.rank * 4 + n * (30 + 2) * 4
print(f"model.onnx: n*k*4 + n*32*4 = {model / 1e6:.0f} MB (the protobuf limit is 2 GB: k <= "
      f"{int((2**31 - n * 32 * 4) / (n * 4))} at this n)")
print(f"total without loading: {(total + tuning) / 60:.0f} min")
