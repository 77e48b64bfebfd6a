#!/usr/bin/env bash
# tests/integration/accounts.sh BUILD-DIR BASE-URL TMPDIR NGINX-PREFIX: people and their
# accounts (issue 18): invitations from /admin/personer and `remissctl user invite` queue a mail
# whose one-time link activates the account once; links that are reused, expired, superseded or
# tampered with change nothing; a password reset is asked for without telling who has an
# account, throttled, and ends the old sessions and personal tokens; an organisation's admin
# invites and removes its own people and manages its own API tokens, never another
# organisation's; every POST needs its CSRF token. The links are read from mail_outbox (the
# sender is another part) and REMISS_PUBLIC_URL mapped to BASE. Needs REMISS_DB with the demo
# data. Prints "ok N - name" lines.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: accounts.sh BUILD-DIR BASE-URL TMPDIR NGINX-PREFIX}
BASE=${2:?usage}
T=${3:?usage}
NGINX=${4:?usage}
PW=accounts-password-$$
NEWPW=a-brand-new-passphrase-$$
mkdir -p "$T"
PUBLIC=${REMISS_PUBLIC_URL:?REMISS_PUBLIC_URL is set by run.sh}

RUN=$(date +%s)$$
F=acc.forv.$RUN@regionhalland.example
A=acc.admin.$RUN@regionhalland.example
K1=acc.k1.$RUN@laholm.example
K2=acc.k2.$RUN@halmstad.example
OA=acc.oa.$RUN@laholm.example
add_user "$F" forvaltning "Förvaltning Test"
add_user "$A" admin "Admin Test"
add_user "$K1" kommun "Kim Ett" --org "Laholms kommun"
add_user "$K2" kommun "Kim Två" --org "Halmstads kommun"
add_user "$OA" kommun "Olga Admin" --org "Laholms kommun"
laholm=$(sql "SELECT id FROM organisations WHERE name = 'Laholms kommun'")
halmstad=$(sql "SELECT id FROM organisations WHERE name = 'Halmstads kommun'")
uid() { sql "SELECT id FROM users WHERE lower(email) = lower('$1')"; }
outbox() { # outbox KIND ADDR: how many messages of KIND to ADDR are queued
	sql "SELECT count(*) FROM mail_outbox WHERE kind = '$1' AND lower(to_addr) = lower('$2')"
}
# link_of KIND ADDR: the one-time link of the newest message of KIND to ADDR, on $BASE.
link_of() {
	sql "SELECT body_text FROM mail_outbox WHERE kind = '$1' AND lower(to_addr) = lower('$2') ORDER BY id DESC LIMIT 1" |
		grep -oE "https?://[^ ]*/(aktivera|aterstall)\?t=[0-9a-f]{64}" | head -1 | sed "s|^$PUBLIC|$BASE|"
}
path_of() { printf '%s' "${1#$BASE}"; }
token_of() { printf '%s' "${1##*t=}"; }
sha() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }
api() { curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $1" "$BASE/api/v1/remisser"; }
# visit JAR PATH: GETs a one-time page and keeps its form's double-submit token in PRE.
visit() { req "$1" GET "$2"; PRE=$(form_csrf); }
# set_pw JAR PATH-WITHOUT-QUERY TOKEN PW1 PW2: posts the password form with PRE, and keeps the
# token of the form that comes back (a refused password shows the form again).
set_pw() {
	post_form "$1" "$2" "$PRE" "t=$3" "losenord=$4" "losenord2=$5"
	local st=$STATUS next; next=$(form_csrf); [ -z "$next" ] || PRE=$next; STATUS=$st
}
logged_in_as() { req "$1" GET /konto; status_is 200 && body_has "$2"; }

# --- the förvaltning invites ------------------------------------------------------------
FJ=$T/f
login "$FJ" "$F"
fc=$(page_csrf "$FJ" /admin/personer)
check "the förvaltning's people page lists people with their role, organisation and status" \
	eval 'req "$FJ" GET /admin/personer && status_is 200 && body_has "Bjud in en person" && body_has "$K1" && body_has "Laholms kommun" && body_has "Remissinstans" && body_has "href=\"/admin/personer\""'
req "$FJ" GET "/admin/personer?organisation=$halmstad&roll=kommun"
check "the list filters by organisation and role" \
	eval 'status_is 200 && body_has "id=\"person-$(uid "$K2")\"" && body_lacks "id=\"person-$(uid "$K1")\"" && body_lacks "id=\"person-$(uid "$F")\""'

N1=acc.ny1.$RUN@laholm.example
req "$FJ" POST /admin/personer --data-urlencode "email=$N1" --data-urlencode "roll=kommun" --data-urlencode "organisation=$laholm"
check "an invitation without the CSRF token is refused (403) and creates nobody" \
	eval 'status_is 403 && [ "$(sql "SELECT count(*) FROM users WHERE email = '\''$N1'\''")" = 0 ] && [ "$(outbox invitation "$N1")" = 0 ]'
