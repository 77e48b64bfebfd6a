#!/usr/bin/env bash
# tests/integration/mail_outbox.sh BUILD-DIR BASE SCRATCH: the outbox's sender (remissctl mail)
# against a real SMTP server of this suite's own (tests/mail/smtpd.py): what a relay receives
# (headers, both parts, Swedish intact), retries on 4xx and outages, giving up on 5xx, retry by
# the förvaltning, kill -9 at random moments (nothing lost, duplicates bounded by the kills), two
# senders at once (no duplicates), secrets emptied once sent, the settings refused when unsafe,
# and the förvaltning's page /admin/utskick.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: mail_outbox.sh BUILD-DIR BASE SCRATCH}
BASE=${2:?usage: mail_outbox.sh BUILD-DIR BASE SCRATCH}
T=${3:?usage: mail_outbox.sh BUILD-DIR BASE SCRATCH}
: "${REMISS_DB:?REMISS_DB must name a migrated database}"
CTL=$BUILD/remissctl
PW='correct horse battery staple'
RUN=$(date +%s)$$
rm -rf "$T"
mkdir -p "$T"
DOMAIN=mail$RUN.test
SENDERS=()
# Our own SMTP server, so that stopping it (the outage) touches no other suite's; stopped with
# whatever sender is still running when the suite ends.
MAIL_PID=
cleanup() {
	local p
	for p in "${SENDERS[@]}"; do kill -KILL "$p" 2>/dev/null; done
	mail_stop
}
trap cleanup EXIT
export MAIL_DIR=$T/mail
smtp_up() {
	mail_start "$MAIL_DIR" || return 1
	export REMISS_SMTP_URL=smtp://127.0.0.1:$MAIL_PORT
	unset REMISS_SMTP_STARTTLS
}
check "the suite's own SMTP server starts" smtp_up

addr() { printf '%s@%s' "$1" "$DOMAIN"; }
# Rows of this suite: addressed to $DOMAIN.
mine() { sql "SELECT $1 FROM mail_outbox WHERE to_addr LIKE '%@$DOMAIN' ${2:-}"; }
row() { sql "SELECT $2 FROM mail_outbox WHERE id = $1"; }
last_id() { sql "SELECT max(id) FROM mail_outbox WHERE to_addr = '$1'"; }
send_once() { "$CTL" mail send --once >"$T/send.out" 2>"$T/send.err"; }
# The Message-IDs the server received (without brackets), one a line.
delivered_ids() {
	local f
	for f in $(mail_files); do mail_read "$f" header Message-ID; done | tr -d '<>'
}
# queue_sql N PREFIX [SECRET]: N messages of kind test in one statement, as a burst of events would.
queue_sql() {
	sql "INSERT INTO mail_outbox (kind, to_addr, subject, body_text, body_html, message_id, secret)
	     SELECT 'test', '$2-' || g || '@$DOMAIN', 'Prov ' || g || ' – åäö',
	            'Rad ett för nummer ' || g || E'\nRäksmörgås', '<p>Räksmörgås ' || g || '</p>',
	            '$2-' || g || '-$RUN@region.test', ${3:-false}
	     FROM generate_series(1, $1) g" >/dev/null
}

# --- settings refused before anything is sent ------------------------------------------------
REMISS_SMTP_STARTTLS=sometimes "$CTL" mail send --once >/dev/null 2>"$T/err"; rc=$?
check "REMISS_SMTP_STARTTLS outside require|try|no is refused (exit 1)" \
	eval '[ $rc = 1 ] && grep -q "REMISS_SMTP_STARTTLS" "$T/err"'
REMISS_SMTP_URL=http://127.0.0.1:1 "$CTL" mail send --once >/dev/null 2>"$T/err"; rc=$?
check "a REMISS_SMTP_URL that is not smtp:// or smtps:// is refused" \
	eval '[ $rc = 1 ] && grep -q "REMISS_SMTP_URL" "$T/err"'
