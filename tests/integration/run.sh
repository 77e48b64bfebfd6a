#!/usr/bin/env bash
# tests/integration/run.sh BUILD-DIR: starts PostgreSQL, remissd and nginx under var/test and
# drives them with curl: pages, errors, limits, worker crash, database restart, graceful stop.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

BUILD=${1:?usage: run.sh BUILD-DIR}
T=${TEST_DIR:-$ROOT/var/test}
WORKERS=2
REQ_DIR=$T/tmp	# the last answer (req)
REQ_ACCEPT=	# curl's own Accept unless a request names one

# Stops every part by PID, each whatever the step before did (no set -e here), and a second
# Ctrl-C cannot cut it short: PostgreSQL runs in a session of its own and sees no Ctrl-C.
NGINX_PID=
cleanup() {
	set +e
	trap '' INT TERM PIPE
	[ -n "$NGINX_PID" ] && stop_pid "$NGINX_PID"
	stop_pid "$T/remissd.pid"
	stop_pid "$T/remissd-sso.pid"
	mail_stop
	pg_stop "$T/pg"
}
trap cleanup EXIT

rm -rf "$T"
mkdir -p "$T/tmp"
# nginx's workers (nobody, when root) reach the socket by this directory's real path.
RUN=$(shared_dir "$T/run" 0711) || die "cannot make $T/run"

# --- start the stack ------------------------------------------------------
pg_start "$T/pg" fast
export REMISS_DB=$(pg_conninfo "$T/pg")
export REMISS_SCHEMA_DIR=$ROOT/schema
export REMISS_STATIC_DIR=$ROOT/static
export REMISS_LOCALE_DIR=$BUILD/locale
SOCK=$RUN/remissd.sock
# A real SMTP server (tests/mail/smtpd.py) that the outbox's sender delivers to; suites read
# what arrived in $MAIL_DIR/new (tests/integration/lib.sh: mail_*). Links in mail point at
# REMISS_PUBLIC_URL; suites map it to $BASE.
export MAIL_DIR=$T/mail
check "the SMTP server starts" mail_start "$MAIL_DIR"
export MAIL_PORT MAIL_PID
export REMISS_SMTP_URL=smtp://127.0.0.1:$MAIL_PORT
export REMISS_MAIL_FROM="Remissvar <remissvar@region.test>"
export REMISS_PUBLIC_URL=http://remissvar.test

check "remissctl migrate creates the schema" "$BUILD/remissctl" migrate
check "remissctl migrate is idempotent" "$BUILD/remissctl" migrate
check "demo data loads" "$ROOT/dev/demo/load" "$BUILD/remissctl"
check "demo data loads twice" "$ROOT/dev/demo/load" "$BUILD/remissctl"
# db_exec_pair (the session lookup and the matrix's data version in one round trip) against
# this PostgreSQL: results in order, neither on failure, a usable connection afterwards.
db_pipeline() {
	make -C "$BUILD" tests/unit/test_db_pipeline >/dev/null 2>&1 &&
		CMOCKA_MESSAGE_OUTPUT=STDOUT REMISS_TEST_DB=$REMISS_DB "$BUILD/tests/unit/test_db_pipeline" >"$T/db_pipeline.log" 2>&1 &&
		grep -q 'PASSED  \] 6 test' "$T/db_pipeline.log" || { sed 's/^/#   /' "$T/db_pipeline.log" | tail -20; false; }
}
check "statements in one round trip (tests/unit/test_db_pipeline, 6 cases)" db_pipeline
# The object loader (core/objects.c) against the demo data: each kind a route's path names is
# found only within that route's remiss and the caller's own organisation or user.
objects_db() {
	make -C "$BUILD" tests/unit/test_objects >/dev/null 2>&1 &&
		CMOCKA_MESSAGE_OUTPUT=STDOUT REMISS_TEST_DB=$REMISS_DB "$BUILD/tests/unit/test_objects" >"$T/objects.log" 2>&1 &&
		grep -q 'PASSED  \] 6 test' "$T/objects.log" || { sed 's/^/#   /' "$T/objects.log" | tail -20; false; }
}
check "the object loader finds each object only within its remiss (tests/unit/test_objects, 6 cases)" objects_db