post_form "$FJ" /admin/personer "$fc" "email=$N1" "namn=Nora Ny" "roll=kommun" "organisation=$laholm"
n1=$(uid "$N1")
check "an invitation creates the person without a password and goes to their page (303)" \
	eval 'status_is 303 && header_matches "^Location: /admin/personer/$n1\?klart=inbjuden$" && [ "$(sql "SELECT role || org_id::text || (password_hash IS NULL)::text FROM users WHERE id = $n1")" = "kommun${laholm}true" ]'
check "the invitation mail is queued with the person, personal and secret, and its activation link" \
	eval '[ "$(outbox invitation "$N1")" = 1 ] && [ "$(sql "SELECT secret::text || automatic::text || user_id FROM mail_outbox WHERE kind = '\''invitation'\'' AND to_addr = '\''$N1'\''")" = "truefalse$n1" ] && [ -n "$(link_of invitation "$N1")" ]'
check "the mail says who invited, to which organisation, and until when the link works" \
	eval 'body=$(sql "SELECT body_text FROM mail_outbox WHERE to_addr = '\''$N1'\''"); grep -qF "$F har bjudit in dig till Remissvar för Laholms kommun" <<<"$body" && grep -qF "Länken gäller till" <<<"$body" && [ "$(sql "SELECT subject FROM mail_outbox WHERE to_addr = '\''$N1'\''")" = "Inbjudan till Remissvar" ]'
L1=$(link_of invitation "$N1")
check "only the SHA-256 of the link's token is stored, with 7 days to live" \
	eval '[ "$(sql "SELECT count(*) FROM one_time_links WHERE token_hash = '\''$(sha "$(token_of "$L1")")'\'' AND purpose = '\''activation'\'' AND user_id = $n1 AND expires_at BETWEEN now() + interval '\''6 days 23 hours'\'' AND now() + interval '\''7 days'\''")" = 1 ] && [ "$(sql "SELECT count(*) FROM one_time_links WHERE token_hash = '\''$(token_of "$L1")'\''")" = 0 ]'
check "the invitation is audited with the person's id" \
	eval '[ "$(sql "SELECT count(*) FROM audit_log WHERE action = '\''user.invite'\'' AND object_id = '\''$n1'\'' AND actor = '\''user:$(uid "$F")'\''")" = 1 ]'

post_form "$FJ" /admin/personer "$fc" "email=$N1" "roll=granskare"
check "a second invitation to the same address (any case) is a 409 in Swedish and English, nothing queued" \
	eval 'status_is 409 && body_has "Det finns redan ett konto" && body_has "already exists" && [ "$(outbox invitation "$N1")" = 1 ]'
NX=acc.nx.$RUN@laholm.example
post_form "$FJ" /admin/personer "$fc" "email=$NX" "roll=kommun"
check "a remissinstans user without organisation is a 422 in both languages, nobody created" \
	eval 'status_is 422 && body_has "måste höra till en organisation" && body_has "must belong to an organisation" && [ -z "$(uid "$NX")" ]'
post_form "$FJ" /admin/personer "$fc" "email=$NX" "roll=admin"
check "the förvaltning cannot make an admin (422), nobody created" \
	eval 'status_is 422 && body_has "Bara en administratör" && [ -z "$(uid "$NX")" ]'
post_form "$FJ" /admin/personer "$fc" "email=inte en adress" "roll=granskare"
check "an address that is not one is a 422" eval 'status_is 422 && body_has "giltig e-postadress"'
post_form "$FJ" /admin/personer "$fc" "email=$NX" "roll=granskare" "organisation=999999999"
check "an organisation that does not exist is a 422, nobody created" eval 'status_is 422 && [ -z "$(uid "$NX")" ]'
post_form "$FJ" /admin/personer "$fc" "email=$NX" "roll=granskare" "organisation=$laholm" "org_admin=1"
check "a granskare may belong to an organisation (optional for other roles)" \
	eval 'status_is 303 && [ "$(sql "SELECT role || org_id || org_admin::text FROM users WHERE email = '\''$NX'\''")" = "granskare${laholm}true" ]'