REMISS_SMTP_USER=relay "$CTL" mail send --once >/dev/null 2>"$T/err"; rc=$?
check "REMISS_SMTP_USER without REMISS_SMTP_PASSWORD_FILE is refused" \
	eval '[ $rc = 1 ] && grep -q "REMISS_SMTP_PASSWORD_FILE" "$T/err"'
printf 'hemligt\n' >"$T/pw"
REMISS_SMTP_URL=smtp://relay.example.test REMISS_SMTP_STARTTLS=try REMISS_SMTP_USER=relay \
	REMISS_SMTP_PASSWORD_FILE=$T/pw "$CTL" mail send --once >/dev/null 2>"$T/err"; rc=$?
check "AUTH to another host without required TLS is refused (no password in the clear)" \
	eval '[ $rc = 1 ] && grep -q "needs TLS" "$T/err"'
REMISS_MAIL_FROM="remissvar@region.test Bcc: all@evil.test" "$CTL" mail send --once >/dev/null 2>"$T/err"; rc=$?
check "a REMISS_MAIL_FROM that cannot be a From header stops the sender before it gives anything up" \
	eval '[ $rc = 1 ] && grep -q "REMISS_MAIL_FROM" "$T/err"'
for bad in "retry abc" "retry" "test not-an-address" "send --max 0" "send --bogus" "frobnicate"; do
	"$CTL" mail $bad >/dev/null 2>&1; rc=$?
	check "remissctl mail $bad is a usage error (exit 2)" eval '[ $rc = 2 ]'
done
"$CTL" mail retry 999999999 >/dev/null 2>"$T/err"; rc=$?
check "remissctl mail retry of no such message fails (exit 1) and says so" \
	eval '[ $rc = 1 ] && grep -q "no message 999999999" "$T/err"'
"$CTL" mail --help >"$T/help" 2>&1
check "remissctl mail --help describes send, status, retry and test" \
	eval 'grep -q "mail send" "$T/help" && grep -q "mail status" "$T/help" && grep -q "mail retry" "$T/help" && grep -q "mail test" "$T/help"'

# Deliver what other suites queued before us, so that our counts below are ours alone.
send_once

# --- one message: what the relay receives ------------------------------------------------------
audit_before=$(audits mail.test)
"$CTL" mail test "$(addr kim)" >"$T/out" 2>"$T/err"
check "remissctl mail test queues a test message (audited)" \
	eval '[ "$(row "$(last_id "$(addr kim)")" kind)" = test ] && [ "$(audits mail.test)" = $((audit_before + 1)) ]'
ID=$(last_id "$(addr kim)")
MSGID=$(row "$ID" message_id)
before=$(mail_count)
send_once
check "mail send --once delivers it and exits 0" \
	eval '[ "$(mail_count)" = $((before + 1)) ] && grep -q "^1 sent" "$T/send.out"'
F=$(mail_to "$(addr kim)" | tail -1)
check "the message is well-formed MIME with Message-ID, Date, From, To, Subject" mail_read "$F" check
check "its Message-ID is the row's" eval '[ "$(mail_read "$F" header Message-ID)" = "<$MSGID>" ]'
check "From is REMISS_MAIL_FROM" eval '[ "$(mail_read "$F" header From)" = "$REMISS_MAIL_FROM" ]'
check "the envelope and To name the recipient" \
	eval '[ "$(mail_read "$F" header To)" = "$(addr kim)" ] && grep -qx "$(addr kim)" "${F%.eml}.rcpt"'
check "the Swedish subject arrives intact" \
	eval '[ "$(mail_read "$F" header Subject)" = "Provmeddelande från Remissvar" ]'
check "Date is the time it was sent (within 5 minutes)" \
	eval 'd=$(date -d "$(mail_read "$F" header Date)" +%s) && [ $(( $(date +%s) - d )) -lt 300 ] && [ $(( d - $(date +%s) )) -lt 300 ]'
check "an automatic message says so (Auto-Submitted, X-Auto-Response-Suppress)" \
	eval '[ "$(mail_read "$F" header Auto-Submitted)" = auto-generated ] && [ "$(mail_read "$F" header X-Auto-Response-Suppress)" = All ]'
