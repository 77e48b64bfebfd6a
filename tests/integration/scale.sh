#!/usr/bin/env bash
# tests/integration/scale.sh BUILD-DIR: scale-out on one machine. A PostgreSQL primary and a
# streaming replica (pg_basebackup -R, unix sockets in private directories), two remissd
# instances (-d primary, -R replica) behind one nginx upstream. Shows that writes land on the
# primary, that the review pages are read from the replica (a theme the paused replica has not
# replayed is missing there, present once replay resumes), that a user sees their own change at
# once, that the review pages fall back to the primary when the replica stops, and that stopping
# one remissd while a client submits with Idempotency-Keys loses no acknowledged response.
# Prints "ok N - name" lines and "N passed, N failed"; stops everything it started.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

BUILD=${1:?usage: scale.sh BUILD-DIR}
T=$ROOT/var/scale
SLUG=ok-hemsjukvard-2025
PW=remissvar-demo
SUBMITS=${SCALE_SUBMITS:-40}
REQ_DIR=$T/tmp	# the last answer (req)

# Every step runs whatever the one before did; a second Ctrl-C cannot cut it short.
cleanup() {
	set +e
	trap '' INT TERM PIPE
	[ -n "${CLIENT_PID:-}" ] && kill "$CLIENT_PID" 2>/dev/null
	[ -n "${NGINX_PID:-}" ] && stop_pid "$NGINX_PID"
	stop_pid "$T/a.pid"
	stop_pid "$T/b.pid"
	stop_pid "$T/c.pid"
	pg_stop "$T/replica"
	pg_stop "$T/primary"
}
trap cleanup EXIT

rm -rf "$T"
mkdir -p "$T/tmp"
# Real paths for what postgres and nginx's workers (nobody, when root) must reach.
RUN=$(shared_dir "$T/run" 0711) || die "cannot make $T/run"

# --- a primary and a streaming replica --------------------------------------
pg_start "$T/primary" fast
PRIMARY=$(pg_conninfo "$T/primary")
export REMISS_DB=$PRIMARY REMISS_SCHEMA_DIR=$ROOT/schema
check "remissctl migrate on the primary" "$BUILD/remissctl" migrate
check "demo data loads on the primary" "$ROOT/dev/demo/load" "$BUILD/remissctl"
add_user greta.granskare@regionhalland.example granskare "Greta Granskare"
TOKEN=$("$BUILD/remissctl" token create --org "Laholms kommun" --label scale)

REPLICA_DIR=$(shared_dir "$T/replica" 0700 "$(pg_os_user)") || die "cannot make $T/replica"
check "pg_basebackup -R clones the primary into a standby" \
	pg_as "$PGBIN/pg_basebackup" -h "$(realpath "$T/primary")" -p 5432 -U remiss -D "$REPLICA_DIR/data" -R -X stream -c fast
pg_start "$T/replica" fast
REPLICA=$(pg_conninfo "$T/replica")
check "the replica is in recovery, the primary is not" \
	eval '[ "$(sql_in "$REPLICA" "SELECT pg_is_in_recovery()")" = t ] && [ "$(sql_in "$PRIMARY" "SELECT pg_is_in_recovery()")" = f ]'
check "the primary streams to the replica" \
	eval '[ "$(sql_in "$PRIMARY" "SELECT count(*) FROM pg_stat_replication WHERE state = '"'"'streaming'"'"'")" = 1 ]'
# wait_replayed: until the replica has replayed everything the primary has written so far.
wait_replayed() {
	local lsn i
	lsn=$(sql_in "$PRIMARY" "SELECT pg_current_wal_lsn()")
	for i in $(seq 100); do
		[ "$(sql_in "$REPLICA" "SELECT pg_last_wal_replay_lsn() >= '$lsn'")" = t ] && return 0
		sleep 0.1
	done
	return 1
}

# --- two remissd instances behind one nginx upstream -------------------------
# The read connection as docs/scaling.md recommends: the replica first, the primary as the
# fallback that libpq takes when no standby answers.
READ="host=$T/replica,$T/primary port=5432,5432 user=remiss dbname=remiss target_session_attrs=prefer-standby"
start_remissd() { # start_remissd NAME
	"$BUILD/remissd" -s "$RUN/$1.sock" -m 0666 -w 2 -g 5 -i -d "$PRIMARY" -R "$READ" \
		-P "$T/$1.pid" 2>>"$T/$1.log" &
	local name=$1
	wait_until 5 eval '[ -S "$RUN/$name.sock" ] && [ -s "$T/$name.pid" ]'
}
check "remissd a starts with -R" start_remissd a
check "remissd b starts with -R" start_remissd b
port=$(port_base 18380)
while ! port_free "$port"; do port=$((port + 1)); done
BASE=http://127.0.0.1:$port
nginx_conf "$T/nginx" "$port" "$RUN/a.sock"
# One upstream, both instances.
sed -i "s|^\([[:space:]]*\)server unix:$RUN/a.sock;|&\n\1server unix:$RUN/b.sock;|" "$T/nginx/nginx.conf"
check "the nginx upstream names both sockets" \
	eval 'grep -q "server unix:$RUN/a.sock;" "$T/nginx/nginx.conf" && grep -q "server unix:$RUN/b.sock;" "$T/nginx/nginx.conf"'
