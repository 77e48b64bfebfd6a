#!/usr/bin/env bash
# tests/integration/submit_crash.sh BUILD-DIR BASE-URL TMPDIR: the worker handling a submission
# is killed with SIGKILL, once in the middle of its transaction (nothing is stored) and once
# after the database committed but before the worker could answer (everything is stored, with
# its receipt). Either way, sending the same confirmed form again stores it exactly once.
# Needs REMISS_DB and the demo data.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: submit_crash.sh BUILD-DIR BASE-URL TMPDIR}
BASE=${2:?usage}
T=${3:?usage}
SLUG=ok-hemsjukvard-2025
PW=remissvar-demo
mkdir -p "$T"
# The one-worker remissd started below, also when this script is stopped half-way.
trap 'stop_pid "$T/crash.pid"' EXIT
J=$T/jar
org=Hylte\ kommun
# send_confirmed OUT: the confirmed form ($body) straight to the one-worker remissd on $S, in
# the background ($client); its answer goes to OUT.
send_confirmed() {
	python3 "$ROOT/tests/integration/fcgi.py" post "$S" "$body" DOCUMENT_URI="/remisser/$SLUG/svar" \
		"HTTP_COOKIE=remiss_session=$cookie" HTTP_ACCEPT=text/html >"$1" 2>&1 &
	client=$!
}
# waiting_on CONDITION: a remissd connection waits in PostgreSQL as CONDITION (on pg_stat_activity) says.
waiting_on() { [ "$(sql "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'remissd' AND $1")" -ge 1 ]; }
partial() { sql "SELECT count(*) FROM answers a WHERE NOT EXISTS (SELECT 1 FROM response_versions v WHERE v.id = a.version_id)"; }

# A Hylte user, logged in through nginx, reviews a complete answer.
add_user hanna.holm@hylte.example kommun "Hanna Holm" --org "$org"
login "$J" hanna.holm@hylte.example
req "$J" GET "/remisser/$SLUG/svar"
csrf=$(form_csrf) lock=$(hidden lock)
post_form "$J" "/remisser/$SLUG/svar" "$csrf" "lock=$lock" \
	action=granska stallningstagande=tillstyrker \
	"a-1-kommentar=Hylte kommun delar syftet." \
	"kontakt_namn=Hanna Holm" kontakt_epost=hanna.holm@hylte.example
key=$(hidden nyckel) lock=$(hidden lock)
check "the review page offers a one-time key" eval 'status_is 200 && [ ${#key} = 64 ]'
cookie=$(awk '$6 == "remiss_session" {print $7}' "$J")
body="csrf=$csrf&lock=$lock&action=skicka&nyckel=$key"
before=$(versions "$org")

# A one-worker remissd on its own socket, so we know which process handles the submit.
S=$T/crash.sock
"$BUILD/remissd" -s "$S" -m 0600 -w 1 -g 2 -i -d "$REMISS_DB" -P "$T/crash.pid" 2>>"$T/crash.log" &
wait_until 5 test -S "$S"

# Hold the organisation's response row so the submit stops inside its transaction.
coproc HOLD { psql "$REMISS_DB" -qAt 2>&1; }
hold_pid=$HOLD_PID	# bash unsets HOLD_PID once the coprocess has exited
echo "BEGIN; SELECT 'held' FROM responses r JOIN organisations o ON o.id = r.org_id WHERE o.name = '$org' FOR UPDATE;" >&"${HOLD[1]}"
read -r -t 10 line <&"${HOLD[0]}"
check "the response row is held by another transaction" [ "$line" = held ]

send_confirmed "$T/crash.out"
check "the submit is waiting inside its transaction" wait_until 5 waiting_on "wait_event_type = 'Lock'"
worker=$(pgrep -P "$(cat "$T/crash.pid")" | head -1)
kill -KILL "$worker"
wait "$client" 2>/dev/null
echo "COMMIT;" >&"${HOLD[1]}"; echo '\q' >&"${HOLD[1]}"
wait "$hold_pid" 2>/dev/null
sleep 0.5
check "the killed worker's client got no receipt" eval '! grep -q "^Status: 303" "$T/crash.out"'
check "nothing of the interrupted submit was stored" eval '[ "$(versions "$org")" = "$before" ] && [ "$(partial)" = 0 ]'
stop_pid "$T/crash.pid"