# REMISSD_WRAPPER (dev/test --valgrind): a command put before the main remissd, e.g. valgrind.
# Up to 30 s for the socket and pid file: under valgrind on a loaded machine remissd takes
# more than the 5 s this was (seen at a load average of 22); it returns as soon as they exist.
start_remissd() {
	${REMISSD_WRAPPER:-} "$BUILD/remissd" -s "$SOCK" -m 0666 -w "$WORKERS" -g 5 -i -d "$REMISS_DB" \
		-A "$ROOT/docs/tillganglighetsredogorelse.md" \
		-L body=1M -P "$T/remissd.pid" "$@" 2>>"$T/remissd.log" &
	wait_until 30 eval '[ -S "$SOCK" ] && [ -s "$T/remissd.pid" ]'
}
check "remissd starts" start_remissd
# The port is chosen only once nginx holds it (nginx_listen): chosen before remissd started,
# as it was, another checkout's stack could bind it in the seconds that remissd takes to
# start under valgrind, and then both test runs drove one stack.
check "nginx listens on a port of its own" nginx_listen "$T/nginx" "$(port_base 18080)" "$SOCK"
port=$NGINX_PORT
BASE=http://127.0.0.1:$port
check "the stack answers /healthz" wait_http "$BASE/healthz" 30

# --- helpers --------------------------------------------------------------
workers() { pgrep -P "$(cat "$T/remissd.pid")" | sort; }

# --- pages and errors -----------------------------------------------------
req - GET /healthz
check "GET /healthz is 200 ok" eval 'status_is 200 && body_is ok'

req - GET / -H 'Accept: text/html'
check "start page is 200 HTML in Swedish" eval 'status_is 200 && header_has "Content-Type: text/html; charset=utf-8" && body_has "<html lang=\"sv\">"'
check "start page lists the open demo remiss" body_has "Ny överenskommelse för hälso- och sjukvård i hemmet"
check "start page shows the deadline as a Swedish date" eval "grep -qE '<td>[0-9]{1,2} (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) [0-9]{4}</td>' '$T/tmp/body'"
check "start page sends nosniff" header_has "X-Content-Type-Options: nosniff"

# HEAD over a raw connection: curl would wait for the body the length announces.
head_reply=$(exec 3<>"/dev/tcp/127.0.0.1/$port"; printf 'HEAD / HTTP/1.0\r\nHost: x\r\n\r\n' >&3; cat <&3 | tr -d '\r')
check "HEAD / answers 200 with a length and no body" eval 'grep -q "^HTTP/1.1 200" <<<"$head_reply" && grep -qE "^Content-Length: [1-9]" <<<"$head_reply" && [ -z "$(sed "1,/^\$/d" <<<"$head_reply")" ]'

req - GET /finns-inte -H 'Accept: text/html'
check "unknown page is 404 in Swedish and English" eval 'status_is 404 && body_has "Sidan finns inte." && body_has "The page does not exist."'

req - GET /api/v1/finns-inte -H 'Accept: application/json'
check "API 404 is problem+json" eval 'status_is 404 && header_has "Content-Type: application/problem+json" && body_has "\"title_en\":\"The page does not exist.\""'

req - GET /api/v1/finns-inte
check "API 404 is problem XML by default" eval 'status_is 404 && body_has "<problem xmlns=\"urn:remissvar:1\">" && body_has "<status>404</status>"'

req - POST /healthz --data 'a=1'
check "POST /healthz is 405 with Allow" eval 'status_is 405 && header_has "Allow: GET, HEAD" && body_has "Metoden är inte tillåten här."'

req - DELETE /
check "DELETE / is 405" status_is 405

req - BREW /
check "an unknown method is 501" status_is 501

req - GET '/?q=%FF'
check "query with invalid UTF-8 is 400" eval 'status_is 400 && body_has "UTF-8"'

req - GET '/?q=%zz'
check "query with a broken %-escape is 400" status_is 400

req - GET '/?q=%C3%A5%C3%A4%C3%B6'
check "query with Swedish letters is fine" status_is 200

