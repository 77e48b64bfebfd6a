#!/usr/bin/env bash
# tests/integration/backup.sh BUILD-DIR TMPDIR: a pg_dump of $REMISS_DB (after the demo data and the
# suites that submit responses) restored into a new database of the same cluster passes
# `remissctl verify`; one corrupted byte, a version's audit row gone astray, or a rewound receipt
# sequence in the restored copy makes it fail and name what is wrong. Prints ok/not ok lines.
set -uo pipefail

BUILD=${1:?usage: backup.sh BUILD-DIR TMPDIR (REMISS_DB set)}
TMP=${2:?usage: backup.sh BUILD-DIR TMPDIR}
: "${REMISS_DB:?REMISS_DB must name the test database}"
CTL=$BUILD/remissctl
RESTORED=remiss_restore_$$
RDB="$REMISS_DB dbname=$RESTORED"	# a later dbname= wins in a conninfo
PASS=0 FAIL=0 N=0

ok()    { N=$((N + 1)); PASS=$((PASS + 1)); echo "ok $N - $1"; }
notok() { N=$((N + 1)); FAIL=$((FAIL + 1)); echo "not ok $N - $1"; [ -n "${2:-}" ] && printf '#   %s\n' "$2"; }
check() { local name=$1; shift; if "$@"; then ok "$name"; else notok "$name" "command: $*"; fi; }
q()     { psql "$1" -XAtq -v ON_ERROR_STOP=1 -c "$2"; }
# verify CONNINFO: runs remissctl verify; sets RC and OUT (stdout and stderr).
verify() { OUT=$("$CTL" -d "$1" verify 2>&1); RC=$?; }
out_has() { grep -qF -- "$1" <<<"$OUT" || { echo "#   output lacks: $1"; echo "$OUT" | head -5 | sed 's/^/#   /'; return 1; }; }

mkdir -p "$TMP"
cleanup() { psql "$REMISS_DB" -XAtq -c "DROP DATABASE IF EXISTS $RESTORED" >/dev/null 2>&1; }
trap cleanup EXIT

versions=$(q "$REMISS_DB" "SELECT count(*) FROM response_versions")
attachments=$(q "$REMISS_DB" "SELECT count(*) FROM attachments")
check "the test database has versions and attachments to back up" \
	eval '[ "$versions" -gt 0 ] && [ "$attachments" -gt 0 ]'

verify "$REMISS_DB"
check "remissctl verify passes on the live database" \
	eval '[ "$RC" = 0 ] && out_has "verify: ok: $versions versions, $versions receipts in the audit log, $attachments attachments"'

# The recipe of docs/backup.md: a custom-format dump, restored into an empty database.
check "pg_dump -Fc of the database" pg_dump -d "$REMISS_DB" -Fc -f "$TMP/remiss.dump"
check "createdb for the restore" psql "$REMISS_DB" -XAtq -v ON_ERROR_STOP=1 -c "CREATE DATABASE $RESTORED"
check "pg_restore into the new database" pg_restore -d "$RDB" --exit-on-error "$TMP/remiss.dump"
check "the restored copy has every version" \
	eval '[ "$(q "$RDB" "SELECT count(*) FROM response_versions")" = "$versions" ]'

verify "$RDB"
check "remissctl verify passes on the restored copy" \
	eval '[ "$RC" = 0 ] && out_has "verify: ok: $versions versions"'

check "remissctl verify --help describes the checks" \
	eval '"$CTL" verify --help | grep -q "canonical XML"'
"$CTL" verify extra >/dev/null 2>&1
rc=$?
check "remissctl verify with an argument is a usage error (2)" eval '[ "$rc" = 2 ]'

# One byte of one version's stored canonical XML changed, as a bad disk or a bad restore would.
# The triggers that keep versions immutable are disabled for this on the copy only.
vid=$(q "$RDB" "SELECT min(id) FROM response_versions")
rcpt=$(q "$RDB" "SELECT receipt_number FROM response_versions WHERE id = $vid")
q "$RDB" "ALTER TABLE response_versions DISABLE TRIGGER response_versions_immutable;
	UPDATE response_versions SET canonical_xml = overlay(canonical_xml PLACING
	    CASE WHEN substr(canonical_xml, 60, 1) = 'x' THEN 'y' ELSE 'x' END FROM 60 FOR 1)
	    WHERE id = $vid;
	ALTER TABLE response_versions ENABLE TRIGGER response_versions_immutable" >/dev/null
verify "$RDB"
check "one changed byte of canonical XML fails verify (exit 1)" eval '[ "$RC" = 1 ]'
check "verify names the changed version and its receipt" \
	out_has "version $vid (receipt $rcpt): the stored canonical XML hashes to"
check "verify counts one problem" out_has "verify: FAILED: 1 problem(s)"

# One byte of an attachment, past the CHECK that would refuse it on a healthy database.
aid=$(q "$RDB" "SELECT min(id) FROM attachments")
q "$RDB" "ALTER TABLE attachments DISABLE TRIGGER attachments_immutable;
	ALTER TABLE attachments DROP CONSTRAINT attachments_sha256_matches;
	UPDATE attachments SET bytes = set_byte(bytes, 0, (get_byte(bytes, 0) + 1) % 256)
	    WHERE id = $aid;
	ALTER TABLE attachments ENABLE TRIGGER attachments_immutable" >/dev/null
verify "$RDB"
check "a changed attachment byte fails verify and names the attachment" \
	eval '[ "$RC" = 1 ] && out_has "attachment $aid of version" && out_has "verify: FAILED: 2 problem(s)"'

# A data-only restore that forgot the sequence would hand out receipt numbers again.
q "$RDB" "SELECT setval('response_receipt_seq', 1)" >/dev/null
verify "$RDB"
check "a rewound receipt sequence fails verify" \
	eval '[ "$RC" = 1 ] && out_has "receipt numbers: the next one would be number 2"'

# A version whose audit row (written in the same transaction as the receipt) is missing.
q "$RDB" "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
	DELETE FROM audit_log WHERE action = 'response.submit' AND object_id = '$vid';
	ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only" >/dev/null
verify "$RDB"
check "a version without its audit receipt fails verify" \
	eval '[ "$RC" = 1 ] && out_has "version $vid (receipt $rcpt): no response.submit row in the audit log" && out_has "$((versions - 1)) receipts in the audit log"'

verify "host=/nonexistent dbname=x"
check "verify against an unreachable database is an error (1)" eval '[ "$RC" = 1 ] && out_has "cannot connect"'

verify "$REMISS_DB"
check "the live database was not touched by any of this" eval '[ "$RC" = 0 ]'

echo "1..$N"
echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
