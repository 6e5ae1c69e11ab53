#!/usr/bin/env bash
# Install Debian packages the tests need where a program of theirs is missing:
#   ensure_debian.sh "CHECK" PACKAGE...   (CHECK: a shell test that succeeds when they are installed)
# The store tests start a PostgreSQL server of their own; the dashboard tests drive headless Chromium.
set -euo pipefail
check=$1
shift
if bash -c "$check" >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "$@" >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q "$@"; }
elif command -v sudo >/dev/null && command -v apt-get >/dev/null; then
  sudo apt-get install -y -q "$@"
else
  echo "make test: install the Debian packages $* (the tests need them)" >&2
fi