req - GET / -H "Cookie: $(head -c 9000 /dev/zero | tr '\0' a)=1"
check "an oversized Cookie header is 413" status_is 413

req - GET /healthz -H 'Cookie: a=1; b="2"; broken; =x'
check "a messy but harmless Cookie header is accepted" status_is 200

# remissd's body limit is 1 MiB here (-L body=1M); nginx allows 64 MiB.
head -c $((2 * 1024 * 1024)) /dev/zero >"$T/tmp/big"
req - POST / --data-binary @"$T/tmp/big" -H 'Content-Type: application/octet-stream'
check "a body over remissd's limit is 413, bilingual" eval 'status_is 413 && body_has "för stor" && body_has "too large"'
head -c $((65 * 1024 * 1024)) /dev/zero >"$T/tmp/huge"
req - POST / --data-binary @"$T/tmp/huge" -H 'Content-Type: application/octet-stream'
check "a body over nginx's limit is 413 from nginx, bilingual" eval 'status_is 413 && body_has "Förfrågan är för stor" && body_has "too large"'
rm -f "$T/tmp/big" "$T/tmp/huge"

req - GET /static/remiss.css
check "static files come from nginx" eval 'status_is 200 && header_has "Content-Type: text/css"'

check "every request is logged on one line with id, status, bytes, time" \
	grep -qE 'info serve: id=[0-9a-f]+ method=GET path=/healthz route=healthz status=200 bytes=3 us=[0-9]+$' "$T/remissd.log"
req - GET '/finns%20inte'
check "a log value with a space is quoted, so the key=value fields stay apart" \
	grep -qE 'info serve: id=[0-9a-f]+ method=GET path="/finns inte" route=- status=404 bytes=[0-9]+ us=[0-9]+$' "$T/remissd.log"

# --- /metrics: Prometheus counters shared by the workers -------------------
# metric 'NAME{LABELS}': its value in a fresh scrape through nginx (from 127.0.0.1), 0 if absent.
metric() { curl -s "$BASE/metrics" | awk -v k="$1" '$1 == k { v = $2 } END { print v + 0 }'; }
req - GET /metrics
check "GET /metrics from 127.0.0.1 through nginx is Prometheus text" \
	eval 'status_is 200 && header_has "Content-Type: text/plain; version=0.0.4" && body_has "# TYPE remiss_http_requests_total counter" && body_has "# TYPE remiss_http_request_duration_seconds histogram"'
before=$(metric 'remiss_http_requests_total{route="healthz",status="2xx"}')
for _ in 1 2 3 4 5 6; do curl -s -o /dev/null "$BASE/healthz"; done
after=$(metric 'remiss_http_requests_total{route="healthz",status="2xx"}')
check "the healthz counter grows by the 6 requests, whichever worker served them" \
	eval '[ "$after" -eq $((before + 6)) ] || { echo "#   before $before, after $after"; false; }'
check "the latency histogram counts them too" \
	eval '[ "$(metric '"'"'remiss_http_request_duration_seconds_bucket{route="healthz",le="+Inf"}'"'"')" -ge "$after" ]'
req - GET /metrics -H 'Accept: text/html'
check "/metrics counts 404s of no route under route=\"none\"" \
	eval 'grep -qE "^remiss_http_requests_total\{route=\"none\",status=\"4xx\"\} [1-9]" "$T/tmp/body"'
other=$(python3 "$ROOT/tests/integration/fcgi.py" request "$SOCK" REMOTE_ADDR=192.0.2.7 DOCUMENT_URI=/metrics 2>&1 | tr -d '\r')
check "/metrics from an address that -M does not allow is a 404" \
	eval 'grep -q "^Status: 404" <<<"$other" && ! grep -q remiss_http_requests_total <<<"$other"'

# --- the shared helpers (lib.sh) never turn a failure into a pass ----------
# (sub_suite and REMISS_SUITES: lib.sh)
sub_suite "$ROOT/tests/integration/lib_check.sh" "$BUILD" "$BASE" "$T/tmp/lib_check"

