#!/usr/bin/env bash
# The one test command (README, .ci/run): installs the browser test dependencies, then builds everything and
# runs every test of every module from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
export ORT_DISABLE_TELEMETRY=1   # ONNX Runtime Java phones home by default on Linux
scripts/install-test-deps.sh
exec mvn -B -ntp verify "$@"