# --- following the activation link ------------------------------------------------------
V=$T/visitor
# A second browser opens the form now and posts it after the link has been used.
rm -f "$T/v2"
visit "$T/v2" "$(path_of "$L1")"
PRE2=$PRE
rm -f "$V"
visit "$V" "$(path_of "$L1")"
check "the activation page names the person and the organisation, with a password form" \
	eval 'status_is 200 && body_has "Nora Ny" && body_has "Laholms kommun" && body_has "name=\"losenord\"" && [ -n "$PRE" ]'
check "the activation page is not cached and sends no Referer on" \
	eval 'header_matches "^Referrer-Policy: no-referrer$" && header_lacks "same-origin" && header_matches "^Cache-Control: no-store"'
check "nginx keeps no access-log line with the token" eval '! grep -qF "$(token_of "$L1")" "$NGINX/access.log"'
post_form "$V" /aktivera "" "t=$(token_of "$L1")" "losenord=$NEWPW" "losenord2=$NEWPW"
check "setting the password without the form's token is a 403 that leaves the link unused" \
	eval 'status_is 403 && [ "$(sql "SELECT count(*) FROM one_time_links WHERE user_id = $n1 AND used_at IS NULL")" = 1 ]'
set_pw "$V" /aktivera "$(token_of "$L1")" "$NEWPW" "something-else-entirely"
check "two different passwords are a 422 that leaves the link unused" \
	eval 'status_is 422 && body_has "inte likadana" && [ "$(sql "SELECT count(*) FROM one_time_links WHERE user_id = $n1 AND used_at IS NULL")" = 1 ]'
set_pw "$V" /aktivera "$(token_of "$L1")" "kort" "kort"
check "a password that is too short is a 422, nothing set" \
	eval 'status_is 422 && [ "$(sql "SELECT (password_hash IS NULL)::text FROM users WHERE id = $n1")" = true ]'
set_pw "$V" /aktivera "$(token_of "$L1")" "$NEWPW" "$NEWPW"
check "a good password activates the account and logs the person in" \
	eval 'status_is 303 && header_matches "^Location: /$" && header_matches "^Set-Cookie: remiss_session=[0-9a-f]{64}" && logged_in_as "$V" "$N1"'
check "the link is used and the activation audited" \
	eval '[ "$(sql "SELECT count(*) FROM one_time_links WHERE user_id = $n1 AND used_at IS NOT NULL")" = 1 ] && [ "$(sql "SELECT count(*) FROM audit_log WHERE action = '\''user.activate'\'' AND object_id = '\''$n1'\''")" = 1 ]'
check "the person logs in with the new password" eval 'login "$T/n1" "$N1" "$NEWPW" && status_is 303'
hash_before=$(sql "SELECT password_hash FROM users WHERE id = $n1")
req "$T/v3" GET "$(path_of "$L1")"
check "the used link is a 410 page in Swedish" eval 'status_is 410 && body_has "Länken fungerar inte längre" && body_lacks "name=\"losenord\""'
PRE=$PRE2
set_pw "$T/v2" /aktivera "$(token_of "$L1")" "another-new-passphrase" "another-new-passphrase"
check "posting the used link again is a 410 that changes nothing" \
	eval 'status_is 410 && [ "$(sql "SELECT password_hash FROM users WHERE id = $n1")" = "$hash_before" ]'
req - GET "$(path_of "$L1")" -H "Cookie: lang=en"
check "the used link's page is in English for an English browser" eval 'status_is 410 && body_has "The link no longer works"'

bad=$(token_of "$L1"); bad="${bad:0:63}$( [ "${bad:63:1}" = 0 ] && echo 1 || echo 0)"
req - GET "/aktivera?t=$bad"
check "a tampered token is a 404 page" eval 'status_is 404 && body_has "Länken finns inte"'
req - GET "/aktivera?t=nonsense"
check "a malformed token is a 404" status_is 404
req - GET /aktivera
check "no token at all is a 404" status_is 404

# --- remissctl user invite, expiry, a new invitation ------------------------------------
N2=acc.ny2.$RUN@regionhalland.example
out=$("$BUILD/remissctl" user invite "$N2" granskare --name "Cli Person" 2>"$T/err"); RC=$?
n2=$(uid "$N2")
check "remissctl user invite prints only the new id and queues the invitation" \
	eval 'rc_is 0 && [ "$out" = "$n2" ] && [ "$(outbox invitation "$N2")" = 1 ] && ! grep -qE "[0-9a-f]{64}" "$T/err"'