check "Content-Language is the row's language" eval '[ "$(mail_read "$F" header Content-Language)" = sv ]'
check "the text part has å, ä and ö intact" eval 'mail_read "$F" text | grep -q "Räksmörgås på Öland, åtta äpplen"'
check "the HTML part has them too" eval 'mail_read "$F" html | grep -q "Räksmörgås på Öland, åtta äpplen"'
check "the text part links to the service (REMISS_PUBLIC_URL)" \
	eval 'mail_read "$F" links | grep -qx "$REMISS_PUBLIC_URL"'
check "no line of the raw message exceeds 998 octets, and every line ends in CRLF" \
	eval '! LC_ALL=C awk "length > 999" "$F" | grep -q . && [ "$(grep -c $'"'"'\r$'"'"' "$F")" = "$(wc -l <"$F")" ]'
check "the row is marked sent with one attempt" \
	eval '[ "$(row "$ID" "sent_at IS NOT NULL AND attempts = 1 AND failed_at IS NULL")" = t ]'
send_once
check "a second run sends nothing again" eval '[ "$(mail_to "$(addr kim)" | wc -l)" = 1 ]'

"$CTL" mail test "$(addr eng)" --lang en >/dev/null 2>&1 && send_once
F=$(mail_to "$(addr eng)" | tail -1)
check "mail test --lang en writes in English with Content-Language en" \
	eval '[ -n "$F" ] && [ "$(mail_read "$F" header Subject)" = "Test message from Remissvar" ] && [ "$(mail_read "$F" header Content-Language)" = en ]'

# A person's own message (an invitation they were sent by a colleague) is not automatic.
sql "INSERT INTO mail_outbox (kind, to_addr, subject, body_text, message_id, automatic)
     VALUES ('invitation', '$(addr personal)', 'Välkommen', 'Hej', 'personal-$RUN@region.test', false)" >/dev/null
send_once
F=$(mail_to "$(addr personal)" | tail -1)
check "a personal message has no Auto-Submitted header" \
	eval '[ -n "$F" ] && [ -z "$(mail_read "$F" header Auto-Submitted)" ] && mail_read "$F" check'

# A one-time link: delivered whole, then emptied from the table.
sql "INSERT INTO mail_outbox (kind, to_addr, subject, body_text, body_html, message_id, secret)
     VALUES ('reset', '$(addr secret)', 'Nytt lösenord', E'Öppna länken:\nhttp://remissvar.test/konto/aterstall/hemlig$RUN',
             '<p>hemlig$RUN</p>', 'secret-$RUN@region.test', true)" >/dev/null
send_once
F=$(mail_to "$(addr secret)" | tail -1)
check "a secret message is delivered with its link" eval '[ -n "$F" ] && mail_read "$F" text | grep -q "hemlig$RUN"'
check "once sent, its body is emptied from mail_outbox" \
	eval '[ "$(mine "count(*)" "AND to_addr = '"'$(addr secret)'"' AND sent_at IS NOT NULL AND body_text IS NULL AND body_html IS NULL")" = 1 ]'

# A row whose Message-ID would break out of its brackets is never sent, and not tried again.
sql "INSERT INTO mail_outbox (kind, to_addr, subject, body_text, message_id)
     VALUES ('test', '$(addr hostile)', 'Hej', 'Hej', 'x@y> Bcc: <all$RUN@evil.test')" >/dev/null
send_once
check "a malformed header value is given up (failed_at, last_error), nothing delivered" \
	eval '[ -z "$(mail_to "$(addr hostile)")" ] && [ "$(mine "failed_at IS NOT NULL AND last_error LIKE '"'%compose%'"'" "AND to_addr = '"'$(addr hostile)'"'")" = t ]'

# --- STARTTLS required: a relay without it gets nothing ------------------------------------------
"$CTL" mail test "$(addr tls)" >/dev/null 2>&1
REMISS_SMTP_STARTTLS=require "$CTL" mail send --once >/dev/null 2>&1
ID=$(last_id "$(addr tls)")
check "with STARTTLS required, a relay that does not offer it gets nothing (deferred, not sent)" \
	eval '[ -z "$(mail_to "$(addr tls)")" ] && [ "$(row "$ID" "sent_at IS NULL AND failed_at IS NULL AND attempts = 1")" = t ]'
