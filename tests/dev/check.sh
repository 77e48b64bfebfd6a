#!/usr/bin/env bash
# tests/dev/check.sh BUILD-DIR: ./dev/run and dev/lib.sh as a person uses them, from a fresh
# clone (HEAD plus the working tree's changes) that runs BUILD-DIR's programs (REMISS_DEV_BUILD)
# instead of building its own.
# 1. Ctrl-C: ./dev/run --no-demo, started in a process group of its own and serving, gets
#    SIGINT on that group (what a terminal sends on Ctrl-C); then not one process of its stack
#    runs: the postmaster and its children, remissd and its workers, nginx and its workers,
#    found by the PIDs they had and by their paths. The same after SIGTERM to ./dev/run alone,
#    after Ctrl-C on `./dev/run 2>&1 | tee LOG` (the cleanup's output goes to a closed pipe),
#    and when the pid files vanish just as they are read (forced with a cat that removes them
#    first: remissd and nginx remove theirs as they exit, a race that Ctrl-C lost at times).
# 2. A checkout inside a 0700 directory (as root's home is): ./dev/run serves a page from
#    remissd, a static file and nginx's own error page through nginx's workers (nobody when
#    root), and stops completely on Ctrl-C; then the base checks of the clone's own
#    tests/integration/run.sh (PostgreSQL, remissd and nginx started through dev/lib.sh, as
#    every runner of ./dev/test does) pass there and leave nothing running.
# Prints ok/not ok lines and "N passed, N failed"; stops what it started, by PID.
set -uo pipefail
. "$(cd "$(dirname "$0")/../.." && pwd)/dev/lib.sh"

BUILD=$(realpath "${1:?usage: tests/dev/check.sh BUILD-DIR}")
W=$ROOT/var/dev-check
HOME_DIR=$W/home		# made 0755 for part 1 and 0700 for part 2
C=$HOME_DIR/remissvar		# the clone
. "$ROOT/tests/tap.sh"
RUN_PID= STACK=() STARTS=0

# shared_targets: the directories outside the clone that its var/ links to (dev/lib.sh's
# shared_dir, as root), for the sweep below and for removal at the end.
shared_targets() {
	[ -n "${SHARED_BASE:-}" ] && [ -d "$C/var" ] || return 0
	find "$C/var" -type l -lname "$SHARED_BASE/*" -exec readlink {} \;
}

# leftovers: the PIDs in STACK still running, and any process whose command line names the
# clone or one of its shared directories; one line each with its command line.
leftovers() {
	local pid cmd pats=("$C/") t
	while read -r t; do pats+=("$t"); done < <(shared_targets)
	{
		for pid in "${STACK[@]}"; do
			[ -d "/proc/$pid" ] && [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ] &&
				echo "$pid $({ tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null)"
		done
		for pid in $(ls /proc | grep -E '^[0-9]+$'); do
			[ "$pid" = $$ ] && continue
			cmd=$({ tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null) || continue
			for t in "${pats[@]}"; do
				# This script's own subshells aside.
				[[ $cmd == *"$t"* ]] && [[ $cmd != *tests/dev/check.sh* ]] && { echo "$pid $cmd"; break; }
			done
		done
	} | sed 's/ *$//' | sort -un
}
nothing_left() {
	local left
	left=$(leftovers)
	[ -z "$left" ] || { cut -c1-160 <<<"$left" | head -12 | sed 's/^/#   still running: /'; return 1; }
}

# stack_pids: the PIDs of the running stack of the clone's ./dev/run (or of its integration
# run under var/test with ARG test): postmaster, remissd, nginx, and their children.
stack_pids() {
	local v=$C/var${1:+/$1} p
	STACK=()
	p=$(head -1 "$v/pg/data/postmaster.pid" 2>/dev/null) && STACK+=("$p")
	p=$(cat "$v/remissd.pid" 2>/dev/null) && STACK+=("$p")
	p=$(cat "$v/nginx/nginx.pid" 2>/dev/null) && STACK+=("$p")
	for p in "${STACK[@]}"; do STACK+=($(pgrep -P "$p")); done
}

# start_run [MODE]: ./dev/run --no-demo from the clone in a process group of its own (job
# control on, as in an interactive shell: a background job of a script would ignore SIGINT);
# waits until it serves /healthz on PORT. MODE tee: as `./dev/run 2>&1 | tee LOG`, the
# pipeline one process group; vanishing: with a cat that removes a *.pid file before reading
# it, as if remissd or nginx had removed it on exit just between the test for it and the read.
start_run() {
	local i log mode=${1:-plain}
	STARTS=$((STARTS + 1)) log=$W/run-$STARTS.log
	port=$(port_base 18680)
	while ! port_free "$port"; do port=$((port + 1)); done
	set -m
	case $mode in
	plain)
		REMISS_DEV_BUILD=$BUILD "$C/dev/run" --no-demo --port "$port" </dev/null >"$log" 2>&1 & ;;
	tee)
		REMISS_DEV_BUILD=$BUILD bash -c '"$0" --no-demo --port "$1" 2>&1 | tee "$2" >/dev/null' \
			"$C/dev/run" "$port" "$log" </dev/null & ;;
	vanishing)
		REMISS_DEV_BUILD=$BUILD PATH=$W/shim:$PATH "$C/dev/run" --no-demo --port "$port" \
			</dev/null >"$log" 2>&1 & ;;
	esac
	RUN_PID=$!
	set +m
	for ((i = 0; i < 1200; i++)); do
		grep -q 'Remissvar is running' "$log" 2>/dev/null &&
			wait_http "http://127.0.0.1:$port/healthz" 5 && return 0
		kill -0 "$RUN_PID" 2>/dev/null || break
		sleep 0.1
	done
	tail -20 "$log" | sed 's/^/#   /'
	return 1
}

