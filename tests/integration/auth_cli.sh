#!/usr/bin/env bash
# tests/integration/auth_cli.sh BUILD-DIR: remissctl user and token commands against a migrated
# database ($REMISS_DB): roles, refusals, sessions ended, tokens stored hashed, append-only audit log.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: auth_cli.sh BUILD-DIR (with REMISS_DB set to a migrated database)}
: "${REMISS_DB:?REMISS_DB must name a migrated database}"
CTL=$BUILD/remissctl
PW='correct horse battery staple'
# Unique names, so that the script can run again on the same database.
RUN=$(date +%s)$$
ORG="Authtest kommun $RUN"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

IN=
email() { printf '%s-%s@example.se' "$1" "$RUN"; }
users_named() { sql "SELECT count(*) FROM users WHERE lower(email) = lower('$1')"; }

check "remissctl org add makes the test organisation" eval '"$CTL" org add "$ORG" >/dev/null'

# --- user add ----------------------------------------------------------------
IN="$PW"$'\n'
ctl user add "$(email kommun)" kommun --org "$ORG" --name "Kim Kommun"
check "user add kommun --org prints the id" eval 'rc_is 0 && [[ $OUT =~ ^[0-9]+$ ]]'
KOMMUN_ID=$OUT
check "the kommun user belongs to the organisation" \
	eval '[ "$(sql "SELECT o.name FROM users u JOIN organisations o ON o.id = u.org_id WHERE u.id = $KOMMUN_ID")" = "$ORG" ]'
for role in granskare forvaltning admin; do
	ctl user add "$(email "$role")" "$role"
	check "user add $role prints the id" eval 'rc_is 0 && [[ $OUT =~ ^[0-9]+$ ]]'
done
check "the stored password is an argon2id hash, not the password" \
	eval '[[ $(sql "SELECT password_hash FROM users WHERE id = $KOMMUN_ID") == \$argon2id\$* ]]'
ctl user add "$(email nokommun)" kommun
check "user add kommun without --org is refused" eval 'rc_is 2 && [ "$(users_named "$(email nokommun)")" = 0 ]'
ctl user add "$(email orphan)" kommun --org "No such org $RUN"
check "user add kommun with an unknown --org is refused" eval 'rc_is 1 && [ "$(users_named "$(email orphan)")" = 0 ]'
ctl user add "$(email admorg)" admin --org "$ORG"
# Issue 18: a person of any role may belong to an organisation (schema/021).
check "user add admin with --org belongs to that organisation" \
	eval 'rc_is 0 && [ "$(sql "SELECT o.name FROM users u JOIN organisations o ON o.id = u.org_id WHERE u.email = '\''$(email admorg)'\''")" = "$ORG" ]'
ctl user add "$(email badrole)" superuser
check "user add with an unknown role is refused" eval 'rc_is 2 && [ "$(users_named "$(email badrole)")" = 0 ]'
ctl user add "not-an-address" admin
check "user add with a malformed e-mail is refused" rc_is 2
IN=$'abcdefghijk\n'
ctl user add "$(email short)" granskare
check "a password of 11 characters is refused with a message" \
	eval 'rc_is 1 && grep -q "at least 12" <<<"$ERR" && [ "$(users_named "$(email short)")" = 0 ]'
IN=
ctl user add "$(email nopw)" granskare
check "user add without a password on stdin is refused" eval 'rc_is 1 && [ "$(users_named "$(email nopw)")" = 0 ]'
# A script that pipes one password per line into several commands (docs/install.md's test
# does): each command takes its own line and leaves the rest of standard input.
printf '%s\n' "first password of two" "second password of two" | {
	"$CTL" user add "$(email pipe1)" granskare >/dev/null 2>"$T/err1"; rc1=$?
	"$CTL" user add "$(email pipe2)" granskare >/dev/null 2>"$T/err2"; rc2=$?
	echo "$rc1 $rc2" >"$T/rcs"
}
check "two user adds reading one piped standard input each get their own line" \
	eval '[ "$(cat "$T/rcs")" = "0 0" ] && [ "$(users_named "$(email pipe1)")" = 1 ] && [ "$(users_named "$(email pipe2)")" = 1 ] || { cat "$T/err1" "$T/err2" | sed "s/^/#   /"; false; }'
IN="$PW"$'\n'
ctl user add "$(email admin | tr a-z A-Z)" granskare
check "a duplicate e-mail (other case) is refused" eval 'rc_is 1 && grep -qi "already exists" <<<"$ERR"'
ctl user add --help
check "user add --help exits 0" eval 'rc_is 0 && grep -q "usage:" <<<"$OUT"'

