#!/usr/bin/env bash
# tests/integration/lib_check.sh BUILD-DIR BASE-URL TMPDIR: the shared helpers of lib.sh never
# turn a failure into a pass: a request that got no answer leaves no earlier body or headers to
# match, a wrong status, a missing text and a failing command are "not ok" with a comment saying
# why, header_has takes its text literally where header_matches reads a regular expression, a
# CSRF token must be one, a call in the old "req METHOD PATH" form fails, a user that could not
# be made is said, and a sub-suite that stops half-way counts as a failure. Needs the running stack. Prints "ok N - name" and "N passed, N failed".
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: lib_check.sh BUILD-DIR BASE-URL TMPDIR}
BASE=${2:?usage}
T=${3:?usage}
PW=remissvar-demo
mkdir -p "$T"
REQ_ACCEPT=
# A port where nothing listens: connecting is refused at once.
NOWHERE=http://127.0.0.1:1

# --- the last answer is never an earlier one ---------------------------------------------
req - GET /healthz
check "a request's body and headers are kept (precondition)" eval 'status_is 200 && body_is ok && header_has "Content-Type: text/plain"'
BASE=$NOWHERE req - GET /healthz
check "a request that got no answer has status 000" eval '[ "$STATUS" = 000 ]'
check "…and leaves no earlier body behind for body_has" eval '! body_has ok >/dev/null && ! body_is ok >/dev/null'
check "…nor earlier headers for header_has" eval '! header_has "Content-Type" >/dev/null'
req - GET /healthz
req GET /healthz >"$T/old-form.out"
check "a call in the old form (req METHOD PATH) fails, with status 000 and an empty body" \
	eval '[ "$STATUS" = 000 ] && [ ! -s "$T/body" ] && grep -q "^#   req: no METHOD" "$T/old-form.out"'

# --- a failure says so ---------------------------------------------------------------------
req - GET /finns-inte -H 'Accept: text/html'
check "status_is fails on another status and says which, with the start of the body" \
	eval '! status_is 200 >"$T/said" && grep -q "^#   status 404, expected 200: <!DOCTYPE html>" "$T/said"'
check "body_has fails on a missing text and says it" \
	eval '! body_has "Ingen sådan text" >"$T/said" && grep -qx "#   body lacks: Ingen sådan text" "$T/said"'
check "body_lacks fails on a text that is there" eval '! body_lacks "Sidan finns inte" >/dev/null'
(check "a failing command" false) >"$T/check.out"
check "check prints a failing command as not ok, naming the command" \
	eval 'grep -qxE "not ok [0-9]+ - a failing command" "$T/check.out" && grep -qx "#   command: false" "$T/check.out"'
(notok "two lines" "first"$'\n'"second") >"$T/notok.out"
check "every line of a failure's comment starts with #" \
	eval '[ "$(grep -vc "^#" "$T/notok.out")" = 1 ] && grep -qx "#   second" "$T/notok.out"'
(PASS=3 FAIL=1 N=4 finish) >"$T/finish.out"
finish_rc=$?
check "finish gives the plan, the closing count and a failing exit status after a failure" \
	eval '[ "$finish_rc" = 1 ] && [ "$(cat "$T/finish.out")" = "$(printf "1..4\n3 passed, 1 failed")" ]'

# A suite that dies half-way (an unset variable under set -u, a Python exception) or exits
# non-zero without a "not ok" line.
printf '#!/bin/sh\necho "ok 1 - first"\necho "ok 2 - second"\nexit 3\n' >"$T/dies.sh"
printf '#!/bin/sh\necho "ok 1 - only"\necho "1 passed, 0 failed"\nexit 1\n' >"$T/exits.sh"
printf '#!/bin/sh\necho "ok 1 - only"\necho "1 passed, 0 failed"\n' >"$T/whole.sh"
chmod +x "$T/dies.sh" "$T/exits.sh" "$T/whole.sh"
counts() { (PASS=0 FAIL=0 N=0 REMISS_SUITES=; sub_suite "$1" >/dev/null; echo "$PASS $FAIL"); }
check "sub_suite counts a suite that stops before its closing count as one failure more" \
	eval '[ "$(counts "$T/dies.sh")" = "2 1" ]'
check "…and one that exits non-zero without a \"not ok\" line" eval '[ "$(counts "$T/exits.sh")" = "1 1" ]'
check "…but a whole suite as it is" eval '[ "$(counts "$T/whole.sh")" = "1 0" ]'

# --- fixed strings and regular expressions ------------------------------------------------
req - GET /api/v1/finns-inte -H 'Accept: application/json'
check "header_has reads its text literally: problem+json is found" header_has "Content-Type: application/problem+json"
check "…and a dot is a dot" eval '! header_has "Content-Type: application/problem.json" >/dev/null'
check "header_matches reads a regular expression (a line of the headers)" \
	eval 'header_matches "^Content-Type: application/problem\+json$" && ! header_matches "^Type:" >/dev/null'
check "header_lacks and header_lacks_match fail on what is there" \
	eval '! header_lacks "problem+json" >/dev/null && ! header_lacks_match "^Content-Type: " >/dev/null'

# --- tokens and users ----------------------------------------------------------------------
printf '<input type="hidden" name="csrf" value="abc123">\n' >"$T/body"
check "form_csrf gives nothing for a value that is not a CSRF token" eval '[ -z "$(form_csrf)" ] && [ "$(hidden csrf)" = abc123 ]'
tok=$(printf '%064d' 0 | tr 0 a)
printf '<input type="hidden" name="csrf" value="%s">\n' "$tok" >"$T/body"
check "…and the token for one" eval '[ "$(form_csrf)" = "$tok" ]'
add_user "lib.check.$$@example.se" no-such-role "Ingen Roll" >"$T/add_user.out"
check "add_user says when a user could not be made" \
	eval 'grep -q "^#   add_user lib.check.$$@example.se: " "$T/add_user.out" && [ "$(sql "SELECT count(*) FROM users WHERE email = '"'lib.check.$$@example.se'"'")" = 0 ]'
check "wait_until gives up after its time and succeeds as soon as its command does" \
	eval '! wait_until 1 false && wait_until 1 true'

finish