check "the shell's invitation is audited" \
	eval '[ "$(sql "SELECT count(*) FROM audit_log WHERE action = '\''user.invite'\'' AND object_id = '\''$n2'\'' AND actor LIKE '\''remissctl%'\''")" = 1 ]'
"$BUILD/remissctl" user invite "acc.nyx.$RUN@laholm.example" kommun >/dev/null 2>"$T/err"; RC=$?
check "remissctl user invite of a kommun user without --org is a usage error" eval 'rc_is 2 && grep -q "organisation" "$T/err"'
"$BUILD/remissctl" user invite "acc.nyl.$RUN@laholm.example" granskare --lang de >/dev/null 2>"$T/err"; RC=$?
check "remissctl user invite --lang takes sv or en only" eval 'rc_is 2 && [ -z "$(uid "acc.nyl.$RUN@laholm.example")" ]'
"$BUILD/remissctl" user invite "$N2" granskare >/dev/null 2>"$T/err"; RC=$?
check "remissctl user invite of an existing address fails" eval 'rc_is 1 && grep -q "already exists" "$T/err"'
"$BUILD/remissctl" user invite "acc.ny3.$RUN@laholm.example" kommun --org "Laholms kommun" --org-admin >/dev/null; RC=$?
check "remissctl user invite --org --org-admin makes an org admin" \
	eval 'rc_is 0 && [ "$(sql "SELECT org_admin::text FROM users WHERE email = '\''acc.ny3.$RUN@laholm.example'\''")" = true ]'
printf '%s\n' "$PW" | "$BUILD/remissctl" user add "acc.g.$RUN@regionhalland.example" granskare --org "Laholms kommun" >/dev/null 2>"$T/err"; RC=$?
check "remissctl user add takes --org for any role (a granskare of an organisation)" \
	eval 'rc_is 0 && [ "$(sql "SELECT org_id FROM users WHERE email = '\''acc.g.$RUN@regionhalland.example'\''")" = "$laholm" ]'
L2=$(link_of invitation "$N2")
rm -f "$T/v3"
visit "$T/v3" "$(path_of "$L2")"
check "the shell's invitation link opens the form" eval 'status_is 200 && body_has "Cli Person"'
PRE3=$PRE
sql "UPDATE one_time_links SET created_at = now() - interval '8 days', expires_at = now() - interval '1 day' WHERE user_id = $n2" >/dev/null
req - GET "$(path_of "$L2")"
check "an expired link is a 410" eval 'status_is 410 && body_has "har gått ut"'
PRE=$PRE3
set_pw "$T/v3" /aktivera "$(token_of "$L2")" "$NEWPW" "$NEWPW"
check "posting an expired link is a 410 and sets no password" \
	eval 'status_is 410 && [ "$(sql "SELECT (password_hash IS NULL)::text FROM users WHERE id = $n2")" = true ]'
post_form "$FJ" "/admin/personer/$n2/ny-inbjudan" "$fc"
L3=$(link_of invitation "$N2")
check "a new invitation queues a second mail with a new link" \
	eval 'status_is 303 && [ "$(outbox invitation "$N2")" = 2 ] && [ "$L3" != "$L2" ] && req - GET "$(path_of "$L3")" && status_is 200 && body_has "Cli Person"'
post_form "$FJ" "/admin/personer/$n2/ny-inbjudan" "$fc"
L4=$(link_of invitation "$N2")
check "after yet another invitation the previous link stops working (410)" \
	eval 'req - GET "$(path_of "$L3")" && status_is 410 && req - GET "$(path_of "$L4")" && status_is 200'
post_form "$FJ" "/admin/personer/$n1/ny-inbjudan" "$fc"
check "an activated account gets no new invitation (409)" \
	eval 'status_is 409 && [ "$(outbox invitation "$N1")" = 1 ]'

# Two browsers post the same link at once: one statement checks and uses it, so exactly one wins.
N6=acc.ny6.$RUN@regionhalland.example
"$BUILD/remissctl" user invite "$N6" granskare >/dev/null
L6=$(link_of invitation "$N6")
rm -f "$T/race-a" "$T/race-b"
visit "$T/race-a" "$(path_of "$L6")"; PA=$PRE
visit "$T/race-b" "$(path_of "$L6")"; PB=$PRE
race() { # race JAR-SUFFIX FORM-TOKEN PASSWORD: posts the activation, its status into a file
	curl -s -o /dev/null -w '%{http_code}' -b "$T/race-$1" -c "$T/race-$1" --data-urlencode "csrf=$2" \
		--data-urlencode "t=$(token_of "$L6")" --data-urlencode "losenord=$3" --data-urlencode "losenord2=$3" \
		"$BASE/aktivera" >"$T/race-$1.status"
}
race a "$PA" "race-passphrase-a-$RUN" & race b "$PB" "race-passphrase-b-$RUN" & wait
check "two concurrent activations with one link: one succeeds (303), the other is a 410" \
	eval '[ "$(printf "%s\n" "$(cat "$T/race-a.status")" "$(cat "$T/race-b.status")" | sort | tr "\n" " ")" = "303 410 " ]'
