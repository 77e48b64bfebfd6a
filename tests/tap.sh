# tests/tap.sh: the numbered results every test script prints, sourced by the shell scripts of
# tests/ (the integration suites through tests/integration/lib.sh): "ok N - name" and
# "not ok N - name" lines, a check of a command, and the closing plan and "N passed, N failed"
# that dev/test and tests/integration/run.sh count.
PASS=0 FAIL=0 N=0
ok() { N=$((N + 1)); PASS=$((PASS + 1)); echo "ok $N - $1"; }
# notok NAME [DETAIL]: DETAIL's lines follow as "#" comments. Returns 0, so that a suite can
# go on (or finish) after it in a || list.
notok() {
	N=$((N + 1)); FAIL=$((FAIL + 1)); echo "not ok $N - $1"
	[ -z "${2:-}" ] || printf '%s\n' "$2" | sed 's/^/#   /'
	return 0
}
# check NAME COMMAND [ARGS...]: ok if COMMAND succeeds, else not ok naming the command.
check() { local name=$1; shift; if "$@"; then ok "$name"; else notok "$name" "command: $*"; fi; }
# finish: the plan line and the closing count; exits 0 only if nothing failed.
finish() {
	echo "1..$N"
	echo "$PASS passed, $FAIL failed"
	[ "$FAIL" -eq 0 ] && exit 0
	exit 1
}
