#!/usr/bin/env bash
# Installs the local tooling: Debian's chromium (browser tests drive it; Playwright never downloads a browser), and
# the tools pinned in package-lock.json (Azurite) into infra/local/node_modules.
# Idempotent: when chromium is on PATH and node_modules was installed from the current package-lock.json, it does nothing.
# Needs Node.js and npm on PATH, and apt-get (as root) the first time; nothing else.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

if ! command -v npm >/dev/null 2>&1; then
  echo "install.sh: npm is not on PATH; install Node.js (20.x) and npm first." >&2
  exit 1
fi

# Several test processes may call this at once: one installs, the others wait and then find it done.
exec 9>"$here/.install.lock"
if command -v flock >/dev/null 2>&1; then
  flock 9
fi

if ! command -v chromium >/dev/null 2>&1; then
  echo "install.sh: installing Debian's chromium for the browser tests" >&2
  (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium) >&2
fi

stamp="node_modules/.alis-install-stamp"
lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"

if [[ -f "$stamp" && "$(cat "$stamp")" == "$lock_hash" && -x node_modules/.bin/azurite ]]; then
  exit 0
fi

echo "install.sh: installing local tooling (npm ci) in $here" >&2
npm ci --no-audit --no-fund --loglevel=error >&2
echo "$lock_hash" > "$stamp"