# --- accounts: the CLI, then login, sessions, CSRF and tokens over HTTP ----
sub_suite "$ROOT/tests/integration/auth_cli.sh" "$BUILD"
sub_suite "$ROOT/tests/integration/response_cli.sh" "$BUILD"
ORG_TOKEN=$("$BUILD/remissctl" token create --org "Laholms kommun" --label test)
REVOKED_TOKEN=$("$BUILD/remissctl" token create --org "Laholms kommun" --label revoked)
revoked_id=$(sql "SELECT id FROM api_tokens WHERE label = 'revoked' ORDER BY id DESC LIMIT 1")
"$BUILD/remissctl" token revoke "$revoked_id" >/dev/null
export ORG_TOKEN REVOKED_TOKEN
sub_suite "$ROOT/tests/integration/auth_web.sh" "$BASE" "$T/tmp/auth"
sub_suite "$ROOT/tests/integration/session_web.sh" "$BASE" "$T/tmp/session"
sub_suite "$ROOT/tests/integration/personal_tokens.sh" "$BUILD" "$BASE" "$T/tmp/tokens"
# Issue 18: invitations, one-time links, password reset, an organisation's own page.
sub_suite "$ROOT/tests/integration/accounts.sh" "$BUILD" "$BASE" "$T/tmp/accounts" "$T/nginx"
webb_versions() { sql "SELECT count(*) FROM response_versions WHERE channel = 'webb'"; }
m_before=$(metric 'remiss_responses_submitted_total{channel="webb"}') db_before=$(webb_versions)
sub_suite "$ROOT/tests/integration/response_web.sh" "$BASE" "$T/tmp/response"
m_after=$(metric 'remiss_responses_submitted_total{channel="webb"}') db_after=$(webb_versions)
suite_on response_web && check "/metrics counts every version submitted on the web form" \
	eval '[ $((m_after - m_before)) -gt 0 ] && [ $((m_after - m_before)) -eq $((db_after - db_before)) ] || { echo "#   metrics +$((m_after - m_before)), database +$((db_after - db_before))"; false; }'
sub_suite "$ROOT/tests/integration/submit_crash.sh" "$BUILD" "$BASE" "$T/tmp/crash"
sub_suite "$ROOT/tests/integration/permission_matrix.sh" "$BUILD" "$BASE" "$T/tmp/matrix"
sub_suite "$ROOT/tests/integration/no_store.sh" "$BUILD" "$BASE" "$T/tmp/no_store"
sub_suite "$ROOT/tests/integration/review_web.sh" "$BUILD" "$BASE" "$T/tmp/review"
sub_suite "$ROOT/tests/integration/review_paging.sh" "$BUILD" "$BASE" "$T/tmp/paging"
sub_suite "$ROOT/tests/integration/review_cache.sh" "$BUILD" "$BASE" "$T/tmp/cache"
sub_suite "$ROOT/tests/integration/exports.sh" "$BUILD" "$BASE" "$T/tmp/exports"
# The answer as a Word document: a version and a draft (d19-docx).
sub_suite "$ROOT/tests/integration/answer_docx.sh" "$BUILD" "$BASE" "$T/tmp/answer_docx"
# The answer and the receipt as PDF: a version, a draft, a receipt (d19-pdf).
sub_suite "$ROOT/tests/integration/documents.sh" "$BUILD" "$BASE" "$T/tmp/documents"
sub_suite "$ROOT/tests/integration/summaries.sh" "$BUILD" "$BASE" "$T/tmp/summaries"
sub_suite "$ROOT/tests/integration/decisions.sh" "$BUILD" "$BASE" "$T/tmp/decisions"
sub_suite "$ROOT/tests/integration/meetings.sh" "$BUILD" "$BASE" "$T/tmp/meetings"
# --- every link to an answer, on every review page, lands on the organisation it names ---
sub_suite python3 "$ROOT/tests/integration/answer_links.py" "$BUILD" "$BASE" "$T/tmp/answer_links"
# --- search and the matrix filter find words inside compounds (schema/016) ---
sub_suite "$ROOT/tests/integration/search.sh" "$BUILD" "$BASE" "$T/tmp/search"
sub_suite "$ROOT/tests/integration/api_xml.sh" "$BUILD" "$BASE" "$T/tmp/api" "$T/remissd.pid"
sub_suite "$ROOT/tests/integration/attachments.sh" "$BUILD" "$BASE" "$T/tmp/attachments"
# Issue 19: reading response documents (PDF, DOCX, ODT); the suite runs its own worker.
sub_suite "$ROOT/tests/integration/reading.sh" "$BUILD" "$BASE" "$T/tmp/reading"
# --- the English user interface (po/en.po): per visitor, per user, back to Swedish ---
sub_suite "$ROOT/tests/integration/i18n.sh" "$BUILD" "$BASE" "$T/tmp/i18n"

