#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on 127.0.0.1 for the store tests and print the DSN.
# Usage: eval "$(bash tests/store/pg_start.sh [PORT])"   -> exports FRONTWIRE_TEST_PG
# Stop:  su postgres -c "pg_ctl -D $DIR stop -m fast"  (DIR is printed as FRONTWIRE_TEST_PG_DIR)
set -euo pipefail
PORT="${1:-54329}"
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
DIR="$(mktemp -d /tmp/frontwire-pg.XXXXXX)"
chown postgres:postgres "$DIR"
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
run "'$BIN/initdb' -D '$DIR/data' -A trust -U postgres --no-sync >/dev/null"
run "'$BIN/pg_ctl' -D '$DIR/data' -l '$DIR/log' -w -o \"-c listen_addresses=127.0.0.1 -p $PORT -k '$DIR' -c fsync=off -c full_page_writes=off\" start >/dev/null"
run "'$BIN/createdb' -h 127.0.0.1 -p $PORT -U postgres frontwire_test"
echo "export FRONTWIRE_TEST_PG=postgresql://postgres@127.0.0.1:$PORT/frontwire_test"
echo "export FRONTWIRE_TEST_PG_DIR=$DIR/data"
