#!/usr/bin/env bash
# Runs before `npm test`: makes sure what the suite talks to is there on a fresh machine.
# - PostgreSQL, when DATABASE_URL points at a local one (the e2e suite runs on it too).
# - Debian's chromium for the browser tests (never a downloaded browser build).
set -uo pipefail

if [[ "${DATABASE_URL:-}" == postgres://*127.0.0.1* || "${DATABASE_URL:-}" == postgres://*localhost* ]]; then
  if command -v pg_isready >/dev/null && ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    echo "ensure-test-services: starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
fi

# A CJK font, so the form's Chinese placeholders render in the screenshots.
if [[ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]] || ! fc-list 2>/dev/null | grep -qi "wenquanyi\|microhei"; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    echo "ensure-test-services: installing Debian's chromium (and a CJK font) for the browser tests"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null) ||
      echo "ensure-test-services: could not install chromium; the browser tests will say so"
  else
    echo "ensure-test-services: no chromium at ${CHROMIUM_PATH:-/usr/bin/chromium}; install Debian's chromium package"
  fi
fi
exit 0
