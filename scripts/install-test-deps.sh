#!/usr/bin/env bash
# Installs what the browser tests need and Maven cannot bring: Debian's chromium and chromium-driver
# (Selenium uses /usr/bin/chromium + /usr/bin/chromedriver; nothing is downloaded by the tests themselves).
# Idempotent and quiet: does nothing when both are present.
set -euo pipefail

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  SUDO=sudo
else
  SUDO=
fi
echo "install-test-deps: installing chromium and chromium-driver (apt)"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
/usr/bin/chromium --version
