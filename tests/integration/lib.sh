# tests/integration/lib.sh: the helpers every integration suite shares, sourced by run.sh and
# by each suite beside it, so that a check means the same thing in all of them: numbered
# "ok"/"not ok" lines and the closing "N passed, N failed" that run.sh and dev/test count, SQL,
# HTTP requests whose answer is kept on disk, assertions on that answer, the login form, form
# posts with the CSRF token, and users of a suite's own. It also sources dev/lib.sh (ROOT,
# PGBIN, stop_pid, pg_*, port_free ...).
#
# What a suite sets before it uses them:
#   BASE        nginx's URL (req).
#   T           the suite's scratch directory: req keeps the last answer there, unless
#               REQ_DIR names another directory (run.sh and scale.sh keep theirs in $T/tmp).
#   PW          the password of login and add_user.
#   REQ_ACCEPT  the Accept header req sends: text/html when unset, none when empty.
# No helper ever turns a failure into a pass: an answer that did not arrive leaves an empty
# body and no headers behind it, never the previous answer's.

. "$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/dev/lib.sh"
# The Python suites import lib.py and fcgi.py from here; no __pycache__ in the checkout.
export PYTHONDONTWRITEBYTECODE=1
# A sanitizer build: fontconfig keeps its caches to the end of the process (dev/lsan.supp).
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$ROOT/dev/lsan.supp:print_suppressions=0}

# --- numbered results ----------------------------------------------------------------------
# ok NAME, notok NAME [DETAIL], check NAME COMMAND [ARGS...] and finish, as every test script
# of tests/ has them.
. "$ROOT/tests/tap.sh"
# wait_until SECONDS COMMAND [ARGS...]: runs COMMAND every 0.1 s until it succeeds (true) or
# SECONDS have passed (false). A hang guard, never a timing: the caller checks what it waited for.
wait_until() {
	local tries=$(($1 * 10))
	shift
	until "$@"; do
		[ $((tries -= 1)) -ge 0 ] || return 1
		sleep 0.1
	done
}
# gone PID: the process has ended.
gone() { ! kill -0 "$1" 2>/dev/null; }
# sub_suite SCRIPT ARGS... (or python3 SCRIPT ARGS...): runs another suite and counts its "ok"
# and "not ok" lines here, showing them indented. A suite that stops before its closing count,
# or fails without a "not ok" line, counts one failure more: a check it never reached must not
# pass by being left out. REMISS_SUITES="review_web exports" (while iterating) runs only the
# named suites.
suite_on() { [ -z "${REMISS_SUITES:-}" ] || [[ " $REMISS_SUITES " == *" $1 "* ]]; }
sub_suite() {
	local out name a rc pass fail
	for a in "$@"; do case $a in *.sh|*.py) name=$(basename "${a%.*}"); break ;; esac; done
	suite_on "$name" || return 0
	out=$("$@" 2>&1); rc=$?
	echo "$out" | grep -E '^(ok|not ok|#)' | sed 's/^/  /'
	pass=$(grep -c '^ok ' <<<"$out") fail=$(grep -c '^not ok ' <<<"$out")
	PASS=$((PASS + pass)) FAIL=$((FAIL + fail)) N=$((N + pass + fail))
	if [ "$(grep -E '^[0-9]+ passed, [0-9]+ failed$' <<<"$out" | tail -1)" != "$pass passed, $fail failed" ] ||
	   { [ "$rc" != 0 ] && [ "$fail" = 0 ]; }; then
		notok "$name ends with its closing count ($pass passed, $fail failed) and a matching exit status" \
			"exit status $rc; last lines:"$'\n'"$(tail -5 <<<"$out")"
	fi
}