check "the winner's password is the one set, and the link used once" \
	eval 'w=$([ "$(cat "$T/race-a.status")" = 303 ] && echo a || echo b); login "$T/rw" "$N6" "race-passphrase-$w-$RUN" && status_is 303 && [ "$(sql "SELECT count(*) FROM audit_log WHERE action = '\''user.activate'\'' AND object_id = '\''$(uid "$N6")'\''")" = 1 ]'

# --- password reset ---------------------------------------------------------------------
req - GET /logga-in
check "the login page links to Glömt lösenordet?" eval 'status_is 200 && body_has "href=\"/glomt-losenord\"" && body_has "Glömt lösenordet?"'
G=$T/g
rm -f "$G"
visit "$G" /glomt-losenord
post_form "$G" /glomt-losenord "" "email=$K1"
check "a reset request without the form's token is a 403, nothing queued" \
	eval 'status_is 403 && [ "$(outbox reset "$K1")" = 0 ]'
# K1 has a session and a personal token the reset must end.
KJ=$T/k1
login "$KJ" "$K1"
ktok=$("$BUILD/remissctl" token create --user "$K1" --label "acc $RUN")
check "before the reset, K1's session and personal token work" eval 'logged_in_as "$KJ" "$K1" && [ "$(api "$ktok")" = 200 ]'
visit "$G" /glomt-losenord
post_form "$G" /glomt-losenord "$PRE" "email=$K1"
cp "$T/body" "$T/known.html"; known_status=$STATUS
visit "$G" /glomt-losenord
post_form "$G" /glomt-losenord "$PRE" "email=acc.nobody.$RUN@laholm.example"
check "an existing and an unknown address get the same page" \
	eval '[ "$known_status" = 200 ] && status_is 200 && cmp -s "$T/known.html" "$T/body" && body_has "Om adressen hör till ett konto"'
check "only the existing account's reset is queued, automatic and secret" \
	eval '[ "$(outbox reset "$K1")" = 1 ] && [ "$(outbox reset "acc.nobody.$RUN@laholm.example")" = 0 ] && [ "$(sql "SELECT secret::text || automatic::text FROM mail_outbox WHERE kind = '\''reset'\'' AND to_addr = '\''$K1'\''")" = truetrue ]'
check "both requests are counted; the reset link lives an hour" \
	eval '[ "$(sql "SELECT count(*) FROM reset_requests WHERE email_lower IN (lower('\''$K1'\''), '\''acc.nobody.$RUN@laholm.example'\'')")" = 2 ] && [ "$(sql "SELECT count(*) FROM one_time_links WHERE user_id = $(uid "$K1") AND purpose = '\''reset'\'' AND expires_at <= now() + interval '\''1 hour'\''")" = 1 ]'
check "the reset mail says to ignore it if not asked for" \
	eval 'sql "SELECT body_text FROM mail_outbox WHERE kind = '\''reset'\'' AND to_addr = '\''$K1'\''" | grep -qF "Om du inte har bett om det"'
visit "$G" /glomt-losenord
post_form "$G" /glomt-losenord "$PRE" "email=$N2"
check "an invited account without a password gets no reset mail (same page)" \
	eval 'status_is 200 && cmp -s "$T/known.html" "$T/body" && [ "$(outbox reset "$N2")" = 0 ]'
R1=$(link_of reset "$K1")
rm -f "$T/r"
visit "$T/r" "$(path_of "$R1")"
check "the reset page names the account and is not cached or referred" \
	eval 'status_is 200 && body_has "$K1" && header_matches "^Referrer-Policy: no-referrer$" && ! grep -qF "$(token_of "$R1")" "$NGINX/access.log"'
req "$T/r" GET "/aktivera?t=$(token_of "$R1")"
check "a reset link is no activation link (404)" status_is 404
set_pw "$T/r" /aterstall "$(token_of "$R1")" "$NEWPW" "$NEWPW"
check "a new password through the reset link logs in" eval 'status_is 303 && logged_in_as "$T/r" "$K1"'
check "the reset ended K1's other sessions and revoked the personal token" \
	eval 'req "$KJ" GET /konto && status_is 303 && [ "$(api "$ktok")" = 401 ]'
