#!/usr/bin/env bash
# Lighthouse (pinned in tools/lighthouse/package.json, desktop preset) against the built site served by
# webapp.jar on 127.0.0.1, with the Debian Chromium; prints the category scores and writes the full report to
# webapp/target/lighthouse/report.{json,html}. Not a test: a check to run by hand.
#
#   scripts/lighthouse.sh            # builds the site if missing, serves it on a free port, audits /
#   scripts/lighthouse.sh --no-build # audit the site already in webapp/target
#
# Lighthouse audits the first screen (the profile screen): it cannot unlock a profile. The Chromium tests run
# axe-core on every view instead (AccessibilityChromiumTest).
set -euo pipefail
cd "$(dirname "$0")/.."
export ORT_DISABLE_TELEMETRY=1

if [[ "${1:-}" != "--no-build" || ! -f webapp/target/webapp.jar ]]; then
  if [[ ! -f webapp/target/webapp.jar ]]; then
    echo "lighthouse: building the site (mvn -pl webapp -am package -DskipTests)"
    mvn -B -ntp -q -pl webapp -am package -DskipTests
  fi
fi
(cd tools/lighthouse && { [[ -x node_modules/.bin/lighthouse ]] || npm ci --no-audit --no-fund --ignore-scripts --loglevel=error; })

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
java -jar webapp/target/webapp.jar --port "$port" > webapp/target/lighthouse-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 0.2
done

out=webapp/target/lighthouse
mkdir -p "$out"
CHROME_PATH=/usr/bin/chromium tools/lighthouse/node_modules/.bin/lighthouse "http://127.0.0.1:$port/" \
  --preset=desktop --only-categories=accessibility,best-practices,performance,seo \
  --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" \
  --output=json --output=html --output-path="$out/report" --quiet

node -e '
const r = require(process.argv[1]);
for (const [id, c] of Object.entries(r.categories)) console.log(`${c.title.padEnd(16)} ${Math.round(c.score * 100)}`);
const failed = Object.values(r.audits).filter(a => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary");
for (const a of failed) console.log(`  not passed: ${a.id} — ${a.title}`);
' "$PWD/$out/report.report.json"
echo "full report: $out/report.report.html"