nginx -t -q -p "$T/nginx" -c "$T/nginx/nginx.conf" -e "$T/nginx/error.log" || die "nginx -t"
nginx -p "$T/nginx" -c "$T/nginx/nginx.conf" -e "$T/nginx/error.log" -g 'daemon off;' &
NGINX_PID=$!
check "the stack answers /healthz" wait_http "$BASE/healthz" 30
for _ in $(seq 8); do curl -s -o /dev/null "$BASE/healthz"; done
check "nginx spreads requests over both instances" \
	eval 'grep -q "route=healthz" "$T/a.log" && grep -q "route=healthz" "$T/b.log"'

J=$T/tmp/jar
login "$J" greta.granskare@regionhalland.example
session=$(awk '$6 == "remiss_session" {print $7}' "$J")
check "a granskare logs in through nginx" eval 'status_is 303 && [ ${#session} = 64 ]'
# page PATH: the page with only the session cookie (no remiss_fresh), into $T/tmp/body.
page() { req - GET "$1" -b "remiss_session=$session"; }
page "/remisser/$SLUG/teman"
csrf=$(form_csrf)
check "the themes page answers 200" eval 'status_is 200 && [ -n "$csrf" ]'
check "the replica serves remissd-read connections, the primary none" \
	eval '[ "$(sql_in "$REPLICA" "SELECT count(*) FROM pg_stat_activity WHERE application_name = '"'"'remissd-read'"'"'")" -ge 1 ] &&
	      [ "$(sql_in "$PRIMARY" "SELECT count(*) FROM pg_stat_activity WHERE application_name = '"'"'remissd-read'"'"'")" = 0 ]'

# --- writes on the primary, review reads from the replica --------------------
check "replay on the replica pauses" eval 'sql_in "$REPLICA" "SELECT pg_wal_replay_pause()" >/dev/null'
theme="Skalningstema $$"
post_form "$J" "/remisser/$SLUG/teman" "$csrf" "namn=$theme"
check "creating a theme (a write) answers 303 while the replica is paused" status_is 303
check "the write landed on the primary" \
	eval '[ "$(sql_in "$PRIMARY" "SELECT count(*) FROM themes WHERE name = '"'"'$theme'"'"'")" = 1 ]'
check "the paused replica does not have it yet" \
	eval '[ "$(sql_in "$REPLICA" "SELECT count(*) FROM themes WHERE name = '"'"'$theme'"'"'")" = 0 ]'
check "the writer's browser got the remiss_fresh cookie" eval 'grep -q remiss_fresh "$J"'
req "$J" GET "/remisser/$SLUG/teman"
check "with remiss_fresh the writer sees the new theme at once (from the primary)" \
	eval 'status_is 200 && body_has "$theme"'
bad=0
for _ in 1 2 3 4; do
	page "/remisser/$SLUG/teman"
	{ [ "$STATUS" = 200 ] && ! grep -qF "$theme" "$T/tmp/body"; } || bad=$((bad + 1))
done
check "without it the themes page (4 times, both instances) comes from the replica: no new theme" \
	eval '[ $bad = 0 ] || { echo "#   $bad of 4 differed"; false; }'
page "/remisser/$SLUG/granskning"
check "the review matrix is served while the replica lags" status_is 200
check "replay resumes" eval 'sql_in "$REPLICA" "SELECT pg_wal_replay_resume()" >/dev/null'
check "the replica catches up" wait_replayed
page "/remisser/$SLUG/teman"
check "after replay the themes page shows the theme" eval 'status_is 200 && body_has "$theme"'

# --- the replica stops: review pages come from the primary --------------------
# Instance c names the replica alone (no libpq fallback), so remissd's own fallback is what
# keeps its pages up; it is asked directly over FastCGI.
ONLY_REPLICA="host=$T/replica port=5432 user=remiss dbname=remiss target_session_attrs=standby"
"$BUILD/remissd" -s "$RUN/c.sock" -m 0600 -w 1 -g 5 -i -d "$PRIMARY" -R "$ONLY_REPLICA" \
	-P "$T/c.pid" 2>>"$T/c.log" &
wait_until 5 eval '[ -S "$RUN/c.sock" ] && [ -s "$T/c.pid" ]'
fcgi_page() { python3 "$ROOT/tests/integration/fcgi.py" request "$RUN/c.sock" DOCUMENT_URI="$1" \
	"HTTP_COOKIE=remiss_session=$session" HTTP_ACCEPT=text/html 2>&1 | tr -d '\r'; }
out=$(fcgi_page "/remisser/$SLUG/teman")
check "instance c (-R the replica alone) serves the themes page" eval 'grep -q "^Status: 200" <<<"$out" && grep -qF "$theme" <<<"$out"'
pg_stop "$T/replica"
bad=0
for _ in 1 2 3 4 5 6; do
	page "/remisser/$SLUG/teman"
	{ [ "$STATUS" = 200 ] && grep -qF "$theme" "$T/tmp/body"; } || bad=$((bad + 1))