check "the old password no longer works, the new one does" \
	eval 'login "$T/old" "$K1" "$PW" && status_is 401 && login "$T/new" "$K1" "$NEWPW" && status_is 303'
check "the reset is audited" eval '[ "$(sql "SELECT count(*) FROM audit_log WHERE action = '\''user.reset'\'' AND object_id = '\''$(uid "$K1")'\''")" = 1 ]'
visit "$T/r2" "$(path_of "$R1")"
check "the reset link works once only (410)" status_is 410

# Throttling: at most 3 an hour per address (one above already), 20 per client.
for i in 1 2 3 4; do
	visit "$G" /glomt-losenord
	post_form "$G" /glomt-losenord "$PRE" "email=$K1"
	[ "$STATUS" = 200 ] && cmp -s "$T/known.html" "$T/body" || echo "#   request $i: $STATUS"
done
check "beyond 3 requests an hour for one address: the same answer, nothing more queued" \
	eval 'status_is 200 && cmp -s "$T/known.html" "$T/body" && [ "$(outbox reset "$K1")" = 3 ]'
sql "INSERT INTO reset_requests (email_lower, remote_addr) SELECT 'flood' || g || '@x.example', '127.0.0.1' FROM generate_series(1, 20) g" >/dev/null
visit "$G" /glomt-losenord
post_form "$G" /glomt-losenord "$PRE" "email=$K2"
check "beyond 20 requests an hour from one client: the same answer, nothing queued" \
	eval 'status_is 200 && cmp -s "$T/known.html" "$T/body" && [ "$(outbox reset "$K2")" = 0 ]'
sql "DELETE FROM reset_requests WHERE email_lower LIKE 'flood%@x.example'" >/dev/null

# --- the förvaltning changes, disables and enables people --------------------------------
oa=$(uid "$OA") k1=$(uid "$K1") k2=$(uid "$K2") a=$(uid "$A") f=$(uid "$F")
req "$FJ" GET "/admin/personer/$oa"
check "a person's page shows the role form and the actions" eval 'status_is 200 && body_has "Roll och organisation" && body_has "/admin/personer/$oa/stang-av"'
post_form "$FJ" "/admin/personer/$oa" "" "roll=kommun" "organisation=$laholm" "org_admin=1" -- -H "X-Nothing: 1"
check "a change without the CSRF token is a 403" eval 'status_is 403 && [ "$(sql "SELECT org_admin::text FROM users WHERE id = $oa")" = false ]'
post_form "$FJ" "/admin/personer/$oa" "$fc" "roll=kommun" "organisation=$laholm" "org_admin=1"
check "the förvaltning makes a person their organisation's admin (audited)" \
	eval 'status_is 303 && [ "$(sql "SELECT org_admin::text FROM users WHERE id = $oa")" = true ] && [ "$(sql "SELECT count(*) FROM audit_log WHERE action = '\''user.update'\'' AND object_id = '\''$oa'\''")" = 1 ]'
post_form "$FJ" "/admin/personer/$k2" "$fc" "roll=kommun"
check "a remissinstans user cannot lose their organisation (422)" \
	eval 'status_is 422 && [ "$(sql "SELECT org_id FROM users WHERE id = $k2")" = "$halmstad" ]'
post_form "$FJ" "/admin/personer/$a" "$fc" "roll=granskare"
check "the förvaltning cannot change an admin (422)" eval 'status_is 422 && [ "$(sql "SELECT role FROM users WHERE id = $a")" = admin ]'
post_form "$FJ" "/admin/personer/$f/stang-av" "$fc"
check "nobody disables themselves (422, both languages)" \
	eval 'status_is 422 && body_has "eget konto" && body_has "your own account" && [ "$(sql "SELECT disabled::text FROM users WHERE id = $f")" = false ]'
K2J=$T/k2
login "$K2J" "$K2"
post_form "$FJ" "/admin/personer/$k2/stang-av" "$fc"
check "disabling ends the person's sessions and stops their login (audited)" \
	eval 'status_is 303 && req "$K2J" GET /konto && status_is 303 && login "$T/k2b" "$K2" && status_is 401 && [ "$(audits user.disable)" -ge 1 ]'