# The same confirmed form, sent again through nginx: stored once, then replayed.
req "$J" POST "/remisser/$SLUG/svar" --data "$body"
first=$(grep -i '^Location:' "$T/h")
check "sending the same form again stores it" eval 'status_is 303 && [ "$(versions "$org")" = $((before + 1)) ]'
req "$J" POST "/remisser/$SLUG/svar" --data "$body"
check "and a third send stores nothing more, with the same receipt" eval 'status_is 303 && [ -n "$first" ] && [ "$(grep -i "^Location:" "$T/h")" = "$first" ] && [ "$(versions "$org")" = $((before + 1)) ]'

# --- killed after the commit, before the answer ------------------------------
# A new review gives a new one-time key. The crash instance's commits wait for a synchronous
# standby that does not exist: the transaction is durable in the WAL but the worker never
# hears back, and is killed while waiting. Clearing the standby name lets the commit finish.
req "$J" GET "/remisser/$SLUG/svar"
csrf=$(form_csrf) lock=$(hidden lock)
post_form "$J" "/remisser/$SLUG/svar" "$csrf" "lock=$lock" \
	action=granska stallningstagande=tillstyrker-med-andringar \
	"a-1-kommentar=Hylte kommun delar syftet, med ändringar." \
	"kontakt_namn=Hanna Holm" kontakt_epost=hanna.holm@hylte.example
key=$(hidden nyckel) lock=$(hidden lock)
body="csrf=$csrf&lock=$lock&action=skicka&nyckel=$key"
before=$(versions "$org")
"$BUILD/remissd" -s "$S" -m 0600 -w 1 -g 2 -i -d "$REMISS_DB options='-c synchronous_commit=on'" \
	-P "$T/crash.pid" 2>>"$T/crash.log" &
wait_until 5 test -S "$S"
# The session's last use is set to now, so the crash worker's lookup does not refresh it (a
# refresh is a write, and would wait for the standby itself). A GET only refreshes a session
# last used over 15 s ago, so on a loaded machine it did not always leave 15 s to go.
sql "UPDATE sessions SET last_seen_at = now() WHERE user_id = (SELECT id FROM users WHERE email = 'hanna.holm@hylte.example')" >/dev/null
sql "ALTER SYSTEM SET synchronous_standby_names = 'remissvar_test_no_such_standby'" >/dev/null
sql "SELECT pg_reload_conf()" >/dev/null
send_confirmed "$T/crash2.out"
wait_until 30 waiting_on "wait_event = 'SyncRep' AND query NOT LIKE '%sessions%'"
waited=$?
[ "$waited" = 0 ] || sql "SELECT pid, wait_event_type, wait_event, state, left(query, 100) FROM pg_stat_activity WHERE application_name = 'remissd'" | sed 's/^/#   /'
check "the submit has committed locally and waits before it can answer" [ "$waited" = 0 ]
worker=$(pgrep -P "$(cat "$T/crash.pid")" | head -1)
kill -KILL "$worker"
wait "$client" 2>/dev/null
sql "ALTER SYSTEM RESET synchronous_standby_names" >/dev/null
sql "SELECT pg_reload_conf()" >/dev/null
wait_until 15 eval '[ "$(versions "$org")" = $((before + 1)) ]'
check "the killed worker's client got no receipt" eval '! grep -q "^Status: 303" "$T/crash2.out"'
stored=$(sql "SELECT v.id FROM response_versions v JOIN responses r ON r.id = v.response_id JOIN organisations o ON o.id = r.org_id WHERE o.name = '$org' AND v.idempotency_key = '$key' AND v.receipt_number ~ '^[0-9]{4}-[0-9]+$' AND length(v.sha256) = 64")
check "yet the submit was stored whole, with its receipt" \
	eval '[ "$(versions "$org")" = $((before + 1)) ] && [ -n "$stored" ] && [ "$(partial)" = 0 ]'
stop_pid "$T/crash.pid"
req "$J" POST "/remisser/$SLUG/svar" --data "$body"
check "sending the same form again stores nothing more and leads to that receipt" \
	eval 'status_is 303 && header_matches "^Location: /remisser/$SLUG/kvitton/$stored$" && [ "$(versions "$org")" = $((before + 1)) ]'

finish
