#!/usr/bin/env bash
# System packages the tests need, from Debian's archive (CI machines start without them).
# Idempotent: packages already present are not downloaded again.
set -euo pipefail

# chromium: the view's browser tests. virtuoso-opensource-7-bin: the Virtuoso server
# (virtuoso-t) and its SQL client (isql-vt) that tests/test_push.py starts on 127.0.0.1 — the
# binaries of Debian's virtuoso-opensource without its init script, so no system service starts.
packages=(chromium virtuoso-opensource-7-bin)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
