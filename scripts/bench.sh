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
# Works on a fresh clone: builds what is missing (mvn package -DskipTests, which also compiles the test
# classes the benchmark lives in), installs core + client-java into ~/.m2 so the webapp test classpath
# resolves, generates and trains the 10,000-movie model once under webapp/target/bench-10k/ (never committed).
set -euo pipefail
cd "$(dirname "$0")/.."
export ORT_DISABLE_TELEMETRY=1   # ONNX Runtime Java phones home by default on Linux

large=1
args=()
for a in "$@"; do
  if [[ "$a" == "--no-large" ]]; then large=0; else args+=("$a"); fi
done

scripts/install-test-deps.sh

if [[ ! -d webapp/target/classes/site || ! -f webapp/target/test-classes/privrec/webapp/bench/Benchmark.class \
      || ! -f trainer/target/trainer.jar ]]; then
  echo "bench: building (mvn package -DskipTests)"
  mvn -B -ntp -q package -DskipTests
fi
mvn -B -ntp -q -pl core,client-java install -DskipTests
mvn -B -ntp -q -pl webapp dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/webapp/target/bench.classpath"

if [[ $large == 1 ]]; then
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