# --- fault tolerance: nothing lost or doubled under chaos; slow and hostile clients ---
sub_suite "$ROOT/tests/integration/chaos.sh" "$BUILD" "$BASE" "$T/tmp/chaos" "$T/remissd.pid" "$T/pg" "$T/nginx"
sub_suite python3 "$ROOT/tests/integration/hostile.py" "$BASE" "$SOCK" "$(cat "$T/remissd.pid")" \
	ok-hemsjukvard-2025 "$ORG_TOKEN"

# --- backups: docs/backup.md into fresh clusters (pg_dump; base backup + WAL, PITR); verify ---
sub_suite "$ROOT/tests/integration/backup.sh" "$BUILD" "$T/tmp/backup"
sub_suite "$ROOT/tests/integration/remiss_editor.sh" "$BUILD" "$BASE" "$T/tmp/editor"
# --- publication of a closed remiss, with redactions (closes and reopens the demo remiss) ---
sub_suite "$ROOT/tests/integration/publication.sh" "$BUILD" "$BASE" "$T/tmp/publication"
# --- ids from another remiss: resolved within the route's remiss or a 404 (adds a remiss) ---
sub_suite "$ROOT/tests/integration/ids_in_remiss.sh" "$BUILD" "$BASE" "$T/tmp/ids"

# --- remissd -u USER:GROUP started by root: the socket's owner, directory and removal ---
sub_suite "$ROOT/tests/integration/remissd_user.sh" "$BUILD" "$T/tmp/remissd_user"
# --- redaction prepared on the preview: spans, fields, attachments, every public format ---
sub_suite "$ROOT/tests/integration/redaction.sh" "$BUILD" "$BASE" "$T/tmp/redaction"
# Issue 18 (m18-orgs): organisations, CSV import, remisslista, referensgrupp.
sub_suite "$ROOT/tests/integration/organisations.sh" "$BUILD" "$BASE" "$T/tmp/organisations"
# --- issue 18: the remiss's documents, dispatch, reminders, receipts and digest (the outbox) ---
sub_suite "$ROOT/tests/integration/remiss_mail.sh" "$BUILD" "$BASE" "$T/tmp/remiss_mail"
# --- issue 18, mail delivery: the outbox's sender against an SMTP server of its own, crashes,
# outages, retries, and the förvaltning's /admin/utskick ---
sub_suite "$ROOT/tests/integration/mail_outbox.sh" "$BUILD" "$BASE" "$T/tmp/mail_outbox"

# --- the production nginx config: TLS, HSTS, rate limits ------------------
# Its temporary directory must be one that nginx's workers (nobody, when root) can reach.
sub_suite "$ROOT/tests/integration/nginx_prod.sh" "$(shared_dir "$T/tmp/nginx_prod" 0711)"

# --- single sign-on: a second instance trusts REMOTE_USER on its own socket ---
SSO_SOCK=$RUN/remissd-sso.sock
"$BUILD/remissd" -s "$SSO_SOCK" -m 0600 -w 1 -g 5 -i -T REMOTE_USER -d "$REMISS_DB" \
	-M 192.0.2.0/24 -M 2001:db8::/32 -P "$T/remissd-sso.pid" 2>>"$T/remissd.log" &
