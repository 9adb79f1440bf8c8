#!/usr/bin/env bash
# The benchmark command (not a test): headless Chromium on the built site, median/p10/p90 of --runs samples
# (default 20) for full-catalog scoring (committed catalog AND a generated 10,000-movie catalog), one run per
# movie vs one batched run, rating click -> re-ranked list and -> reasons shown, unlock (PBKDF2 600,000),
# first-load and repeat-visit bytes and time. Prints a table and one JSON object; the JSON also goes to webapp/target/bench.json.
#
#   scripts/bench.sh                                   # everything
#   scripts/bench.sh --screenshot docs/screenshot-home.png   # also refresh the README screenshot
#   scripts/bench.sh --runs 40 --no-large              # more samples, skip the 10,000-movie catalog
#
# Works on a fresh clone: builds the bench site (mvn -Pbench package -DskipTests, which also compiles the test
# classes the benchmark lives in) and the trainer if missing, generates and trains the 10,000-movie model once
# under webapp/target/bench-10k/ (never committed). Afterwards webapp/target holds the bench site: the next
# normal build (scripts/serve.sh, mvn verify) compiles the production bundle again.
set -euo pipefail
cd "$(dirname "$0")/.."
export ORT_DISABLE_TELEMETRY=1   # ONNX Runtime Java phones home by default on Linux

large=1
args=()
for a in "$@"; do
  if [[ "$a" == "--no-large" ]]; then large=0; else args+=("$a"); fi
done

scripts/install-test-deps.sh

# The bench build: the same site compiled from privrec.client.bench.BenchMain (adds window.privrecBench, which
# the production bundle leaves out), every time, so a normal build's site is never measured by mistake. A reactor
# build (no `mvn install`: ~/.m2 may be shared), which also writes the webapp test classpath.
echo "bench: building the bench site (mvn -Pbench package -DskipTests)"
mvn -B -ntp -q -Pbench -pl webapp -am package dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/webapp/target/bench.classpath"
if [[ $large == 1 ]]; then
  if [[ ! -f trainer/target/trainer.jar ]]; then
    mvn -B -ntp -q -pl trainer -am package -DskipTests
  fi
  big=webapp/target/bench-10k
  # Retrain when the trainer jar is newer than the cached model: a new encoder version makes old models unusable.
  if [[ ! -f $big/model/manifest.json || trainer/target/trainer.jar -nt $big/model/manifest.json ]]; then
    echo "bench: generating and training the 10,000-movie catalog (again only when the trainer changes)"
    rm -rf "$big"
    java -jar trainer/target/trainer.jar generate --movies 10000 --users 2000 --ratings 200000 --out "$big/data"
    # Fixed lambda/beta and no evaluation folds: the benchmark needs a model of this size, not a tuned one.
    java -jar trainer/target/trainer.jar train --data "$big/data" --format ml-csv --eval-folds 0 \
      --lambda 400 --beta 0.01 --out "$big/model"
  fi
  args+=(--large "$big/model")
fi

w=webapp/target
exec java -Dprivrec.site.dir=$w/classes/site \
  -cp "$w/test-classes:$w/classes:$(cat $w/bench.classpath)" \
  privrec.webapp.bench.Benchmark --out $w/bench.json "${args[@]}"
