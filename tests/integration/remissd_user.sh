#!/usr/bin/env bash
# tests/integration/remissd_user.sh BUILD-DIR TMPDIR: remissd started by root with
# -u USER:GROUP, as remissd.8's example starts it: the unix socket belongs to USER and GROUP,
# so that another member of GROUP (nginx, in production) connects through mode 0660; a missing
# socket directory is created for them; the workers run as USER; and the socket is gone after
# stop. With a directory USER cannot write, remissd says at start that the socket will stay.
# Users: daemon runs remissd in group nogroup, nobody (whose group is nogroup) plays nginx.
# Every remissd started here is stopped by its PID. Prints ok/not ok lines.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

BUILD=${1:?usage: remissd_user.sh BUILD-DIR TMPDIR}
TMP=${2:?usage: remissd_user.sh BUILD-DIR TMPDIR}
export REMISS_SCHEMA_DIR=${REMISS_SCHEMA_DIR:-$ROOT/schema}

if [ "$(id -u)" -ne 0 ]; then
	ok "not root: -u only applies when root starts remissd"
	finish
fi
rm -rf "$TMP"
mkdir -p "$TMP"
chmod 0755 "$TMP"
DIR=$TMP/run-remissd		# like /run/remissd, missing before the start
SOCK=$DIR/remissd.sock
LOG=$TMP/remissd.log
PID=
cleanup() { [ -n "$PID" ] && stop_pid "$PID" 5; }
trap cleanup EXIT

# The database is not needed (the workers, running as daemon, cannot reach the test cluster's
# socket): a request still gets an answer, 503, through the socket.
"$BUILD/remissd" -s "$SOCK" -m 0660 -w 1 -g 2 -i -u daemon:nogroup \
	-d "host=$TMP/nowhere dbname=x" 2>>"$LOG" &
PID=$!
wait_until 10 test -S "$SOCK"
check "remissd -u daemon:nogroup started by root listens on its socket" eval '[ -S "$SOCK" ]'
check "the socket belongs to daemon:nogroup with mode 0660 (not root:root)" \
	eval '[ "$(stat -c "%U:%G %a" "$SOCK")" = "daemon:nogroup 660" ] || { echo "#   $(stat -c "%U:%G %a" "$SOCK")"; false; }'
check "the missing socket directory was made, daemon:nogroup 0750" \
	eval '[ "$(stat -c "%U:%G %a" "$DIR")" = "daemon:nogroup 750" ] || { echo "#   $(stat -c "%U:%G %a" "$DIR")"; false; }'
answer=$(runuser -u nobody -- python3 "$ROOT/tests/integration/fcgi.py" request "$SOCK" DOCUMENT_URI=/healthz 2>&1 | tr -d '\r')
check "another member of the group (nobody, as nginx would be) gets an answer through the socket" \
	eval 'grep -q "^Status: 503" <<<"$answer" || { echo "#   $(head -3 <<<"$answer")"; false; }'
workers=$(pgrep -P "$PID" | head -1)
check "the supervisor and its workers run as daemon:nogroup" \
	eval '[ "$(ps -o user=,group= -p "$PID" | tr -s " ")" = "daemon nogroup" ] &&
	      [ -n "$workers" ] && [ "$(ps -o user= -p "$workers" | tr -d " ")" = daemon ]'
stop_pid "$PID" 10
PID=
check "after stop the socket is gone" eval '[ ! -e "$SOCK" ]'

# A directory of root's: the socket cannot be removed after the drop; say so at once.
mkdir -p "$TMP/rootdir"
chmod 0755 "$TMP/rootdir"
: >"$LOG"
"$BUILD/remissd" -s "$TMP/rootdir/remissd.sock" -m 0660 -w 1 -g 2 -i -u daemon:nogroup \
	-d "host=$TMP/nowhere dbname=x" 2>>"$LOG" &
PID=$!
wait_until 10 test -S "$TMP/rootdir/remissd.sock"
wait_until 2 grep -q "not writable by daemon" "$LOG"
check "in a directory daemon cannot write, remissd warns at start that the socket will stay" \
	grep -q "rootdir is not writable by daemon: the socket will stay" "$LOG"
stop_pid "$PID" 10
PID=
check "-u with an unknown group is refused at start" \
	eval '! "$BUILD/remissd" -s "$TMP/x.sock" -u daemon:no-such-group -d x 2>"$TMP/err" && grep -q "no such group: no-such-group" "$TMP/err"'

finish