sql "UPDATE mail_outbox SET next_attempt_at = now() WHERE id = $ID" >/dev/null
send_once
check "by default a relay on 127.0.0.1 is plain SMTP: it arrives" eval '[ -n "$(mail_to "$(addr tls)")" ]'

# --- 4xx: tried again later ------------------------------------------------------------------
mail_mode tempfail
"$CTL" mail test "$(addr temp)" >/dev/null 2>&1
ID=$(last_id "$(addr temp)")
send_once
check "a 451 leaves the row queued: attempts 1, next attempt about a minute on, the reply kept" \
	eval '[ "$(row "$ID" "sent_at IS NULL AND failed_at IS NULL AND attempts = 1 AND next_attempt_at > now() + interval '"'50 seconds'"' AND last_error LIKE '"'451%'"'")" = t ]'
send_once
check "it is not tried again before its time" eval '[ "$(row "$ID" attempts)" = 1 ]'
mail_mode accept
sql "UPDATE mail_outbox SET next_attempt_at = now() WHERE id = $ID" >/dev/null
send_once
check "when due and the relay accepts, it is delivered once" \
	eval '[ "$(mail_to "$(addr temp)" | wc -l)" = 1 ] && [ "$(row "$ID" "sent_at IS NOT NULL AND attempts = 2")" = t ]'

# Given up after the last attempt, or two days after it was queued (or queued again).
queue_sql 3 giveup
sql "UPDATE mail_outbox SET attempts = 9 WHERE to_addr = 'giveup-1@$DOMAIN';
     UPDATE mail_outbox SET created_at = now() - interval '3 days' WHERE to_addr IN ('giveup-2@$DOMAIN', 'giveup-3@$DOMAIN');
     UPDATE mail_outbox SET retried_at = now() - interval '1 hour' WHERE to_addr = 'giveup-3@$DOMAIN'" >/dev/null
mail_mode tempfail
send_once
check "a deferral at the 10th attempt gives the message up" \
	eval '[ "$(mine "failed_at IS NOT NULL AND attempts = 10" "AND to_addr = '"'giveup-1@$DOMAIN'"'")" = t ]'
check "a deferral two days after it was queued gives the message up" \
	eval '[ "$(mine "failed_at IS NOT NULL AND attempts = 1" "AND to_addr = '"'giveup-2@$DOMAIN'"'")" = t ]'
check "…but the two days count from a retry: one queued again an hour ago is tried again later" \
	eval '[ "$(mine "failed_at IS NULL AND attempts = 1 AND next_attempt_at > now()" "AND to_addr = '"'giveup-3@$DOMAIN'"'")" = t ]'
"$CTL" mail retry "$(mine id "AND to_addr = 'giveup-2@$DOMAIN'")" >/dev/null 2>&1
check "mail retry records when (retried_at), so the old message gets two new days" \
	eval '[ "$(mine "retried_at > now() - interval '"'1 minute'"' AND failed_at IS NULL" "AND to_addr = '"'giveup-2@$DOMAIN'"'")" = t ]'
mail_mode accept
sql "UPDATE mail_outbox SET next_attempt_at = now() WHERE to_addr LIKE 'giveup-%@$DOMAIN' AND failed_at IS NULL" >/dev/null
send_once

# --- outage: the SMTP server stopped ---------------------------------------------------------
mail_stop
queue_sql 3 outage
send_once
check "with the server down the messages stay queued, each with one attempt and an error" \
	eval '[ "$(mine "count(*)" "AND to_addr LIKE '"'outage-%'"' AND sent_at IS NULL AND failed_at IS NULL AND attempts = 1 AND last_error <> '"''"'")" = 3 ]'
