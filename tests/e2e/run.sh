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
NGINX_PID= SENDER_PID= READER_PID=

# Every step runs whatever the one before did; a second Ctrl-C cannot cut it short.
cleanup() {
	set +e
	trap '' INT TERM PIPE
	[ -n "$NGINX_PID" ] && stop_pid "$NGINX_PID"
	[ -n "$SENDER_PID" ] && stop_pid "$SENDER_PID"
	[ -n "$READER_PID" ] && stop_pid "$READER_PID"
	stop_pid "$T/remissd.pid"
	mail_stop
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
# The onboarding scenario starts from an empty database and one admin; the demo data comes
# after it, for the other scenarios.
export E2E_ADMIN=admin@lan.test E2E_ADMIN_PASSWORD=e2e-admin-losenord
printf '%s\n' "$E2E_ADMIN_PASSWORD" | "$BUILD/remissctl" user add "$E2E_ADMIN" admin \
	--name "Ada Admin" >>"$T/setup.log" 2>&1 || fail_setup "the one admin is added"
# /admin/utskick with a given-up message and one the sender delivers, so that the sweep checks
# its tables and its "Försök igen" form.
"$BUILD/remissctl" mail test forvaltning@regionhalland.example >>"$T/setup.log" 2>&1 &&
	"$BUILD/remissctl" mail test registrator@laholm.example >>"$T/setup.log" 2>&1 &&
	psql "$REMISS_DB" -XqAt -v ON_ERROR_STOP=1 -c "UPDATE mail_outbox SET attempts = 1,
	    failed_at = now(), last_error = '550 5.1.1 Okänd mottagare'
	    WHERE to_addr = 'registrator@laholm.example'" >>"$T/setup.log" 2>&1 ||
	fail_setup "queued mail for /admin/utskick"

# A real SMTP server (tests/mail/smtpd.py): the scenarios read the mail it received.
export E2E_MAIL_DIR=$T/mail
mail_start "$E2E_MAIL_DIR" || fail_setup "the SMTP server starts"
export REMISS_SMTP_URL=smtp://127.0.0.1:$MAIL_PORT
export REMISS_MAIL_FROM="Remissvar <remissvar@region.test>"
# Links in mail point here; lib.mjs's mailLink maps them to E2E_BASE.
export REMISS_PUBLIC_URL=http://remissvar.test
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
	"$ROOT/dev/demo/load" "$BUILD/remissctl" >>"$T/setup.log" 2>&1 || fail_setup "demo data loads"
	echo "E2E_BASE=http://127.0.0.1:$port node $HERE/scenarios.mjs   (Ctrl-C stops the stack)"
	wait "$NGINX_PID"
	exit 0
fi

# The outbox's sender, as systemd runs it (docs/systemd/remissvar-mail.service).
"$BUILD/remissctl" mail send >>"$T/mail-sender.log" 2>&1 &
SENDER_PID=$!
# The reader of uploaded response documents (docs/systemd/remissvar-documents.service).
"$BUILD/remissctl" documents read --poll 2 --extract "$BUILD/remiss-extract" \
	>>"$T/documents-read.log" 2>&1 &
READER_PID=$!

# The scenarios print their own ok/not ok lines and a closing count (a hang is ended after
# 20 minutes and fails the run); a sanitizer report in
# the remissd log adds one failure and a new closing line. First the onboarding from an
# empty database, then the demo data and every other scenario.
export E2E_REMISSCTL=$BUILD/remissctl
E2E_BASE=http://127.0.0.1:$port timeout 900 node "$HERE/scenarios.mjs" onboarding |
	tee "$T/onboarding.log"
rc=${PIPESTATUS[0]}
"$ROOT/dev/demo/load" "$BUILD/remissctl" >>"$T/setup.log" 2>&1 || fail_setup "demo data loads"
E2E_BASE=http://127.0.0.1:$port timeout 1200 node "$HERE/scenarios.mjs" | tee "$T/demo.log"
[ "${PIPESTATUS[0]}" = 0 ] || rc=1
# The demo remiss, answered by the scenarios, read back from its Word and Excel exports
# with python-docx and openpyxl and opened by LibreOffice (tests/export/demo_check.sh).
"$ROOT/tests/export/demo_check.sh" "$BUILD" ok-hemsjukvard-2025 "$T/demo-exports" |
	tee "$T/demo-exports.log"
[ "${PIPESTATUS[0]}" = 0 ] || rc=1
# One numbering and one closing line over the runs.
cat "$T/onboarding.log" "$T/demo.log" "$T/demo-exports.log" | grep -vE '^[0-9]+ passed, [0-9]+ failed$' |
	awk '/^(ok|not ok) [0-9]+ / { n++; sub(/ [0-9]+ /, " " n " ") } { print }' >"$T/scenarios.log"
echo "$(grep -c '^ok ' "$T/scenarios.log") passed, $(grep -c '^not ok ' "$T/scenarios.log") failed" >>"$T/scenarios.log"
echo "# both runs, numbered once:"
cat "$T/scenarios.log"
if grep -qE 'ERROR: (Address|Leak|Undefined)Sanitizer|runtime error:' "$T/remissd.log"; then
	grep -m5 -E 'Sanitizer|runtime error:' "$T/remissd.log" | sed 's/^/#   /'
	passed=$(grep -c '^ok ' "$T/scenarios.log")
	failed=$(grep -c '^not ok ' "$T/scenarios.log")
	echo "not ok $((passed + failed + 1)) - no sanitizer report in the remissd log"
	echo "$passed passed, $((failed + 1)) failed"
	rc=1
fi
exit "$rc"
