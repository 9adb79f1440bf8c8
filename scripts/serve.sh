#!/usr/bin/env bash
# The one serve command: builds the site (client compiled by TeaVM, onnxruntime-web, the committed model) and
# serves it on http://127.0.0.1:8080/ (pass --port N to change).
set -euo pipefail
cd "$(dirname "$0")/.."
export ORT_DISABLE_TELEMETRY=1
mvn -B -ntp -q package -DskipTests
exec java -jar webapp/target/webapp.jar "$@"