first=$(mine "min(next_attempt_at - now()) > interval '50 seconds'" "AND to_addr LIKE 'outage-%'")
sql "UPDATE mail_outbox SET next_attempt_at = now() WHERE to_addr LIKE 'outage-%@$DOMAIN'" >/dev/null
send_once
check "the next failed attempt waits longer (attempts 2, next attempt over 4 minutes on)" \
	eval '[ "$first" = t ] && [ "$(mine "count(*)" "AND to_addr LIKE '"'outage-%'"' AND attempts = 2 AND next_attempt_at > now() + interval '"'4 minutes'"'")" = 3 ]'
check "the outage shows in mail status (failing 3 or more)" \
	eval '"$CTL" mail status | grep -qE "^failing ([3-9]|[1-9][0-9]+)$"'
check "the server comes back" smtp_up
sql "UPDATE mail_outbox SET next_attempt_at = now() WHERE to_addr LIKE 'outage-%@$DOMAIN'" >/dev/null
send_once
check "once it is back they are delivered, each once" \
	eval '[ "$(mine "count(*)" "AND to_addr LIKE '"'outage-%'"' AND sent_at IS NOT NULL")" = 3 ] && [ "$(delivered_ids | grep -c "^outage-")" = 3 ]'

# --- 5xx: given up, shown, retried by hand --------------------------------------------------
mail_mode permfail
"$CTL" mail test "$(addr perm)" >/dev/null 2>&1
ID=$(last_id "$(addr perm)")
send_once
check "a 550 gives the message up at once (failed_at, last_error 550)" \
	eval '[ "$(row "$ID" "sent_at IS NULL AND failed_at IS NOT NULL AND last_error LIKE '"'550%'"'")" = t ]'
"$CTL" mail status >"$T/status"
check "mail status counts it as failed and lists it with its error" \
	eval 'grep -qE "^failed [1-9]" "$T/status" && grep -qP "^$ID\ttest\t$(addr perm)\t1\tfailed\t550" "$T/status"'
check "mail status never prints a body" eval '! grep -q "Räksmörgås" "$T/status"'

# --- the förvaltning's page /admin/utskick -------------------------------------------------------
add_user "$(addr forv)" forvaltning "Frida Förvaltning"
add_user "$(addr gransk)" granskare "Gustav Granskare"
add_user "$(addr kommun)" kommun "Karin Kommun" --org "Laholms kommun"
FJ=$T/forv.jar GJ=$T/gransk.jar KJ=$T/kommun.jar AJ=$T/anon.jar
login "$FJ" "$(addr forv)" >/dev/null
login "$GJ" "$(addr gransk)" >/dev/null
login "$KJ" "$(addr kommun)" >/dev/null
req "$AJ" GET /admin/utskick
check "a visitor who is not logged in is sent to log in, and sees no message" \
	eval 'status_is 303 && header_matches "^Location: /logga-in" && body_lacks "$(addr perm)"'
for who in GJ:granskare KJ:kommun; do
	req "${!who%%:*}" GET /admin/utskick
	check "a ${who#*:} user may not see the outbox (403)" eval 'status_is 403 && body_lacks "$(addr perm)"'
done
req "$FJ" GET /admin/utskick
check "the förvaltning sees the given-up message with its recipient, error and a Försök igen button" \
	eval 'status_is 200 && body_has "Utskick av e-post" && body_has "$(addr perm)" && body_has "550 5.7.1 Refused" && body_has "Försök igen"'
check "the page shows sent messages, a secret one marked as such" \
	eval 'body_has "Nyligen skickade" && body_has "$(addr secret)" && body_has "engångslänk, innehållet visas inte"'
check "the page never shows a body (no text of any message, no one-time link)" \
	eval 'body_lacks "Räksmörgås" && body_lacks "hemlig$RUN" && body_lacks "Rad ett för nummer"'
check "the page is not stored by caches" header_matches '^Cache-Control: no-store'
FCSRF=$(page_csrf "$FJ" /admin/utskick)
sql "UPDATE users SET lang = 'en' WHERE lower(email) = lower('$(addr forv)')" >/dev/null
req "$FJ" GET /admin/utskick
check "in English for a user who reads English" \
	eval 'status_is 200 && body_has "Outgoing e-mail" && body_has "Try again" && body_has "Messages not delivered"'