# --- list, disable, enable, passwd -----------------------------------------
ctl user list
check "user list shows email, role, org, disabled tab-separated" \
	eval 'rc_is 0 && grep -qxF "$(email kommun)	kommun	$ORG	no" <<<"$OUT"'
check "user list never shows password hashes" eval '! grep -q argon2 <<<"$OUT"'

sql "INSERT INTO sessions (token_hash, user_id, csrf) VALUES (repeat('a', 63) || '1', $KOMMUN_ID, repeat('b', 64)),
   (repeat('a', 63) || '2', $KOMMUN_ID, repeat('b', 64))" >/dev/null
ctl user disable "$(email kommun)"
check "user disable exits 0" rc_is 0
check "the user is disabled" eval '[ "$(sql "SELECT disabled FROM users WHERE id = $KOMMUN_ID")" = t ]'
check "user disable ends the user's sessions" eval '[ "$(sql "SELECT count(*) FROM sessions WHERE user_id = $KOMMUN_ID")" = 0 ]'
ctl user list
check "user list shows the user disabled" eval 'grep -qxF "$(email kommun)	kommun	$ORG	yes" <<<"$OUT"'
ctl user enable "$(email kommun | tr a-z A-Z)"
check "user enable (any case) enables" eval 'rc_is 0 && [ "$(sql "SELECT disabled FROM users WHERE id = $KOMMUN_ID")" = f ]'
ctl user disable "$(email nobody)"
check "user disable of an unknown user fails" rc_is 1

OLD=$(sql "SELECT password_hash FROM users WHERE id = $KOMMUN_ID")
sql "INSERT INTO sessions (token_hash, user_id, csrf) VALUES (repeat('c', 63) || '1', $KOMMUN_ID, repeat('b', 64))" >/dev/null
# Two personal tokens of the user and one of its organisation, before the new password.
IN=
ctl token create --user "$(email kommun)" --label "personal one $RUN"
ctl token create --user "$(email kommun)" --label "personal two $RUN"
ctl token create --org "$ORG" --label "org $RUN"
audits_before=$(sql "SELECT count(*) FROM audit_log WHERE action = 'token.revoke'")
IN='another long passphrase'$'\n'
ctl user passwd "$(email kommun)"
check "user passwd exits 0" rc_is 0
check "user passwd changes the hash" eval '[ "$(sql "SELECT password_hash FROM users WHERE id = $KOMMUN_ID")" != "$OLD" ]'
check "user passwd ends the user's sessions" eval '[ "$(sql "SELECT count(*) FROM sessions WHERE user_id = $KOMMUN_ID")" = 0 ]'
check "user passwd revokes the user's personal API tokens" \
	eval '[ "$(sql "SELECT count(*) FROM api_tokens WHERE user_id = $KOMMUN_ID AND revoked_at IS NULL")" = 0 ] && [ "$(sql "SELECT count(*) FROM api_tokens WHERE user_id = $KOMMUN_ID AND label LIKE '\''personal % $RUN'\'' AND revoked_at IS NOT NULL")" = 2 ]'
check "user passwd says how many tokens it revoked" eval 'grep -qF "revoked 2 personal API tokens of $(email kommun)" <<<"$ERR"'
check "each revocation is in the audit log, with the reason" \
	eval '[ "$(sql "SELECT count(*) FROM audit_log WHERE action = '\''token.revoke'\'' AND detail->>'\''reason'\'' = '\''password changed'\'' AND (detail->>'\''user'\'')::bigint = $KOMMUN_ID")" = 2 ] && [ "$(sql "SELECT count(*) FROM audit_log WHERE action = '\''token.revoke'\''")" = $((audits_before + 2)) ]'
check "the organisation's token is not the user's and stays valid" \
	eval '[ "$(sql "SELECT revoked_at IS NULL FROM api_tokens WHERE label = '\''org $RUN'\''")" = t ]'
NEW=$(sql "SELECT password_hash FROM users WHERE id = $KOMMUN_ID")
IN=$'short\n'
ctl user passwd "$(email kommun)"
check "user passwd refuses a short password and keeps the current one" \
	eval 'rc_is 1 && [ "$(sql "SELECT password_hash FROM users WHERE id = $KOMMUN_ID")" = "$NEW" ]'
IN=

# --- tokens ------------------------------------------------------------------
ctl token create --org "$ORG" --label "e-tjänst $RUN"
check "token create --org prints one line of 64 lowercase hex" \
	eval 'rc_is 0 && [ "$(wc -l <"$T/out")" = 1 ] && [[ $OUT =~ ^[0-9a-f]{64}$ ]]'