# stop_run SIGNAL group|alone: sends SIGNAL to ./dev/run's process group or to it alone and
# waits (at most 90 s) until it has exited.
stop_run() {
	local i
	if [ "$2" = group ]; then kill -"$1" -- -"$RUN_PID"; else kill -"$1" "$RUN_PID"; fi
	for ((i = 0; i < 900; i++)); do
		kill -0 "$RUN_PID" 2>/dev/null || { wait "$RUN_PID" 2>/dev/null; RUN_PID=; return 0; }
		sleep 0.1
	done
	return 1
}

# leave_nothing: stops by PID what a failed stop left (the next start begins clean).
leave_nothing() {
	local pid
	[ -n "$RUN_PID" ] && { kill -INT -- -"$RUN_PID" 2>/dev/null; stop_pid "$RUN_PID" 60; }
	RUN_PID=
	for pid in "${STACK[@]}"; do stop_pid "$pid" 5; done
	STACK=()
	pg_stop "$C/var/pg"
	pg_stop "$C/var/test/pg"
}

# cycle WHAT MODE SIGNAL group|alone: ./dev/run started (start_run MODE) and stopped with
# SIGNAL; then not one process of its stack may run.
cycle() {
	local what=$1 mode=$2 sig=$3 whom=$4
	if start_run "$mode"; then
		stack_pids
		check "$what: ./dev/run serves, then ends (its stack had ${#STACK[@]} processes)" \
			eval '[ ${#STACK[@]} -ge 5 ] && stop_run "$sig" "$whom"'
	else
		notok "$what: ./dev/run serves /healthz"
	fi
	check "$what: then no PostgreSQL, remissd or nginx process of the stack runs" nothing_left
	leave_nothing
}

# Stops whatever a failed check left, by PID, then removes the clone's shared directories.
cleanup() {
	set +e
	trap '' INT TERM PIPE
	local t
	leave_nothing
	while read -r t; do
		pg_stop "$t"; rm -rf "$t"
	done < <(shared_targets)
	chmod 0755 "$HOME_DIR" 2>/dev/null
}
trap cleanup EXIT

rm -rf "$W"
mkdir -p "$HOME_DIR"
chmod 0755 "$W" "$HOME_DIR"
clone() {
	git clone -q "$ROOT" "$C" || return 1
	# The working tree's changes: modified and new files over HEAD, deleted ones removed.
	(cd "$ROOT" && git ls-files -z -m -o --exclude-standard | sort -zu | xargs -0 -r cp --parents -t "$C") &&
		(cd "$ROOT" && git ls-files -z -d) | (cd "$C" && xargs -0 -r rm -f)
}
check "the checkout clones" clone
[ -x "$C/dev/run" ] || finish

# --- 1. Ctrl-C stops the whole stack ------------------------------------------------------
mkdir -p "$W/shim"
printf '%s\n' '#!/bin/sh' 'for a; do case $a in *.pid) rm -f -- "$a" ;; esac; done' \
	'exec /bin/cat "$@"' >"$W/shim/cat"
chmod +x "$W/shim/cat"
cycle "Ctrl-C (SIGINT to the process group)" plain INT group
cycle "SIGTERM to ./dev/run alone" plain TERM alone
cycle "Ctrl-C on ./dev/run 2>&1 | tee LOG" tee INT group
cycle "SIGINT while the pid files vanish as they are read" vanishing INT alone

# --- 2. a checkout inside a 0700 directory ------------------------------------------------
rm -rf "$C/var"
chmod 0700 "$HOME_DIR"
if ! start_run; then
	notok "./dev/run in a checkout inside a 0700 directory serves /healthz"
else
	ok "./dev/run in a checkout inside a 0700 directory serves /healthz"
	stack_pids
	B=http://127.0.0.1:$port
	check "the start page comes from remissd through nginx" \
		eval '[ "$(curl -s -o "$W/page" -w "%{http_code}" -H "Accept: text/html" "$B/")" = 200 ] && grep -q "<html lang=\"sv\">" "$W/page"'
	check "nginx's workers serve static/remiss.css" \
		eval '[ "$(curl -s -o "$W/css" -w "%{http_code}" "$B/static/remiss.css")" = 200 ] && cmp -s "$W/css" "$C/static/remiss.css"'
	# nginx refuses a declared length over client_max_body_size before reading the body.
	big=$(exec 3<>"/dev/tcp/127.0.0.1/$port"; printf 'POST / HTTP/1.0\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n' >&3; cat <&3)
	check "nginx's workers serve its own 413 page" \
		eval 'grep -q "^HTTP/1.1 413" <<<"$big" && grep -q "Förfrågan är för stor" <<<"$big"'
	check "Ctrl-C ends ./dev/run in the 0700 checkout" stop_run INT group
fi
check "after Ctrl-C nothing of the 0700 checkout's stack runs" nothing_left
leave_nothing

# The runners of ./dev/test start their stacks with the same dev/lib.sh functions; the base
# checks of the integration runner (REMISS_SUITES names none of its sub-suites) in the clone.
integration() {
	(cd "$C" && REMISS_SUITES=none tests/integration/run.sh "$BUILD") >"$W/integration.log" 2>&1
	local rc=$?
	grep -E '^(not ok|#)' "$W/integration.log" | head -20
	tail -1 "$W/integration.log" | sed 's/^/#   /'
	[ "$rc" = 0 ]
}
check "tests/integration/run.sh's base checks pass in the 0700 checkout" integration
check "after the integration run nothing of its stack runs" nothing_left
chmod 0755 "$HOME_DIR"

finish
