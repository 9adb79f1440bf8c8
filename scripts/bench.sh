#!/usr/bin/env bash
# The benchmark command (not a test): headless Chromium on the built site, three catalogs side by side — the
# committed one, a generated 10,000-movie and a generated 87,000-movie one (MovieLens-32M's size). For each: bytes on
# the wire and time to model ready (first and repeat visit), the longest main-thread task and total blocking time
# during start-up (Long Tasks API), memory after load, full-catalog scoring, rating click -> re-ranked list and ->
# reasons (median, p10, p90). Committed catalog only: one run per movie vs one batched run, unlock (PBKDF2 600,000).
# Prints a table and one JSON object; the JSON also goes to webapp/target/bench.json.
#
#   scripts/bench.sh                                   # everything
#   scripts/bench.sh --screenshot docs/screenshot-home.png   # also refresh the README screenshot
#   scripts/bench.sh --runs 40 --load-runs 10          # more samples (clicks/scoring; page loads)
#   scripts/bench.sh --no-large                        # committed catalog only
#   scripts/bench.sh --no-87k                          # committed and 10,000 only
#   scripts/bench.sh --data-87k DIR                    # train the 87,000-movie model from this ml-csv folder
#                                                      # instead of generating one
#
# Works on a fresh clone: builds the bench site (mvn -Pbench package -DskipTests, which also compiles the test
# classes the benchmark lives in) and the trainer if missing, generates and trains the generated models once under
# webapp/target/bench-10k/ and webapp/target/bench-87k/ (never committed; again only when the trainer jar is newer).
# The 87,000-movie set is generated with `generate --movies 87000 --users 200000 --ratings 10000000` and trained
# with -Xmx8g at fixed λ 800, β 0.3, rank 64 (wall time and peak RSS printed, kept in bench-87k/train-time.txt).
# Afterwards webapp/target holds the bench site: the next normal build (scripts/serve.sh, mvn verify) compiles the
# production bundle again.
set -euo pipefail
cd "$(dirname "$0")/.."
export ORT_DISABLE_TELEMETRY=1   # ONNX Runtime Java phones home by default on Linux

large=1
huge=1
data87k=""
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-large) large=0; huge=0 ;;
    --no-87k) huge=0 ;;
    --data-87k) data87k="$2"; shift ;;
    *) args+=("$1") ;;
  esac
  shift
done

scripts/install-test-deps.sh

# The bench build: the same site compiled from privrec.client.bench.BenchMain (adds window.privrecBench, which
# the production bundle leaves out), every time, so a normal build's site is never measured by mistake. A reactor
# build (no `mvn install`: ~/.m2 may be shared), which also writes the webapp test classpath.
echo "bench: building the bench site (mvn -Pbench package -DskipTests)"
mvn -B -ntp -q -Pbench -pl webapp -am package dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/webapp/target/bench.classpath"
trainer=trainer/target/trainer.jar
if [[ $large == 1 && ! -f $trainer ]]; then
  mvn -B -ntp -q -pl trainer -am package -DskipTests
fi
# Retrain when the trainer jar is newer than the cached model: a new encoder or format version makes old models unusable.
stale() { [[ ! -f $1/model/manifest.json || $trainer -nt $1/model/manifest.json ]]; }

if [[ $large == 1 ]]; then
  big=webapp/target/bench-10k
  if stale "$big"; then
    echo "bench: generating and training the 10,000-movie catalog (again only when the trainer changes)"
    rm -rf "$big"
    java -jar $trainer generate --movies 10000 --users 2000 --ratings 200000 --out "$big/data"
    # Fixed lambda/beta and no evaluation folds: the benchmark needs a model of this size, not a tuned one.
    java -jar $trainer train --data "$big/data" --format ml-csv --eval-folds 0 \
      --lambda 400 --beta 0.01 --out "$big/model"
  fi
  args+=(--catalog "10k=$big/model")
fi
if [[ $huge == 1 ]]; then
  huge_dir=webapp/target/bench-87k
  if stale "$huge_dir"; then
    echo "bench: training the 87,000-movie catalog (again only when the trainer changes)"
    rm -rf "$huge_dir/model"
    data="$data87k"
    if [[ -z $data ]]; then
      data="$huge_dir/data"
      if [[ ! -f $data/ratings.csv ]]; then
        rm -rf "$data"
        java -Xmx8g -jar $trainer generate --movies 87000 --users 200000 --ratings 10000000 --out "$data"
      fi
    fi
    mkdir -p "$huge_dir"
    timing=(); [[ -x /usr/bin/time ]] && timing=(/usr/bin/time -f "bench: 87k training: %e s wall, peak RSS %M KB" -o "$huge_dir/train-time.txt")
    "${timing[@]}" java -Xmx8g -jar $trainer train --data "$data" --format ml-csv --eval-folds 0 --rank 64 \
      --lambda 800 --beta 0.3 --out "$huge_dir/model"
    [[ -f $huge_dir/train-time.txt ]] && cat "$huge_dir/train-time.txt"
  fi
  args+=(--catalog "87k=$huge_dir/model")
fi

w=webapp/target
exec java -Dprivrec.site.dir=$w/classes/site \
  -cp "$w/test-classes:$w/classes:$(cat $w/bench.classpath)" \
  privrec.webapp.bench.Benchmark --out $w/bench.json "${args[@]}"