sql "UPDATE users SET lang = 'sv' WHERE lower(email) = lower('$(addr forv)')" >/dev/null
mail_mode accept
send_once
check "a given-up message is not tried again by itself" eval '[ -z "$(mail_to "$(addr perm)")" ]'
audit_before=$(audits mail.retry)
"$CTL" mail retry "$ID" >"$T/out" 2>&1
check "mail retry ID queues it again (audited) and prints its id" \
	eval '[ "$(cat "$T/out")" = "$ID" ] && [ "$(audits mail.retry)" = $((audit_before + 1)) ] && [ "$(row "$ID" "failed_at IS NULL")" = t ]'
send_once
check "the retried message is delivered once the server accepts" \
	eval '[ "$(mail_to "$(addr perm)" | wc -l)" = 1 ] && [ "$(row "$ID" "sent_at IS NOT NULL")" = t ]'
"$CTL" mail retry "$ID" >/dev/null 2>&1; rc=$?
check "a message already sent cannot be retried (exit 1)" eval '[ $rc = 1 ]'
mail_mode permfail
queue_sql 2 permall
send_once
mail_mode accept
WEBID=$(mine id "AND to_addr = 'permall-1@$DOMAIN'")
audit_before=$(audits mail.retry)
req "$FJ" POST /admin/utskick/forsok-igen --data-urlencode "id=$WEBID"
check "Försök igen without the CSRF token is refused (403) and changes nothing" \
	eval 'status_is 403 && [ "$(row "$WEBID" "failed_at IS NOT NULL")" = t ]'
post_form "$KJ" /admin/utskick/forsok-igen "$(page_csrf "$KJ")" "id=$WEBID"
check "a kommun user cannot retry a message (403), nothing changes" \
	eval 'status_is 403 && [ "$(row "$WEBID" "failed_at IS NOT NULL")" = t ]'
post_form "$FJ" /admin/utskick/forsok-igen "$FCSRF" "id=abc"
check "a retry of id=abc is a 400 that says what is wrong" \
	eval 'status_is 400 && text_has "Fältet id saknas eller är inte ett nummer"'
post_form "$FJ" /admin/utskick/forsok-igen "$FCSRF"
check "a retry without id is a 400" eval 'status_is 400'
post_form "$FJ" /admin/utskick/forsok-igen "$FCSRF" "id=$(last_id "$(addr kim)")"
check "a retry of a message already sent is a 409 that says why" \
	eval 'status_is 409 && text_has "har redan skickats"'
post_form "$FJ" /admin/utskick/forsok-igen "$FCSRF" "id=$WEBID"
check "Försök igen queues the message again and returns to the page (303)" \
	eval 'status_is 303 && header_matches "^Location: /admin/utskick\?igen=1" && [ "$(row "$WEBID" "failed_at IS NULL AND attempts = 0 AND next_attempt_at <= now()")" = t ]'
FORV_ID=$(sql "SELECT id FROM users WHERE lower(email) = lower('$(addr forv)')")
check "the retry is audited with who did it" \
	eval '[ "$(audits mail.retry)" = $((audit_before + 1)) ] && [ "$(sql "SELECT actor FROM audit_log WHERE action = '"'mail.retry'"' AND object_id = '"'$WEBID'"' ORDER BY id DESC LIMIT 1")" = "user:$FORV_ID" ]'
req "$FJ" GET "/admin/utskick?igen=1"
check "the page then says it is queued again" eval 'status_is 200 && body_has "ligger i kö igen"'
"$CTL" mail retry --failed >"$T/out" 2>&1
check "mail retry --failed queues every given-up message again" \
	eval '[ "$(wc -l <"$T/out")" -ge 1 ] && [ "$(mine "count(*)" "AND to_addr LIKE '"'permall-%'"' AND failed_at IS NULL")" = 2 ]'
send_once
check "and they are delivered" eval '[ "$(delivered_ids | grep -c "^permall-")" = 2 ]'
# A secret message that was given up has lost its link: it cannot be sent again.
mail_mode permfail
sql "INSERT INTO mail_outbox (kind, to_addr, subject, body_text, message_id, secret)
     VALUES ('reset', '$(addr lostlink)', 'Nytt lösenord', 'http://remissvar.test/x', 'lostlink-$RUN@region.test', true)" >/dev/null
