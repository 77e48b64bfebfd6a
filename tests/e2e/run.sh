#!/usr/bin/env bash
# tests/e2e/run.sh BUILD-DIR: starts PostgreSQL, remissd and nginx with the demo data under
# var/e2e and runs the browser scenarios (chromium via playwright-core, axe-core) against it.
# Prints ok/not ok lines and a closing "N passed, N failed"; stops what it started by PID.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../../dev/lib.sh"

BUILD=$(realpath "${1:?usage: run.sh BUILD-DIR [--serve]}")
SERVE=${2:-}	# --serve: start the stack, print its address, wait (for iterating on tests)
T=$ROOT/var/e2e
NGINX_PID=

# Every step runs whatever the one before did; a second Ctrl-C cannot cut it short.
cleanup() {
	set +e
	trap '' INT TERM PIPE
	[ -n "$NGINX_PID" ] && stop_pid "$NGINX_PID"
	stop_pid "$T/remissd.pid"
	pg_stop "$T/pg"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

fail_setup() { echo "not ok 1 - $1"; echo "0 passed, 1 failed"; exit 1; }

[ -x /usr/bin/chromium ] || fail_setup "chromium is installed (/usr/bin/chromium)"
[ -d "$HERE/node_modules/playwright-core" ] && [ -d "$HERE/node_modules/axe-core" ] ||
	fail_setup "npm packages are installed (cd tests/e2e && npm ci)"

rm -rf "$T"
# nginx's workers (nobody, when root) reach the socket by this directory's real path.
RUN=$(shared_dir "$T/run" 0711) || fail_setup "a socket directory nginx's workers can reach"
pg_start "$T/pg" fast
export REMISS_DB=$(pg_conninfo "$T/pg")
export REMISS_SCHEMA_DIR=$ROOT/schema
export REMISS_LOCALE_DIR=$BUILD/locale
"$BUILD/remissctl" migrate >"$T/setup.log" 2>&1 || fail_setup "remissctl migrate"
"$ROOT/dev/demo/load" "$BUILD/remissctl" >>"$T/setup.log" 2>&1 || fail_setup "demo data loads"
# /admin/utskick with a queued and a given-up message, so that the sweep checks its tables and
# its "Försök igen" form (no SMTP server here: nothing is sent).
"$BUILD/remissctl" mail test forvaltning@regionhalland.example >>"$T/setup.log" 2>&1 &&
	"$BUILD/remissctl" mail test registrator@laholm.example >>"$T/setup.log" 2>&1 &&
	psql "$REMISS_DB" -XqAt -v ON_ERROR_STOP=1 -c "UPDATE mail_outbox SET attempts = 1,
	    failed_at = now(), last_error = '550 5.1.1 Okänd mottagare'
	    WHERE to_addr = 'registrator@laholm.example'" >>"$T/setup.log" 2>&1 ||
	fail_setup "queued mail for /admin/utskick"

SOCK=$RUN/remissd.sock
"$BUILD/remissd" -s "$SOCK" -m 0666 -w 2 -g 5 -i -d "$REMISS_DB" -P "$T/remissd.pid" \
	-A "$ROOT/docs/tillganglighetsredogorelse.md" \
	2>>"$T/remissd.log" &
for _ in $(seq 100); do [ -S "$SOCK" ] && [ -s "$T/remissd.pid" ] && break; sleep 0.05; done
[ -S "$SOCK" ] || fail_setup "remissd starts"

# nginx on the first free port from 23480 that it can bind (dev/lib.sh's nginx_listen: another
# stack may take a port between the check and the bind).
nginx_listen "$T/nginx" "$(port_base 23480)" "$SOCK" 2>>"$T/nginx.log" ||
	fail_setup "nginx listens on a port of its own"
port=$NGINX_PORT
wait_http "http://127.0.0.1:$port/healthz" 30 && kill -0 "$NGINX_PID" 2>/dev/null ||
	fail_setup "the stack answers /healthz"

if [ "$SERVE" = --serve ]; then
	echo "E2E_BASE=http://127.0.0.1:$port node $HERE/scenarios.mjs   (Ctrl-C stops the stack)"
	wait "$NGINX_PID"
	exit 0
fi

# The scenarios print their own ok/not ok lines and a closing count (a hang is ended after
# 20 minutes and fails the run); a sanitizer report in
# the remissd log adds one failure and a new closing line.
E2E_BASE=http://127.0.0.1:$port timeout 1200 node "$HERE/scenarios.mjs" | tee "$T/scenarios.log"
rc=${PIPESTATUS[0]}
if grep -qE 'ERROR: (Address|Leak|Undefined)Sanitizer|runtime error:' "$T/remissd.log"; then
	grep -m5 -E 'Sanitizer|runtime error:' "$T/remissd.log" | sed 's/^/#   /'
	passed=$(grep -c '^ok ' "$T/scenarios.log")
	failed=$(grep -c '^not ok ' "$T/scenarios.log")
	echo "not ok $((passed + failed + 1)) - no sanitizer report in the remissd log"
	echo "$passed passed, $((failed + 1)) failed"
	rc=1
fi
exit "$rc"
