#!/usr/bin/env bash
# Installs what the browser and deployment tests need and Maven cannot bring, from Debian's packages:
#   chromium + chromium-driver  (Selenium uses /usr/bin/chromium + /usr/bin/chromedriver)
#   nginx, caddy                (the deployment tests serve the built folder with the shipped configs)
#   postgresql                  (the contribution store's tests initdb and start a throw-away PostgreSQL 15 from
#                                /usr/lib/postgresql/15/bin as the package's postgres user)
# Nothing is downloaded by the tests themselves. Idempotent and quiet: does nothing when all are present.
# The packages' own services are not needed: the tests start their servers on 127.0.0.1 with throw-away configs.
set -euo pipefail

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
[[ -x /usr/bin/chromedriver ]] || missing+=(chromium-driver)
[[ -x /usr/sbin/nginx ]] || missing+=(nginx)
[[ -x /usr/bin/caddy ]] || missing+=(caddy)
[[ -x /usr/lib/postgresql/15/bin/initdb ]] || missing+=(postgresql)
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  SUDO=sudo
else
  SUDO=
fi
echo "install-test-deps: installing ${missing[*]} (apt)"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
/usr/bin/chromium --version
/usr/sbin/nginx -v
/usr/bin/caddy version
/usr/lib/postgresql/15/bin/postgres --version