SECRET=$OUT
HASH=$(printf '%s' "$SECRET" | sha256sum | cut -d' ' -f1)
check "api_tokens holds the SHA-256 of the secret" \
	eval '[ "$(sql "SELECT count(*) FROM api_tokens WHERE token_hash = '\''$HASH'\''")" = 1 ]'
check "the secret itself is nowhere in api_tokens" \
	eval '[ "$(sql "SELECT count(*) FROM api_tokens t WHERE strpos(t::text, '\''$SECRET'\'') > 0")" = 0 ]'
check "the secret is not in the audit log" \
	eval '[ "$(sql "SELECT count(*) FROM audit_log a WHERE strpos(a::text, '\''$SECRET'\'') > 0")" = 0 ]'
TOKEN_ID=$(sql "SELECT id FROM api_tokens WHERE token_hash = '$HASH'")
ctl token create --user "$(email forvaltning)"
check "token create --user prints a secret" eval 'rc_is 0 && [[ $OUT =~ ^[0-9a-f]{64}$ ]]'
USER_SECRET=$OUT
check "two tokens differ" eval '[ "$USER_SECRET" != "$SECRET" ]'
ctl token create --org "$ORG" --user "$(email admin)"
check "token create with both --org and --user is a usage error" rc_is 2
ctl token create
check "token create without an owner is a usage error" rc_is 2
ctl token create --org "No such org $RUN"
check "token create for an unknown organisation fails" eval 'rc_is 1 && [ -z "$OUT" ]'

ctl token list
check "token list shows the tokens" eval 'rc_is 0 && grep -qF "$TOKEN_ID	org:$ORG	e-tjänst $RUN	" <<<"$OUT" && grep -qF "user:$(email forvaltning)" <<<"$OUT"'
check "token list never shows a secret or a hash" \
	eval '! grep -qF -e "$SECRET" -e "$USER_SECRET" -e "$HASH" <<<"$OUT" && ! grep -qE "[0-9a-f]{64}" <<<"$OUT"'
ctl token list --org "$ORG"
check "token list --org shows only that organisation's tokens" \
	eval 'rc_is 0 && grep -qF "org:$ORG" <<<"$OUT" && ! grep -qF "user:$(email forvaltning)" <<<"$OUT"'
ctl token revoke "$TOKEN_ID"
check "token revoke exits 0" rc_is 0
check "the token has a revoked time" eval '[ "$(sql "SELECT revoked_at IS NOT NULL FROM api_tokens WHERE id = $TOKEN_ID")" = t ]'
ctl token list --org "$ORG"
check "token list shows the revoked time" eval 'grep -qE "^$TOKEN_ID	.*	[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8}\$" <<<"$OUT"'
ctl token revoke "$TOKEN_ID"
check "revoking a revoked token fails" rc_is 1
ctl token revoke abc
check "token revoke with a non-number is a usage error" rc_is 2
ctl token --help
check "token --help exits 0" rc_is 0

# --- audit log -----------------------------------------------------------------
for action in user.add user.disable user.enable user.passwd token.create token.revoke; do
	check "audit_log has $action rows by remissctl" \
		eval '[ "$(sql "SELECT count(*) FROM audit_log WHERE action = '\''$action'\'' AND actor LIKE '\''remissctl%'\'' AND at > now() - interval '\''1 hour'\''")" -ge 1 ]'
done
check "audit_log names the new kommun user" \
	eval '[ "$(sql "SELECT count(*) FROM audit_log WHERE action = '\''user.add'\'' AND object_type = '\''user'\'' AND object_id = '\''$KOMMUN_ID'\''")" = 1 ]'
check "audit_log never holds a password" eval '[ "$(sql "SELECT count(*) FROM audit_log a WHERE strpos(a::text, '\''$PW'\'') > 0 OR strpos(a::text, '\''another long passphrase'\'') > 0")" = 0 ]'
check "UPDATE audit_log is refused" eval '! sql "UPDATE audit_log SET actor = '\''x'\''" >/dev/null 2>&1'
check "DELETE FROM audit_log is refused" eval '! sql "DELETE FROM audit_log" >/dev/null 2>&1'
check "TRUNCATE audit_log is refused" eval '! sql "TRUNCATE audit_log" >/dev/null 2>&1'
check "the audit rows are still there" eval '[ "$(sql "SELECT count(*) FROM audit_log")" -gt 0 ]'

finish