post_form "$FJ" "/admin/personer/$k2/oppna" "$fc"
check "enabling lets the person log in again" eval 'status_is 303 && login "$K2J" "$K2" && status_is 303'
post_form "$FJ" /admin/personer/999999999/stang-av "$fc"
check "an unknown person is a 404" status_is 404
req "$T/k1b" GET /admin/personer
login "$T/k1b" "$K1" "$NEWPW"
req "$T/k1b" GET /admin/personer
check "a remissinstans user may not see the people pages (403)" status_is 403

# --- an organisation administers itself --------------------------------------------------
OJ=$T/oa
login "$OJ" "$OA"
req "$OJ" GET /
check "an org admin's menu links to Min organisation" eval 'status_is 200 && body_has "href=\"/organisation\""'
oc=$(page_csrf "$OJ" /organisation)
check "the organisation page lists its own people only" \
	eval 'req "$OJ" GET /organisation && status_is 200 && body_has "$K1" && body_has "$OA" && body_lacks "$K2" && body_lacks "$F"'
req "$T/k1b" GET /organisation
check "a plain remissinstans user gets 403 on /organisation" status_is 403
req "$FJ" GET /organisation
check "the förvaltning (no org admin) gets 403 on /organisation" status_is 403
laholm_tok=$("$BUILD/remissctl" token create --org "Laholms kommun" --label "acc laholm $RUN")
check "an organisation token is refused on /organisation (403)" \
	eval '[ "$(curl -s -o /dev/null -w "%{http_code}" -H "Authorization: Bearer $laholm_tok" "$BASE/organisation")" = 403 ]'

N5=acc.ny5.$RUN@laholm.example
req "$OJ" POST /organisation/personer --data-urlencode "email=$N5"
check "an org admin's invitation without the CSRF token is a 403" eval 'status_is 403 && [ -z "$(uid "$N5")" ]'
post_form "$OJ" /organisation/personer "$oc" "email=$N5" "namn=Kollega Fem" "roll=admin" "organisation=$halmstad"
n5=$(uid "$N5")
check "the org admin invites a colleague: a remissinstans user of their own organisation" \
	eval 'status_is 303 && [ "$(sql "SELECT role || org_id FROM users WHERE id = $n5")" = "kommun$laholm" ] && [ "$(outbox invitation "$N5")" = 1 ]'
check "the colleague's invitation names the organisation" \
	eval 'sql "SELECT body_text FROM mail_outbox WHERE to_addr = '\''$N5'\''" | grep -qF "för Laholms kommun"'
post_form "$OJ" /organisation/personer "$oc" "email=$K2"
check "inviting an address that has an account is a 409" status_is 409
N7=acc.ny7.$RUN@laholm.example
post_form "$OJ" /organisation/personer "$oc" "email=$N7" "lang=en"
check "an invitation in English: the person's language and the mail's" \
	eval 'status_is 303 && [ "$(sql "SELECT lang FROM users WHERE email = '\''$N7'\''")" = en ] && [ "$(sql "SELECT lang || '\''|'\'' || subject FROM mail_outbox WHERE to_addr = '\''$N7'\''")" = "en|Invitation to Remissvar" ] && sql "SELECT body_text FROM mail_outbox WHERE to_addr = '\''$N7'\''" | grep -qF "has invited you to Remissvar for Laholms kommun"'
L5=$(link_of invitation "$N5")
req "$OJ" GET /organisation
check "the organisation page offers a new invitation to a colleague not yet activated" \
	eval 'status_is 200 && body_has "/organisation/personer/$n5/ny-inbjudan" && body_lacks "/organisation/personer/$k1/ny-inbjudan"'
post_form "$OJ" "/organisation/personer/$n5/ny-inbjudan" "$oc"
check "the org admin sends a colleague a new invitation; the old link stops working" \
	eval 'status_is 303 && [ "$(outbox invitation "$N5")" = 2 ] && req - GET "$(path_of "$L5")" && status_is 410 && req - GET "$(path_of "$(link_of invitation "$N5")")" && status_is 200'
post_form "$OJ" "/organisation/personer/$n2/ny-inbjudan" "$oc"
check "a new invitation to another organisation's (or no organisation's) person is a 404" \
	eval 'status_is 404 && [ "$(outbox invitation "$N2")" = 3 ]'
nx=$(uid "$NX")
req "$OJ" GET /organisation
check "the organisation page offers no removal of its granskare (the förvaltning's)" \
	eval 'status_is 200 && body_has "$NX" && body_lacks "/organisation/personer/$nx/ta-bort"'
