#!/usr/bin/env bash
# The dashboard tests drive Debian's headless Chromium through chromedriver; install them where missing.
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q chromium chromium-driver; }
elif command -v sudo >/dev/null && command -v apt-get >/dev/null; then
  sudo apt-get install -y -q chromium chromium-driver
else
  echo "make test: Chromium and chromedriver are missing; install Debian's chromium and chromium-driver" >&2
fi