send_once
mail_mode accept
ID=$(last_id "$(addr lostlink)")
"$CTL" mail retry "$ID" >/dev/null 2>"$T/err"; rc=$?
check "a given-up secret message is emptied and cannot be retried (exit 1, says why)" \
	eval '[ $rc = 1 ] && grep -q "one-time" "$T/err" && [ "$(row "$ID" "body_text IS NULL")" = t ]'

# --- the sender as a service: NOTIFY wakes it, SIGTERM stops it ----------------------------
"$CTL" mail send --poll 600 >"$T/loop.out" 2>"$T/loop.err" &
LOOP=$!
SENDERS+=("$LOOP")
sleep 1
"$CTL" mail test "$(addr wake)" >/dev/null 2>&1
check "a message queued while the sender waits arrives at once (NOTIFY), not at the 600 s poll" \
	wait_until 15 eval '[ -n "$(mail_to "$(addr wake)")" ]'
kill -TERM "$LOOP"
check "SIGTERM stops the sender, exit 0" eval 'wait_until 10 gone $LOOP && wait $LOOP'

# --- kill -9 at random moments ---------------------------------------------------------------
queue_sql 200 crash
KILLS=0
for i in $(seq 1 12); do
	"$CTL" mail send --poll 1 >>"$T/crash.out" 2>>"$T/crash.err" &
	p=$!
	SENDERS+=("$p")
	sleep "0.$((RANDOM % 4 + 1))$((RANDOM % 10))"
	kill -KILL "$p" 2>/dev/null && KILLS=$((KILLS + 1))
	wait "$p" 2>/dev/null
done
during=$(mine "count(*)" "AND to_addr LIKE 'crash-%' AND sent_at IS NOT NULL")
send_once
counts=$(delivered_ids | grep "^crash-" | sort | uniq -c | awk '{print $1}')
distinct=$(delivered_ids | grep "^crash-" | sort -u | wc -l)
maxdup=$(sort -n <<<"$counts" | tail -1)
dups=$(awk '$1 > 1 {d += $1 - 1} END {print d + 0}' <<<"$counts")
echo "# crash: $KILLS kills, $during of 200 sent by the killed senders, $dups duplicate deliveries (most of one Message-ID: $maxdup)"
check "the sender was killed at least 10 times while delivering" eval '[ "$KILLS" -ge 10 ]'
check "after the kills every row is sent" \
	eval '[ "$(mine "count(*)" "AND to_addr LIKE '"'crash-%'"' AND sent_at IS NOT NULL")" = 200 ]'
check "every row's Message-ID was delivered at least once" eval '[ "$distinct" = 200 ]'
check "no Message-ID was delivered more than 1 + kills times" eval '[ "$maxdup" -le $((1 + KILLS)) ]'

# --- two senders at once ------------------------------------------------------------------------
queue_sql 100 pair
"$CTL" mail send --once >"$T/a.out" 2>"$T/a.err" &
A=$!
"$CTL" mail send --once >"$T/b.out" 2>"$T/b.err" &
B=$!
SENDERS+=("$A" "$B")
wait "$A"; ra=$?
wait "$B"; rb=$?
echo "# two senders: $(cat "$T/a.out") / $(cat "$T/b.out")"
check "two senders at once both finish (exit 0) and every row is sent" \
	eval '[ $ra = 0 ] && [ $rb = 0 ] && [ "$(mine "count(*)" "AND to_addr LIKE '"'pair-%'"' AND sent_at IS NOT NULL")" = 100 ]'
check "two senders at once deliver each message exactly once" \
	eval '[ "$(delivered_ids | grep "^pair-" | sort | uniq -d | wc -l)" = 0 ] && [ "$(delivered_ids | grep -c "^pair-")" = 100 ]'
check "both senders did part of the work" \
	eval '! grep -q "^0 sent" "$T/a.out" && ! grep -q "^0 sent" "$T/b.out"'

finish
