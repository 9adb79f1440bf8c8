#!/usr/bin/env bash
# The model-update download measurement (not a test): bytes on the wire of a model update for a returning user,
# measured in headless Chromium from the Cache API state the old release left, vs the full first download.
#
#   scripts/update-bench.sh                                   # built-in synthetic data (1,700 movies), rank 256
#   scripts/update-bench.sh --data ~/ml-100k --format ml-100k # any data set the trainer reads
#   scripts/update-bench.sh --rank 64 --lambda 400 --beta 0.01
#
# The scenario of docs/model-updates.md, built by the real trainer: `evaluate-update --write-data` splits the data
# (old release: the oldest 90 % of the ratings without the newest 2 % of the movies; update: all of it), `train`
# on the first part (fixed λ/β, no evaluation folds: the figure is about bytes), `update --base` on the second.
# Every part and the manifest get .br (quality 11) and .gz (level 9) siblings when smaller, as the site build gives
# the files it ships, and the built site serves the old release, then the update on the same origin (the same browser profile).
# Bytes = what the server sent for models/ (Chromium asks for br). Work files: webapp/target/update-bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
export ORT_DISABLE_TELEMETRY=1   # ONNX Runtime Java phones home by default on Linux

data_args=()
train_args=(--lambda 800 --beta 0.003)
rank=256
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data|--format) data_args+=("$1" "$2"); shift ;;
    --rank) rank="$2"; shift ;;
    --lambda|--beta) train_args+=("$1" "$2"); shift ;;
    *) echo "update-bench: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

scripts/install-test-deps.sh
echo "update-bench: building the site, the test classes and the trainer"
mvn -B -ntp -q -pl webapp,trainer -am package dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/webapp/target/update-bench.classpath"
trainer=trainer/target/trainer.jar
work=webapp/target/update-bench
rm -rf "$work"
mkdir -p "$work"
java -jar $trainer evaluate-update "${data_args[@]}" --write-data "$work/data"
java -jar $trainer train --data "$work/data/base" --format ml-csv --eval-folds 0 --rank "$rank" "${train_args[@]}" \
  --out "$work/old"
java -jar $trainer update --base "$work/old" --data "$work/data/full" --format ml-csv --out "$work/update"

# Precompressed siblings, as build/assemble-site.mjs makes them for models/ (brotli 11, gzip 9).
node -e '
const fs = require("fs"), path = require("path"), zlib = require("zlib");
for (const dir of process.argv.slice(1)) {
  const m = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
  for (const name of ["manifest.json", ...m.files.map(f => f.name)]) {
    const buf = fs.readFileSync(path.join(dir, name));
    const br = zlib.brotliCompressSync(buf, { params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length } });
    const gz = zlib.gzipSync(buf, { level: 9 });
    // Only when smaller, as the build does.
    if (br.length < buf.length) fs.writeFileSync(path.join(dir, name + ".br"), br);
    if (gz.length < buf.length) fs.writeFileSync(path.join(dir, name + ".gz"), gz);
  }
}' "$work/old" "$work/update"

w=webapp/target
exec java -Dprivrec.site.dir=$w/classes/site \
  -cp "$w/test-classes:$w/classes:$(cat $w/update-bench.classpath)" \
  privrec.webapp.bench.UpdateDownloadBench "$work/old" "$work/update"