wait_until 5 test -S "$SSO_SOCK"
fcgi() { python3 "$ROOT/tests/integration/fcgi.py" request "$@" 2>&1 | tr -d '\r'; }
sso=$(fcgi "$SSO_SOCK" REMOTE_USER=Granskare@RegionHalland.example HTTP_ACCEPT=text/html)
check "single sign-on logs in the user nginx vouches for, with a session cookie" \
	eval 'grep -q "^Status: 200" <<<"$sso" && grep -q "Inloggad som" <<<"$sso" && grep -qE "^Set-Cookie: remiss_session=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Lax" <<<"$sso"'
sso_cookie=$(grep -oE 'remiss_session=[0-9a-f]{64}' <<<"$sso" | head -1)
sso2=$(fcgi "$SSO_SOCK" REMOTE_USER=granskare@regionhalland.example "HTTP_COOKIE=$sso_cookie" HTTP_ACCEPT=text/html)
check "single sign-on keeps the session it made instead of making another" \
	eval 'grep -q "Inloggad som" <<<"$sso2" && ! grep -q "^Set-Cookie: remiss_session" <<<"$sso2"'
sso3=$(fcgi "$SSO_SOCK" REMOTE_USER=nobody@nowhere.example HTTP_ACCEPT=text/html)
check "single sign-on for a user we do not have is a Swedish 403" \
	eval 'grep -q "^Status: 403" <<<"$sso3" && grep -q "Ditt konto finns inte" <<<"$sso3"'
sso4=$(fcgi "$SSO_SOCK" REMOTE_USER=granskare@regionhalland.example REQUEST_METHOD=POST DOCUMENT_URI=/logga-ut CONTENT_TYPE=application/x-www-form-urlencoded)
check "single-sign-on sessions need the CSRF token too" eval 'grep -q "^Status: 403" <<<"$sso4"'
check "the single sign-on login is audited" \
	eval '[ "$(audits login.sso)" -ge 1 ]'
m_net=$(fcgi "$SSO_SOCK" REMOTE_ADDR=192.0.2.200 DOCUMENT_URI=/metrics)
m_v6=$(fcgi "$SSO_SOCK" REMOTE_ADDR=2001:db8::5 DOCUMENT_URI=/metrics)
m_lo=$(fcgi "$SSO_SOCK" REMOTE_ADDR=127.0.0.1 DOCUMENT_URI=/metrics)
check "remissd -M CIDR opens /metrics to those networks and replaces the loopback default" \
	eval 'grep -q "^Status: 200" <<<"$m_net" && grep -q "^Status: 200" <<<"$m_v6" && grep -q "^Status: 404" <<<"$m_lo"'
stop_pid "$T/remissd-sso.pid"
# The ordinary instance ignores REMOTE_USER, which a client can set with Basic auth.
req - GET / -u granskare@regionhalland.example:x -H 'Accept: text/html'
check "the ordinary instance never trusts REMOTE_USER" eval 'status_is 200 && body_lacks "Inloggad som"'

# --- a worker killed with SIGKILL is replaced, service goes on ------------
before=$(workers)
check "remissd runs $WORKERS workers" eval '[ "$(wc -l <<<"$before")" -eq '"$WORKERS"' ]'
victim=$(head -1 <<<"$before")
kill -KILL "$victim"
bad=0
for _ in $(seq 20); do
	[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/healthz")" = 200 ] || bad=$((bad + 1))
	sleep 0.05
done
check "service goes on while a worker is replaced (0 of 20 failed)" eval "[ $bad -eq 0 ] || { echo '#   failed: $bad'; false; }"
# Waited for, not timed: 30 s is a hang guard on a shared machine, not a speed.
replaced() { after=$(workers); [ "$(wc -l <<<"$after")" -eq "$WORKERS" ] && ! grep -qx "$victim" <<<"$after"; }
wait_until 30 replaced
check "the killed worker is replaced" eval '[ "$(wc -l <<<"$after")" -eq '"$WORKERS"' ] && ! grep -qx "$victim" <<<"$after"'
check "the supervisor logs the crash" grep -q "killed by signal 9" "$T/remissd.log"
check "/metrics counts the crashed worker's restart" \
	eval '[ "$(metric '"'"'remiss_worker_restarts_total{reason="crashed"}'"'"')" -ge 1 ]'