done
check "with the replica stopped every review page still answers 200 (6 of 6)" \
	eval '[ $bad = 0 ] || { echo "#   $bad of 6 failed"; false; }'
bad=0
for _ in 1 2 3; do
	out=$(fcgi_page "/remisser/$SLUG/teman")
	{ grep -q "^Status: 200" <<<"$out" && grep -qF "$theme" <<<"$out"; } || bad=$((bad + 1))
done
check "instance c falls back to the primary: 3 of 3 pages answer 200" \
	eval '[ $bad = 0 ] || { echo "#   $bad of 3 failed"; false; }'
check "instance c logs that the replica was lost and the primary served the page" \
	grep -q "read replica lost; review_themes served from the primary" "$T/c.log"
pg_start "$T/replica" fast
# remissd tries a replica that was down again after 5 seconds: pages are asked for until one
# is read from it, for at most 30 s (a hang guard, not a speed; a fixed sleep raced the timer).
for _ in $(seq 60); do
	out=$(fcgi_page "/remisser/$SLUG/teman")
	grep -q "reachable again (remissd-read)" "$T/c.log" && break
	sleep 0.5
done
check "once the replica is back, instance c reads from it again" \
	eval 'grep -q "^Status: 200" <<<"$out" && grep -q "reachable again (remissd-read)" "$T/c.log" &&
	      [ "$(sql_in "$REPLICA" "SELECT count(*) FROM pg_stat_activity WHERE application_name = '"'"'remissd-read'"'"'")" -ge 1 ]'
stop_pid "$T/c.pid"

# --- one instance stops while a client submits --------------------------------
# The client sends SUBMITS documents, each with its own Idempotency-Key, and sends a document
# again with the same key until it gets a 201, as the integrator guide tells integrators to.
EX=$ROOT/tests/xml/example-remissvar.xml
before=$(sql_in "$PRIMARY" "SELECT count(*) FROM response_versions")
client() {
	local i k try code
	for i in $(seq "$SUBMITS"); do
		k="scale-$$-$i"
		for try in $(seq 50); do
			code=$(curl -s -o "$T/tmp/r$i" -D "$T/tmp/h$i" -w '%{http_code}' -X POST \
				-H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/xml' \
				-H "Idempotency-Key: $k" --data-binary @"$EX" \
				"$BASE/api/v1/remisser/$SLUG/remissvar")
			echo "$i $try $code" >>"$T/tmp/client.log"
			[ "$code" = 201 ] && break
			sleep 0.1
		done
	done
}
: >"$T/tmp/client.log"
client &
CLIENT_PID=$!
wait_until 10 eval '[ "$(grep -c " 201$" "$T/tmp/client.log")" -ge $((SUBMITS / 4)) ]'
a_pid=$(cat "$T/a.pid")
kill -TERM "$a_pid"
wait "$CLIENT_PID"
CLIENT_PID=
check "remissd a stopped on SIGTERM" eval '! kill -0 '"$a_pid"' 2>/dev/null'
acked=$(grep -c ' 201$' "$T/tmp/client.log")
check "the client got a 201 receipt for every one of its $SUBMITS documents" \
	eval '[ "$acked" = "$SUBMITS" ] || { echo "#   $acked receipts"; false; }'
check "instance a had served some submissions before it stopped, b the rest" \
	eval 'grep -q "route=api_submit status=201" "$T/a.log" && grep -q "route=api_submit status=201" "$T/b.log"'
lost=0
for i in $(seq "$SUBMITS"); do
	[ -f "$T/tmp/r$i" ] || { lost=$((lost + 1)); continue; }
	vid=$(tr -d '\r' <"$T/tmp/h$i" | sed -nE 's|^Location: .*/remissvar/([0-9]+)$|\1|p')
	sha=$(grep -oE 'sha256="[0-9a-f]{64}"' "$T/tmp/r$i" | head -1 | grep -oE '[0-9a-f]{64}')
	[ -n "$vid" ] && [ -n "$sha" ] &&
		[ "$(sql_in "$PRIMARY" "SELECT sha256 FROM response_versions WHERE id = $vid")" = "$sha" ] ||
		lost=$((lost + 1))
done
check "every 201 receipt is in the primary with its SHA-256" \
	eval '[ $lost = 0 ] || { echo "#   $lost receipts not found"; false; }'
check "each document was stored exactly once (the retries were replays)" \
	eval '[ "$(sql_in "$PRIMARY" "SELECT count(*) FROM response_versions")" = $((before + SUBMITS)) ]'
check "the receipts reach the replica too" wait_replayed
check "the replica has every acknowledged version" \
	eval '[ "$(sql_in "$REPLICA" "SELECT count(*) FROM response_versions")" = $((before + SUBMITS)) ]'
check "no sanitizer reported anything" \
	eval '! grep -E "AddressSanitizer|LeakSanitizer|runtime error:" "$T/a.log" "$T/b.log"'

finish
