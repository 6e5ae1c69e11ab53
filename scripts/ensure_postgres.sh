#!/usr/bin/env bash
# The store tests start a real PostgreSQL server of their own; install its programs where they are missing.
set -euo pipefail
if command -v initdb >/dev/null || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q postgresql >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q postgresql; }
elif command -v sudo >/dev/null && command -v apt-get >/dev/null; then
  sudo apt-get install -y -q postgresql
else
  echo "make test: PostgreSQL's server programs are missing; install the postgresql package" >&2
fi