# --- the database restarts under a running server -------------------------
check "PostgreSQL restarts" pg_restart "$T/pg"
first=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/healthz")
check "the first request after a database restart succeeds" eval "[ '$first' = 200 ] || { echo '#   got $first'; false; }"
bad=0
for _ in $(seq 10); do
	[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/")" = 200 ] || bad=$((bad + 1))
done
check "every worker serves pages again after the restart" eval "[ $bad -eq 0 ]"

# While the database is down the answer is a clean 503, never a crash.
pg_stop "$T/pg"
req - GET /healthz
check "with the database down /healthz is 503" status_is 503
req - GET / -H 'Accept: text/html'
check "with the database down the start page is a Swedish 503" eval 'status_is 503 && body_has "tillfälligt otillgänglig"'
pg_start "$T/pg" fast
req - GET /healthz
check "after the database is back the next request succeeds" status_is 200
check "no worker crashed while the database was away" eval '[ "$(workers)" = "$after" ]'

# --- latest_answers (schema/014) ----------------------------------------------
# After every suite's submissions, uploads, imports and registrations: the trigger-kept
# table holds exactly each response's latest version's section answers, as computed from
# scratch (the review matrix's counts are read from it). The revisions (version > 1) come from
# the sub-suites, so with REMISS_SUITES naming only some of them there may be none.
latest_diff() {
	sql "
		WITH truth AS (SELECT r.id AS response_id, a.section_id, r.remiss_id, r.org_id,
		    v.version, a.position
		  FROM responses r
		  JOIN LATERAL (SELECT id, version FROM response_versions
		      WHERE response_id = r.id ORDER BY version DESC LIMIT 1) v ON true
		  JOIN answers a ON a.version_id = v.id WHERE a.section_id IS NOT NULL),
		kept AS (SELECT response_id, section_id, remiss_id, org_id, version, position
		  FROM latest_answers)
		SELECT (SELECT count(*) FROM (SELECT * FROM truth EXCEPT SELECT * FROM kept) d)
		    + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM truth) d)"
}
check "latest_answers holds exactly the latest versions' section answers ($(sql 'SELECT count(*) FROM latest_answers') rows)" \
	eval '[ "$(latest_diff)" = 0 ] && { [ -n "${REMISS_SUITES:-}" ] || [ "$(sql "SELECT count(DISTINCT response_id) FROM latest_answers l WHERE EXISTS (SELECT 1 FROM response_versions v WHERE v.response_id = l.response_id AND v.version > 1)")" -gt 0 ]; }'

# --- graceful stop ---------------------------------------------------------
# A request whose body is still arriving when SIGTERM comes is answered in full.
sup=$(cat "$T/remissd.pid")
inflight=$(python3 "$ROOT/tests/integration/fcgi.py" inflight "$SOCK" "$sup" 2>&1)
check "a request in flight during SIGTERM is answered in full" \
	eval 'grep -q "^Status: 403" <<<"$inflight" && grep -q "Sidan har gått ut" <<<"$inflight" || { echo "#   got: ${inflight:0:300}"; false; }'
# The grace period (-g 5) is remissd's own timer; 30 s here is a hang guard, not a speed.
wait_until 30 gone "$sup"
check "SIGTERM stops remissd" gone "$sup"
check "the socket is removed on stop" eval "[ ! -e '$SOCK' ]"
check "no sanitizer reported anything" eval "! grep -E 'AddressSanitizer|LeakSanitizer|runtime error:' '$T/remissd.log'"
if [ -n "${REMISSD_WRAPPER:-}" ]; then
	# valgrind prints one ERROR SUMMARY per process (supervisor and every worker) as it exits.
	check "valgrind ran remissd and every process it followed exited" grep -q 'ERROR SUMMARY' "$T/remissd.log"
	check "valgrind found no invalid access and no leak in remissd" \
		eval "! grep -E 'ERROR SUMMARY: [1-9]|definitely lost: [1-9]|indirectly lost: [1-9]' '$T/remissd.log'"
fi

finish
