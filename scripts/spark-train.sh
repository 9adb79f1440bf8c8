#!/usr/bin/env bash
# The Spark trainer without a cluster: Spark in local mode inside one JVM (default master local[2]), with the
# provided Spark jars taken from the local Maven repository. Same options as on a cluster; see docs/spark.md.
#
#   scripts/spark-train.sh --data /tmp/synthetic --out /tmp/model-spark          # local[2]
#   JAVA_OPTS=-Xmx8g scripts/spark-train.sh --master 'local[2]' --data D --eval-folds 0 --rank 64 --out OUT
#
# Builds trainer-spark/target/trainer-spark.jar first when it is missing (never `mvn install`). TRAINER_SPARK_TARGET
# names another directory holding trainer-spark.jar, spark-classpath.txt and spark-jvm-flags.txt (a copy kept
# for a long benchmark while the tree is rebuilt). JAVA_OPTS come last, so they override the defaults here.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
target="${TRAINER_SPARK_TARGET:-$repo/trainer-spark/target}"
if [[ ! -f "$target/trainer-spark.jar" || ! -f "$target/spark-classpath.txt" || ! -f "$target/spark-jvm-flags.txt" ]]; then
  (cd "$repo" && mvn -B -ntp -q -pl trainer-spark -am package -DskipTests)
fi
export ORT_DISABLE_TELEMETRY=1   # ONNX Runtime Java phones home by default on Linux
# shellcheck disable=SC2046 # the flags file holds space-separated JVM options
# Local mode talks only to itself: every Spark socket on loopback (a cluster's spark-submit sets its own).
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
exec java $(cat "$target/spark-jvm-flags.txt") -Dlog4j2.configurationFile="$repo/scripts/spark-log4j2.properties" \
  ${JAVA_OPTS:-} -cp "$target/trainer-spark.jar:$(cat "$target/spark-classpath.txt")" \
  privrec.spark.SparkTrainerMain "$@"