# --- the database --------------------------------------------------------------------------
# sql_in CONNINFO QUERY: QUERY's rows, unaligned with "|" between columns, no psqlrc; exit
# status 1 on an error. sql QUERY: the same in $REMISS_DB.
sql_in() { psql "$1" -XqAt -v ON_ERROR_STOP=1 -c "$2"; }
sql() { sql_in "$REMISS_DB" "$1"; }
# audits ACTION: how many audit_log rows have that action.
audits() { sql "SELECT count(*) FROM audit_log WHERE action = '$1'"; }
# versions [ORG]: how many response versions there are, of ORG's responses when it is named.
versions() {
	if [ $# -eq 0 ]; then
		sql "SELECT count(*) FROM response_versions"
	else
		sql "SELECT count(*) FROM response_versions v JOIN responses r ON r.id = v.response_id
			JOIN organisations o ON o.id = r.org_id WHERE o.name = '$1'"
	fi
}

# version_of ORG [N]: the id of version N (the latest when N is not given) of ORG's response to
# the remiss $SLUG.
version_of() {
	sql "SELECT v.id FROM response_versions v JOIN responses r ON r.id = v.response_id
		JOIN organisations o ON o.id = r.org_id JOIN remiss m ON m.id = r.remiss_id
		WHERE m.slug = '$SLUG' AND o.name = '$1' ${2:+AND v.version = $2}
		ORDER BY v.version DESC LIMIT 1"
}
# answer_form ORG NR: the form fields that name ORG's latest answer to section NR of $SLUG, as
# the review pages' forms send them, as curl arguments in the array ANSWER; the ids in
# ANSWER_RESPONSE, ANSWER_SECTION and ANSWER_VERSION.
answer_form() {
	ANSWER_RESPONSE=$(sql "SELECT r.id FROM responses r JOIN remiss m ON m.id = r.remiss_id
		JOIN organisations o ON o.id = r.org_id WHERE m.slug = '$SLUG' AND o.name = '$1'")
	ANSWER_SECTION=$(sql "SELECT s.id FROM sections s JOIN remiss m ON m.id = s.remiss_id
		WHERE m.slug = '$SLUG' AND s.nr = '$2' AND s.removed_at IS NULL")
	ANSWER_VERSION=$(version_of "$1")
	ANSWER=(--data-urlencode "svar=$ANSWER_RESPONSE" --data-urlencode "avsnitt=$ANSWER_SECTION"
		--data-urlencode "fraga=" --data-urlencode "version=$ANSWER_VERSION")
}

# --- remissctl -----------------------------------------------------------------------------
# ctl [ARGS...]: runs remissctl with $IN (nothing when IN is unset) on standard input; sets RC
# (remissctl's own exit status), OUT and ERR, also kept in $T/out and $T/err.
ctl() {
	printf '%s' "${IN:-}" | "$BUILD/remissctl" "$@" >"$T/out" 2>"$T/err"
	RC=${PIPESTATUS[1]}
	OUT=$(cat "$T/out") ERR=$(cat "$T/err")
}
rc_is() { [ "$RC" = "$1" ] || { echo "#   exit $RC, expected $1; stderr: ${ERR:0:300}"; return 1; }; }

# new_remiss SLUG TITLE SECTIONS [TYP:NAME...]: a remiss of the suite's own, imported with
# remissctl remiss import as any definition is: open since yesterday with 30 days left, sections
# 1 to SECTIONS ("Avsnitt N"), and each organisation (TYP kommun, region or annan) invited,
# made when it is new. One that could not be imported is said in a comment line.
new_remiss() {
	local slug=$1 title=$2 sections=$3 org i f=$T/remiss-$1.xml
	shift 3
	{
		printf '<?xml version="1.0" encoding="UTF-8"?>\n<remiss xmlns="urn:remissvar:1" id="%s">\n' "$slug"
		printf '  <titel>%s</titel>\n  <avsandare>Region Halland</avsandare>\n' "$title"
		printf '  <oppnar>%s</oppnar>\n  <sista-svarsdag>%s</sista-svarsdag>\n' \
			"$(date -d '-1 day' +%F)" "$(date -d '+30 days' +%F)"
		for org; do printf '  <remissinstans typ="%s">%s</remissinstans>\n' "${org%%:*}" "${org#*:}"; done
		for ((i = 1; i <= sections; i++)); do
			printf '  <avsnitt nr="%d" rubrik="Avsnitt %d">Förslagets text för avsnitt %d.</avsnitt>\n' "$i" "$i" "$i"
		done
		printf '</remiss>\n'
	} >"$f"
	"$BUILD/remissctl" remiss import "$f" >/dev/null 2>"$f.err" ||
		echo "#   the remiss $slug could not be imported: $(cat "$f.err")"
}

# import_response FILE [remissctl response import args...]: a remissvar received as any is, with
# its receipt, checksum and audit row. One that could not be imported is said in a comment line.
import_response() {
	local out
	out=$("$BUILD/remissctl" response import "$@" 2>&1 </dev/null) || echo "#   import of $1: $out"
}

# export_formats SLUG FORMAT...: remissctl export of remiss SLUG in each FORMAT to $T/e.FORMAT,
# what it printed on stderr kept in $T/export.err; stops at the first that fails (status 1).
export_formats() {
	local slug=$1 f
	shift
	: >"$T/export.err"
	for f; do
		"$BUILD/remissctl" export "$slug" --format "$f" -o "$T/e.$f" 2>>"$T/export.err" || return 1
	done
}
# odt_has FILE TEXT...: true if the ODT file's content.xml holds every TEXT (odt_check.py says
# which it lacks).
odt_has() { python3 "$ROOT/tests/export/odt_check.py" "$@"; }

# --- requests ------------------------------------------------------------------------------
# The directory of the last answer: $(answer_dir)/body, /headers as sent, /h without CRs.
answer_dir() { printf '%s' "${REQ_DIR:-$T}"; }

# req JAR METHOD PATH [curl args...]: one request to $BASE$PATH with the cookies of JAR (a
# cookie jar file, read and updated; "-" for none). Sets STATUS (000 when nothing answered).
req() {
	local jar=${1-} m=${2-} p=${3-} d=${REQ_DIR:-$T} a=() accept=${REQ_ACCEPT-text/html}
	: >"$d/body"; : >"$d/headers"; : >"$d/h"; rm -f "$d/text"
	# A call in another helper's old form (req METHOD PATH) must fail, not request "/GET".
	[ $# -ge 3 ] && [[ $m =~ ^[A-Z]+$ ]] || { STATUS=000; echo "#   req: no METHOD in: req $*"; return 1; }
	shift 3
	[ "$jar" = - ] || a=(-b "$jar" -c "$jar")
	[ -z "$accept" ] || a+=(-H "Accept: $accept")
	STATUS=$(curl -s -X "$m" "${a[@]}" -o "$d/body" -D "$d/headers" -w '%{http_code}' "$@" "$BASE$p")
	tr -d '\r' <"$d/headers" >"$d/h"
}
# post_form JAR PATH CSRF [NAME=VALUE...] [-- curl args...]: a form post: the CSRF token
# first, then each NAME=VALUE URL-encoded.
post_form() {
	local jar=$1 p=$2 a=(--data-urlencode "csrf=$3")
	shift 3
	while [ $# -gt 0 ] && [ "$1" != -- ]; do a+=(--data-urlencode "$1"); shift; done
	[ $# -gt 0 ] && shift
	req "$jar" POST "$p" "${a[@]}" "$@"
}

# --- the last answer -----------------------------------------------------------------------
# A short look at the body for a failure's comment line: its start, on one line.
body_glimpse() { head -c 600 "$(answer_dir)/body" | tr -d '\0' | tr '\r\n' '  '; }
status_is() { [ "$STATUS" = "$1" ] || { echo "#   status $STATUS, expected $1: $(body_glimpse)"; return 1; }; }
# body_has TEXT / body_lacks TEXT: a fixed string; body_matches ERE / body_lacks_match ERE.
body_has() { grep -qF -- "$1" "$(answer_dir)/body" || { echo "#   body lacks: $1"; return 1; }; }
body_lacks() { ! grep -qF -- "$1" "$(answer_dir)/body" || { echo "#   body has: $1"; return 1; }; }
body_matches() { grep -qE -- "$1" "$(answer_dir)/body" || { echo "#   body does not match: $1"; return 1; }; }
body_lacks_match() { ! grep -qE -- "$1" "$(answer_dir)/body" || { echo "#   body matches: $1"; return 1; }; }
# body_is TEXT: the whole body is TEXT (a final newline aside).
body_is() { [ "$(cat "$(answer_dir)/body")" = "$1" ] || { echo "#   body is not \"$1\": $(body_glimpse)"; return 1; }; }
# text_has TEXT: the body with its character references decoded (&quot; as ", &amp; as &) has
# TEXT, as a reader sees it, attribute values included.
text_has() {
	local d; d=$(answer_dir)
	[ -f "$d/text" ] || python3 -c 'import html, sys; print(html.unescape(open(sys.argv[1], encoding="utf-8", errors="replace").read()))' \
		"$d/body" >"$d/text"
	grep -qF -- "$1" "$d/text" || { echo "#   text lacks: $1"; return 1; }
}
# header_has TEXT / header_lacks TEXT: a fixed string, any case; header_matches ERE /
# header_lacks_match ERE: a line of the headers ("^Name: value$"), any case.
header_has() { grep -qiF -- "$1" "$(answer_dir)/h" || { echo "#   headers lack: $1"; return 1; }; }
header_lacks() { ! grep -qiF -- "$1" "$(answer_dir)/h" || { echo "#   headers have: $1"; return 1; }; }
header_matches() { grep -qiE -- "$1" "$(answer_dir)/h" || { echo "#   headers lack: $1"; return 1; }; }
header_lacks_match() { ! grep -qiE -- "$1" "$(answer_dir)/h" || { echo "#   headers match: $1"; return 1; }; }
# hidden NAME: the value of the first form field named NAME in the body.
hidden() { grep -oE "name=\"$1\" value=\"[^\"]*\"" "$(answer_dir)/body" | head -1 | sed -E 's/.*value="([^"]*)"/\1/'; }
# form_csrf: the body's CSRF token; nothing unless it is one (64 hexadecimal digits).
form_csrf() { hidden csrf | grep -xE '[0-9a-f]{64}'; }

# --- users ---------------------------------------------------------------------------------
# login_form JAR EMAIL [PASSWORD [curl args...]]: fetches the login form with JAR and posts it
# (PASSWORD defaults to $PW); the answer to the post is the last answer.
login_form() {
	local jar=$1 email=$2 pw=${3:-$PW} a=()
	shift $(($# < 3 ? $# : 3))
	[ -n "${REQ_ACCEPT-text/html}" ] || a=(-H 'Accept: text/html')
	req "$jar" GET /logga-in "${a[@]}"
	post_form "$jar" /logga-in "$(form_csrf)" "email=$email" "password=$pw" -- "$@"
}
# login JAR EMAIL [PASSWORD [curl args...]]: the same with a new, empty JAR: a fresh session.
login() { rm -f "$1"; login_form "$@"; }
# page_csrf JAR [PATH]: the CSRF token of JAR's session, from PATH (the start page by default),
# which becomes the last answer (on disk; STATUS too unless called in $(...)).
page_csrf() { req "$1" GET "${2:-/}" && form_csrf; }
# add_user EMAIL ROLE NAME [remissctl user add args...]: a user of the suite's own with password
# $PW, so that nothing depends on the demo users' passwords or login throttling. One that is
# already there is kept (a suite may run twice on one database); one that could not be made
# is said in a comment line, and the checks that log in as it fail.
add_user() {
	local email=$1 role=$2 name=$3 err
	shift 3
	err=$(printf '%s\n' "$PW" | "$BUILD/remissctl" user add "$email" "$role" --name "$name" "$@" 2>&1 >/dev/null) ||
		[ "$(sql "SELECT count(*) FROM users WHERE lower(email) = lower('$email')")" = 1 ] ||
		echo "#   add_user $email: $err"
}

# --- data ----------------------------------------------------------------------------------
# svdate YYYY-MM-DD: the date as the pages write it ("20 maj 2024").
svdate() {
	local m=(januari februari mars april maj juni juli augusti september oktober november december)
	echo "$((10#${1:8:2})) ${m[$((10#${1:5:2} - 1))]} ${1:0:4}"
}
# b64 TEXT: TEXT in base64 on one line (an XML <bilaga>'s content).
b64() { printf '%s' "$1" | base64 -w0; }

# --- mail (tests/mail/smtpd.py delivers into $MAIL_DIR/new) --------------
# mail_files: every delivered message, oldest first.
mail_files() { ls "$MAIL_DIR"/new/*.eml 2>/dev/null | sort; }
mail_count() { mail_files | wc -l; }
# mail_to ADDR: the messages delivered to ADDR (an envelope recipient), oldest first.
mail_to() {
	local f
	for f in $(mail_files); do
		grep -qixF -- "$1" "${f%.eml}.rcpt" 2>/dev/null && echo "$f"
	done
	return 0
}
# mail_read FILE header NAME | text | html | links | check (tests/mail/read.py).
mail_read() { python3 "$ROOT/tests/mail/read.py" "$@"; }
# mail_wait N [SECONDS]: waits until at least N messages have arrived.
mail_wait() { wait_until "${2:-20}" eval '[ "$(mail_count)" -ge '"$1"' ]'; }
# mail_mode accept|tempfail|permfail: what the SMTP server answers from now on.
mail_mode() { echo "$1" >"$MAIL_DIR/mode"; }
# mail_link FILE: the message's first link, with REMISS_PUBLIC_URL mapped to $BASE.
mail_link() { mail_read "$1" links | head -1 | sed "s|^$REMISS_PUBLIC_URL|$BASE|"; }