post_form "$OJ" "/organisation/personer/$nx/ta-bort" "$oc"
check "an org admin cannot disable a granskare of their organisation (403, both languages)" \
	eval 'status_is 403 && body_has "hanteras av förvaltningen" && body_has "managed by the administration" && [ "$(sql "SELECT disabled::text FROM users WHERE id = $nx")" = false ]'
post_form "$OJ" "/organisation/personer/$nx/ny-inbjudan" "$oc"
check "nor send them a new invitation (403)" eval 'status_is 403 && [ "$(outbox invitation "$NX")" = 1 ]'
post_form "$OJ" "/organisation/personer/$k2/ta-bort" "$oc"
check "another organisation's person is a 404 that changes nothing" \
	eval 'status_is 404 && [ "$(sql "SELECT disabled::text FROM users WHERE id = $k2")" = false ]'
post_form "$OJ" "/organisation/personer/$oa/ta-bort" "$oc"
check "the org admin cannot remove themselves (422)" eval 'status_is 422 && [ "$(sql "SELECT disabled::text FROM users WHERE id = $oa")" = false ]'
post_form "$OJ" "/organisation/personer/$k1/ta-bort" ""
check "removal without the CSRF token is a 403" eval 'status_is 403 && [ "$(sql "SELECT disabled::text FROM users WHERE id = $k1")" = false ]'
post_form "$OJ" "/organisation/personer/$k1/ta-bort" "$oc"
check "the org admin removes a colleague: disabled, logged out, audited" \
	eval 'status_is 303 && [ "$(sql "SELECT disabled::text FROM users WHERE id = $k1")" = true ] && req "$T/new" GET /konto && status_is 303 && [ "$(sql "SELECT count(*) FROM audit_log WHERE action = '\''user.disable'\'' AND object_id = '\''$k1'\'' AND actor = '\''user:$oa'\''")" = 1 ]'

post_form "$OJ" /organisation/nycklar "$oc" "etikett=Diariet $RUN"
newtok=$(grep -oE 'id="ny-nyckel">[0-9a-f]{64}' "$T/body" | grep -oE '[0-9a-f]{64}')
check "the org admin creates a token, shown once, that works on the API" \
	eval 'status_is 200 && [ -n "$newtok" ] && [ "$(api "$newtok")" = 200 ] && header_matches "^Cache-Control: no-store"'
check "the new token is stored hashed, for the organisation, audited" \
	eval '[ "$(sql "SELECT count(*) FROM api_tokens WHERE token_hash = '\''$(sha "$newtok")'\'' AND org_id = $laholm")" = 1 ] && [ "$(audits token.create)" -ge 1 ]'
req "$OJ" GET /organisation
check "the token list shows its label but never the secret" \
	eval 'status_is 200 && body_has "Diariet $RUN" && body_lacks "$newtok" && body_has "acc laholm $RUN"'
halm_tok=$("$BUILD/remissctl" token create --org "Halmstads kommun" --label "acc halmstad $RUN")
halm_id=$(sql "SELECT id FROM api_tokens WHERE label = 'acc halmstad $RUN'")
post_form "$OJ" "/organisation/nycklar/$halm_id/aterkalla" "$oc"
check "another organisation's token is a 404 and keeps working" eval 'status_is 404 && [ "$(api "$halm_tok")" = 200 ]'
req "$OJ" GET /organisation
check "another organisation's tokens are not listed" body_lacks "acc halmstad $RUN"
new_id=$(sql "SELECT id FROM api_tokens WHERE token_hash = '$(sha "$newtok")'")
k2c=$(page_csrf "$K2J")
post_form "$K2J" "/organisation/nycklar/$new_id/aterkalla" "$k2c"
check "a plain user of another organisation cannot revoke the token (403)" eval 'status_is 403 && [ "$(api "$newtok")" = 200 ]'
post_form "$OJ" "/organisation/nycklar/$new_id/aterkalla" ""
check "revoking without the CSRF token is a 403" eval 'status_is 403 && [ "$(api "$newtok")" = 200 ]'
post_form "$OJ" "/organisation/nycklar/$new_id/aterkalla" "$oc"
check "the org admin revokes their organisation's token (audited); it stops working" \
	eval 'status_is 303 && [ "$(api "$newtok")" = 401 ] && [ "$(sql "SELECT count(*) FROM audit_log WHERE action = '\''token.revoke'\'' AND object_id = '\''$new_id'\''")" = 1 ]'
post_form "$OJ" "/organisation/nycklar/$new_id/aterkalla" "$oc"
check "revoking it again is a 404" status_is 404

finish
