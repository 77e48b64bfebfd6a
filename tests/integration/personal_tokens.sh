#!/usr/bin/env bash
# tests/integration/personal_tokens.sh BUILD-DIR BASE-URL TMPDIR: a user's personal API tokens do
# not outlive a new password, and the user sees and revokes them on "Mitt konto" (/konto): only
# their own, each revocation audited, a token of someone else or of the organisation a 404 that
# changes nothing. Needs REMISS_DB with the demo data. Prints "ok N - name" lines.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: personal_tokens.sh BUILD-DIR BASE-URL TMPDIR}
BASE=${2:?usage}
T=${3:?usage}
PW=remissvar-demo
mkdir -p "$T"
api() { # api TOKEN: the status of an API read with the token
	curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $1" "$BASE/api/v1/remisser"
}
revoke_audits() { # revoke_audits TOKEN-ID: audit rows of its revocation
	sql "SELECT count(*) FROM audit_log WHERE action = 'token.revoke' AND object_id = '$1'"
}

# Users of their own, so that nothing else in the run depends on their passwords.
RUN=$(date +%s)$$
ME=tokens.granskare.$RUN@regionhalland.example OTHER=tokens.annan.$RUN@regionhalland.example
add_user "$ME" granskare "Token Test"
add_user "$OTHER" granskare "Token Test"
me_id=$(sql "SELECT id FROM users WHERE email = '$ME'")
t1=$("$BUILD/remissctl" token create --user "$ME" --label "Skript $RUN")
t2=$("$BUILD/remissctl" token create --user "$ME" --label "Export $RUN")
t3=$("$BUILD/remissctl" token create --user "$ME" --label "Reserv $RUN")
other=$("$BUILD/remissctl" token create --user "$OTHER" --label "Annans $RUN")
org=$("$BUILD/remissctl" token create --org "Laholms kommun" --label "Org $RUN")
id_of() { sql "SELECT id FROM api_tokens WHERE label = '$1'"; }
t1_id=$(id_of "Skript $RUN") t2_id=$(id_of "Export $RUN") t3_id=$(id_of "Reserv $RUN")
other_id=$(id_of "Annans $RUN") org_id=$(id_of "Org $RUN")
check "the tokens work before anything is done" \
	eval '[ "$(api "$t1")" = 200 ] && [ "$(api "$t2")" = 200 ] && [ "$(api "$other")" = 200 ]'

# --- Mitt konto lists the user's own live tokens, never a secret -------------------------
M=$T/me O=$T/other
login "$M" "$ME" "$PW"
req "$M" GET /konto
check "Mitt konto lists the user's personal API tokens by name, with a revoke button each" \
	eval 'status_is 200 && body_has "Personliga API-nycklar" && body_has "Skript $RUN" && body_has "Export $RUN" && body_has "action=\"/konto/nycklar/$t1_id/aterkalla\"" && body_has "Återkalla Skript $RUN"'
check "it lists no one else's token and no organisation token" \
	eval 'body_lacks "Annans $RUN" && body_lacks "Org $RUN"'
check "it shows neither a secret nor a hash" \
	eval 'body_lacks "$t1" && body_lacks "$t2" && ! grep -qE "[0-9a-f]{64}" <<<"$(sed "s/name=\"csrf\" value=\"[0-9a-f]*\"//g" "$T/body")"'
me_csrf=$(form_csrf)

# --- revoking: only one's own, audited ----------------------------------------------------
req "$M" POST "/konto/nycklar/$t1_id/aterkalla"
check "a revocation without the CSRF token is refused (403) and changes nothing" \
	eval 'status_is 403 && [ "$(api "$t1")" = 200 ]'
post_form "$M" "/konto/nycklar/$other_id/aterkalla" "$me_csrf"
check "another user's token is a 404 that changes nothing" \
	eval 'status_is 404 && body_has "API-nyckeln finns inte bland dina nycklar" && [ "$(api "$other")" = 200 ] && [ "$(revoke_audits "$other_id")" = 0 ]'
post_form "$M" "/konto/nycklar/$org_id/aterkalla" "$me_csrf"
check "an organisation's token is a 404 that changes nothing" \
	eval 'status_is 404 && [ "$(api "$org")" = 200 ]'
post_form "$M" "/konto/nycklar/999999999/aterkalla" "$me_csrf"
check "an unknown token is a 404" status_is 404
post_form "$M" "/konto/nycklar/$t1_id/aterkalla" "$me_csrf"
check "revoking one's own token answers 303 back to Mitt konto" \
	eval 'status_is 303 && header_matches "^Location: /konto\?aterkallad=1"'
check "the revoked token no longer works (401), the others still do" \
	eval '[ "$(api "$t1")" = 401 ] && [ "$(api "$t2")" = 200 ]'
check "the revocation is audited as token.revoke by the user" \
	eval '[ "$(sql "SELECT actor || '"'"' '"'"' || (detail->>'"'"'user'"'"') FROM audit_log WHERE action = '"'"'token.revoke'"'"' AND object_id = '"'"'$t1_id'"'"'")" = "user:$me_id $me_id" ]'
req "$M" GET /konto?aterkallad=1
check "Mitt konto says so and no longer lists it" \
	eval 'status_is 200 && body_has "API-nyckeln är återkallad" && body_lacks "Skript $RUN" && body_has "Export $RUN"'
post_form "$M" "/konto/nycklar/$t1_id/aterkalla" "$me_csrf"
check "revoking it again is a 404, with no second audit row" \
	eval 'status_is 404 && [ "$(revoke_audits "$t1_id")" = 1 ]'
REQ_ACCEPT= req - POST "/konto/nycklar/$t3_id/aterkalla" -H "Authorization: Bearer $t3"
check "a personal token can revoke itself (an API caller needs no CSRF token)" \
	eval 'status_is 303 && [ "$(api "$t3")" = 401 ]'

# --- a new password: every personal token of the user ends -------------------------------
login "$O" "$OTHER" "$PW"
printf '%s\n' 'ett helt nytt lösenord' | "$BUILD/remissctl" user passwd "$ME" >/dev/null 2>"$T/passwd.err"
check "after the password change the user's tokens are refused (401)" \
	eval '[ "$(api "$t2")" = 401 ] && [ "$(sql "SELECT count(*) FROM api_tokens WHERE user_id = $me_id AND revoked_at IS NULL")" = 0 ]'
check "the change is audited per token, with its reason" \
	eval '[ "$(sql "SELECT count(*) FROM audit_log WHERE action = '"'"'token.revoke'"'"' AND object_id = '"'"'$t2_id'"'"' AND detail->>'"'"'reason'"'"' = '"'"'password changed'"'"'")" = 1 ]'
check "another user's token and the organisation's token are untouched" \
	eval '[ "$(api "$other")" = 200 ] && [ "$(api "$org")" = 200 ]'
req "$M" GET /konto
check "the old session ended with the password (sent to log in)" eval 'status_is 303 && header_matches "^Location: /logga-in"'
login "$M" "$ME" 'ett helt nytt lösenord'
req "$M" GET /konto
check "after logging in again Mitt konto lists no tokens" \
	eval 'status_is 200 && body_has "Du har inga personliga API-nycklar."'

"$BUILD/remissctl" token revoke "$other_id" >/dev/null
"$BUILD/remissctl" token revoke "$org_id" >/dev/null
finish
