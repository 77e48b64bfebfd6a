#!/usr/bin/env bash
# tests/integration/backup.sh BUILD-DIR TMPDIR: the recipes of docs/backup.md, run against freshly
# initdb'd PostgreSQL 15 clusters. A pg_dump -Fc of $REMISS_DB (after the demo data and the suites
# that submit responses) restored into a new cluster passes `remissctl verify`; a base backup plus
# the WAL archive restores responses submitted after the base backup, both to the end of the
# archive and to a recovery_target_time between two of them; after either restore, and after
# restoring the older pg_dump, the next receipt number is none handed out before; receipt numbers
# ahead of the clock fail verify; a restored copy with one changed byte, a lost version or a
# missing audit row fails verify and names what is wrong. The clusters run as an unprivileged OS user with their unix socket in TMPDIR
# only, and every server started here is stopped by its PID, also on failure. Prints ok/not ok.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

BUILD=${1:?usage: backup.sh BUILD-DIR TMPDIR (REMISS_DB set)}
TMP=${2:?usage: backup.sh BUILD-DIR TMPDIR}
: "${REMISS_DB:?REMISS_DB must name the test database}"
CTL=$BUILD/remissctl
SLUG=ok-hemsjukvard-2025
INVITED="Kungsbacka kommun"	# invited to the demo remiss

# PostgreSQL 15's own client programs: the same major version as the clusters, and without the
# start-up cost of Debian's wrapper scripts.
PATH=$PGBIN:$PATH
# verify CONNINFO: runs remissctl verify; OUT and RC hold its output and exit status. A failing
# run's first lines go to the test log, so a failed check shows why.
verify() {
	OUT=$(REMISS_DB="$1" "$CTL" verify 2>&1); RC=$?
	[ "$RC" = 0 ] || echo "$OUT" | head -5 | sed 's/^/#   verify: /'
}
# restore_dump DBNAME: the second recipe of docs/backup.md's section 3: a fresh database owned
# by remissvar, the nightly pg_dump restored into it as remissvar.
restore_dump() {
	createdb -h "$SOCK" -U postgres -O remissvar "$1" &&
	pg_restore -h "$SOCK" -U postgres -d "$1" --no-owner --role=remissvar --exit-on-error "$DUMP"
}
out_has() { grep -qF -- "$1" <<<"$OUT" || { echo "#   output lacks: $1"; echo "$OUT" | head -5 | sed 's/^/#   /'; return 1; }; }

# The layout mirrors a Debian cluster 15/main: the data directory, a conf.d that the cluster's
# postgresql.conf includes (kept outside the data directory, as /etc/postgresql/15/main/conf.d
# is), the backup directory of docs/backup.md, and a private socket directory.
# TMP by its real path, one the postgres OS user can reach (dev/lib.sh's shared_dir).
rm -rf "$TMP"
TMP=$(shared_dir "$TMP" 0711) || { notok "a directory postgres can reach"; finish; }
PGUSER_OS=$(pg_os_user)
MAIN=$TMP/15/main		# /var/lib/postgresql/15/main
CONFD=$TMP/etc/conf.d		# /etc/postgresql/15/main/conf.d
BK=$TMP/backups			# /var/backups/remissvar
SOCK=$TMP/run			# /run/postgresql
SUPER="host=$SOCK port=5432 user=postgres dbname=postgres"
APP="host=$SOCK port=5432 user=remissvar dbname=remissvar"	# what remissd and rctl use
LOG=$TMP/log/postgresql.log	# /var/log/postgresql/postgresql-15-main.log
mkdir -p "$TMP/15" "$CONFD" "$BK/wal" "$BK/base" "$SOCK" "$TMP/log"
if [ "$(id -u)" -eq 0 ]; then chown "$PGUSER_OS" "$TMP/15" "$BK" "$BK/wal" "$BK/base" "$SOCK" "$TMP/log"; fi
chmod 0700 "$TMP/15" "$BK" "$BK/wal" "$BK/base" "$SOCK"

PIDS=()
# pg_up: starts the cluster in $MAIN (as systemctl start postgresql@15-main would) and records
# the postmaster's PID for cleanup.
pg_up() {
	local rc=0
	pg_as "$PGBIN/pg_ctl" -D "$MAIN" -l "$LOG" -w -t 60 start >/dev/null || rc=1
	# Recorded also when pg_ctl gave up waiting: the postmaster may still be running.
	[ -f "$MAIN/postmaster.pid" ] && PIDS+=("$(head -1 "$MAIN/postmaster.pid")")
	[ "$rc" = 0 ] || { tail -20 "$LOG" | sed 's/^/#   /'; return 1; }
}
# ours PID: true while PID is a postmaster of this test's data directory (a PID recorded earlier
# may since belong to another process).
ours() { tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline" | grep -qF -- "-D $MAIN"; }
# pg_down_pid PID: a fast shutdown of one of our postmasters by its PID, SIGKILL after 20 s.
pg_down_pid() {
	local pid=$1 i
	ours "$pid" || return 0
	kill -INT "$pid" 2>/dev/null || return 0
	for ((i = 0; i < 200; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
	ours "$pid" && kill -KILL "$pid" 2>/dev/null
	return 1
}
# pg_down: stops the running cluster (systemctl stop postgresql@15-main).
pg_down() { [ -f "$MAIN/postmaster.pid" ] && pg_down_pid "$(head -1 "$MAIN/postmaster.pid")"; }
cleanup() {
	local pid
	for pid in "${PIDS[@]}"; do pg_down_pid "$pid"; done
	# The clusters, dumps and WAL are a few hundred MB: keep only the server log.
	rm -rf "$TMP/15" "$BK"
}
trap cleanup EXIT

# wait_promoted: true once the restored cluster has left recovery (at most 60 s); false at once
# when its postmaster has stopped (a recovery that failed).
wait_promoted() {
	local end=$((SECONDS + 60)) pid=${PIDS[-1]}
	while [ "$SECONDS" -lt "$end" ] && kill -0 "$pid" 2>/dev/null; do
		[ "$(sql_in "$SUPER" "SELECT pg_is_in_recovery()" 2>/dev/null)" = f ] && [ ! -f "$MAIN/recovery.signal" ] && return 0
		sleep 0.2
	done
	tail -20 "$LOG" | sed 's/^/#   /'
	return 1
}
# restore_base CONF-LINES: section 3 "Från basbackup och WAL-arkiv": the broken data directory
# moved away, the base backup and its WAL unpacked into a new one, remissvar-restore.conf
# written with CONF-LINES, recovery.signal, start, and wait until recovery is over.
restore_base() {
	local n
	pg_down || return 1
	n=$(find "$TMP/15" -maxdepth 1 -name 'main.trasig*' | wc -l)
	mv "$MAIN" "$MAIN.trasig$n" || return 1
	install -d -o "$PGUSER_OS" -m 0700 "$MAIN" &&
	pg_as tar -xzf "$BASE/base.tar.gz" -C "$MAIN" &&
	pg_as tar -xzf "$BASE/pg_wal.tar.gz" -C "$MAIN/pg_wal" &&
	printf '%s\n' "$@" >"$CONFD/remissvar-restore.conf" &&
	pg_as touch "$MAIN/recovery.signal" &&
	pg_up && wait_promoted &&
	rm -f "$CONFD/remissvar-restore.conf"
}
# import_response: one more version from $INVITED through remissctl response import, into the
# restored database; prints its receipt number.
import_response() {
	local out
	out=$(REMISS_DB="$APP" "$CTL" response import "$TMP/svar.xml" </dev/null) || return 1
	printf '%s\n' "${out%%$'\t'*}"
}

# --- the source: the test database after the other suites -------------------------------------
versions=$(sql_in "$REMISS_DB" "SELECT count(*) FROM response_versions")
attachments=$(sql_in "$REMISS_DB" "SELECT count(*) FROM attachments")
check "the test database has versions and attachments to back up" \
	eval '[ "$versions" -gt 0 ] && [ "$attachments" -gt 0 ]'
verify "$REMISS_DB"
check "remissctl verify passes on the live database" \
	eval '[ "$RC" = 0 ] && out_has "verify: ok: $versions versions, $versions receipts in the audit log, $attachments attachments"'

# --- section 1: the nightly pg_dump ------------------------------------------------------------
DUMP=$BK/remissvar-$(date +%F).dump
check "pg_dump -Fc of the database" pg_dump -d "$REMISS_DB" -Fc -f "$DUMP"

# --- a new cluster, with WAL archiving on from the start (section 2) --------------------------
check "initdb of a fresh cluster, as an unprivileged OS user" \
	eval 'pg_as "$PGBIN/initdb" -D "$MAIN" -U postgres -A trust -E UTF8 --locale=C.UTF-8 -N >/dev/null'
# Debian's postgresql.conf includes conf.d; here the test's own settings come first: the socket
# in TMPDIR only, no TCP, and no fsync (test speed only).
echo "include_dir = '$CONFD'" >>"$MAIN/postgresql.conf"
cat >"$CONFD/00-test.conf" <<EOF
listen_addresses = ''
port = 5432
unix_socket_directories = '$SOCK'
unix_socket_permissions = 0700
fsync = off
EOF
# remissvar-backup.conf exactly as in docs/backup.md, section 2, with the test's paths.
cat >"$CONFD/remissvar-backup.conf" <<EOF
archive_mode = on
archive_command = 'test ! -f $BK/wal/%f && cp %p $BK/wal/%f'
archive_timeout = 300
EOF
check "the new cluster starts with WAL archiving on" pg_up

# --- section 3 "Från en pg_dump": role and database as in docs/install.md, then pg_restore ---
check "createuser remissvar and createdb -O remissvar remissvar" \
	eval 'createuser -h "$SOCK" -U postgres remissvar && createdb -h "$SOCK" -U postgres -O remissvar remissvar'
check "pg_restore --no-owner --role=remissvar into the new cluster" \
	pg_restore -h "$SOCK" -U postgres -d remissvar --no-owner --role=remissvar --exit-on-error "$DUMP"
check "the restored copy has every version and attachment" \
	eval '[ "$(sql_in "$APP" "SELECT count(*) FROM response_versions")" = "$versions" ] &&
	      [ "$(sql_in "$APP" "SELECT count(*) FROM attachments")" = "$attachments" ]'
check "the restored tables belong to remissvar" \
	eval '[ "$(sql_in "$APP" "SELECT count(*) FROM pg_tables WHERE schemaname = '"'public'"' AND tableowner <> '"'remissvar'"'")" = 0 ]'
verify "$APP"
check "remissctl verify passes on the restore in the new cluster, same counts as the source" \
	eval '[ "$RC" = 0 ] && out_has "verify: ok: $versions versions, $versions receipts in the audit log, $attachments attachments"'
check "remissctl migrate as remissvar on the restored database (a later upgrade) works" \
	eval 'REMISS_DB="$APP" "$CTL" migrate >/dev/null'

# The other recipe of section 3: the database is damaged, the cluster works: restore into
# remissvar_test, verify, swap the names, drop the old one.
TEST_DB="host=$SOCK port=5432 user=remissvar dbname=remissvar_test"
check "createdb -O remissvar remissvar_test and pg_restore into it" restore_dump remissvar_test
verify "$TEST_DB"
check "remissctl verify passes on remissvar_test" \
	eval '[ "$RC" = 0 ] && out_has "verify: ok: $versions versions"'
check "the renames of section 3 swap remissvar_test in, and the old database can be dropped" \
	eval 'sql_in "$SUPER" "ALTER DATABASE remissvar RENAME TO remissvar_trasig" &&
	      sql_in "$SUPER" "ALTER DATABASE remissvar_test RENAME TO remissvar" &&
	      dropdb -h "$SOCK" -U postgres remissvar_trasig'
verify "$APP"
check "remissctl verify passes on the swapped-in database" \
	eval '[ "$RC" = 0 ] && out_has "verify: ok: $versions versions"'

# --- section 2: a base backup, then more responses --------------------------------------------
BASE=$BK/base/$(date +%F)
check "pg_basebackup -Ft -z -Xs writes base.tar.gz, pg_wal.tar.gz and backup_manifest" \
	eval 'pg_as "$PGBIN/pg_basebackup" -h "$SOCK" -U postgres -D "$BASE" -Ft -z -Xs &&
	      [ -s "$BASE/base.tar.gz" ] && [ -s "$BASE/pg_wal.tar.gz" ] && [ -s "$BASE/backup_manifest" ]'

cat >"$TMP/svar.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<remissvar xmlns="urn:remissvar:1" remiss="$SLUG">
  <remissinstans typ="kommun">$INVITED</remissinstans>
  <kontakt namn="Test Testsson" epost="test.testsson@example.se"/>
  <stallningstagande>tillstyrker</stallningstagande>
  <sammanfattning>Inskickat efter basbackupen. Åäö.</sammanfattning>
  <bilaga filnamn="efter.txt" mediatyp="text/plain">SGVqIGjDpXI=</bilaga>
</remissvar>
XML
R1=$(import_response)
check "a response submitted after the base backup gets a receipt" eval '[ -n "$R1" ]'
# The recovery target: after R1's commit, before R2's.
TARGET=$(sql_in "$SUPER" "SELECT now()")
sleep 0.2
R2=$(import_response)
check "a second response after the base backup gets a receipt" eval '[ -n "$R2" ] && [ "$R2" != "$R1" ]'
has_receipt() { [ "$(sql_in "$APP" "SELECT count(*) FROM response_versions WHERE receipt_number = '$1'")" = 1 ]; }

# The archive must hold the WAL with R2 before the cluster goes: force the segment out and wait
# for the archiver, then check it as section 2 tells (pg_stat_archiver, failed_count 0).
seg=$(sql_in "$SUPER" "SELECT pg_walfile_name(pg_switch_wal())")
wait_until 30 test -f "$BK/wal/$seg"
check "archive_command copied the WAL segment with the later responses to the archive" \
	eval '[ -f "$BK/wal/$seg" ]'
check "pg_stat_archiver: archived_count > 0, failed_count 0" \
	eval '[ "$(sql_in "$SUPER" "SELECT archived_count > 0 AND failed_count = 0 FROM pg_stat_archiver")" = t ]'

# --- section 3 "Från basbackup och WAL-arkiv": to the end of the archive ------------------------
check "restore of the base backup with restore_command replays the archive and promotes" \
	restore_base "restore_command = 'cp $BK/wal/%f %p'"
check "both responses submitted after the base backup are in the restored cluster" \
	eval 'has_receipt "$R1" && has_receipt "$R2"'
verify "$APP"
check "remissctl verify passes on the cluster restored from base backup and WAL" \
	eval '[ "$RC" = 0 ] && out_has "verify: ok: $((versions + 2)) versions, $((versions + 2)) receipts in the audit log, $((attachments + 2)) attachments"'

wait_until 30 test -f "$BK/wal/00000002.history"
check "the restored cluster archives on a new timeline into the same archive" \
	eval '[ -f "$BK/wal/00000002.history" ]'

# --- the same, stopping at recovery_target_time (point-in-time recovery) -----------------------
check "restore to a recovery_target_time between the two responses" \
	restore_base "restore_command = 'cp $BK/wal/%f %p'" \
	    "recovery_target_time = '$TARGET'" "recovery_target_action = 'promote'"
check "the response before the target time is there, the one after it is not" \
	eval 'has_receipt "$R1" && ! has_receipt "$R2"'
verify "$APP"
check "remissctl verify passes on the point-in-time restore" \
	eval '[ "$RC" = 0 ] && out_has "verify: ok: $((versions + 1)) versions, $((versions + 1)) receipts in the audit log, $((attachments + 1)) attachments"'

# --- receipt numbers after a restore (docs/backup.md, "Kvittensnummer efter en återläsning") --
# Every receipt number handed out so far: the source database's, and R1 and R2 of this cluster,
# R2 now lost with the point-in-time restore. No number handed out after a restore may be one of
# them, whatever the restore set the sequence back to.
given=$TMP/given-receipts
{ sql_in "$REMISS_DB" "SELECT receipt_number FROM response_versions"; echo "$R1"; echo "$R2"; } >"$given"
never_given() { [ -n "$1" ] && ! grep -qxF -- "$1" "$given" || { echo "#   $1 was handed out before"; return 1; }; }
R3=$(import_response)
check "after the point-in-time restore, the next receipt is none handed out before (not R2's $R2)" \
	never_given "$R3"
echo "$R3" >>"$given"
# The nightly pg_dump was taken before R1, R2 and R3: restored into a fresh database and
# swapped in as in section 3, it knows none of them.
KOPIA="host=$SOCK port=5432 user=remissvar dbname=remissvar_kopia"
check "the nightly pg_dump restores into a fresh database remissvar_kopia" restore_dump remissvar_kopia
verify "$KOPIA"
check "remissctl verify says the restored dump is safe to take submissions" \
	eval '[ "$RC" = 0 ] && ! out_has "receipt numbers:" >/dev/null'
R4=$(out=$(REMISS_DB="$KOPIA" "$CTL" response import "$TMP/svar.xml" </dev/null) && printf '%s\n' "${out%%$'\t'*}")
check "after restoring the older pg_dump, the next receipt is none handed out before (not R1's $R1)" \
	never_given "$R4"
check "receipt numbers keep the format year-serial of 6 to 12 digits" \
	eval '[[ "$R3" =~ ^[0-9]{4}-[0-9]{6,12}$ ]] && [[ "$R4" =~ ^[0-9]{4}-[0-9]{6,12}$ ]]'
check "the year of a receipt number is the year it was received (Europe/Stockholm)" \
	eval '[ "${R4%%-*}" = "$(TZ=Europe/Stockholm date +%Y)" ]'
# Unsafe numbering, as the superuser of the scratch cluster. A sequence an hour ahead of the
# clock (a restore from a machine whose clock ran fast, or a clock set back since): until the
# clock passes it, new numbers come from the sequence, which a restore sets back.
KSUPER="host=$SOCK port=5432 user=postgres dbname=remissvar_kopia"
sql_in "$KSUPER" "SELECT setval('response_receipt_seq', receipt_clock(now() + interval '1 hour'))" >/dev/null
verify "$KOPIA"
check "verify: numbers running an hour ahead of the clock are not safe (exit 1)" \
	eval '[ "$RC" = 1 ] && grep -qE "^receipt numbers: not safe: numbers up to 3[56][0-9]{2}\.[0-9]{2} s ahead of the database clock" <<<"$OUT" &&
	      out_has "verify: FAILED: 1 problem(s)"'
# A receipt given out by a clock that was ahead (its number is an hour in the future), and a
# sequence set back by a data-only restore: the clock and the sequence are both behind it.
vk=$(sql_in "$KSUPER" "SELECT max(id) FROM response_versions")
future=$(sql_in "$KSUPER" "SELECT receipt_issue(now() + interval '1 hour')")
sql_in "$KSUPER" "SET session_replication_role = replica;
	UPDATE response_versions SET receipt_number = '$future' WHERE id = $vk;
	UPDATE audit_log SET detail = jsonb_set(detail, '{receipt}', to_jsonb('$future'::text))
	    WHERE action = 'response.submit' AND object_id = '$vk';
	SELECT setval('response_receipt_seq', 1)" >/dev/null
verify "$KOPIA"
check "verify: a receipt number ahead of both the clock and the sequence is not safe, named" \
	eval '[ "$RC" = 1 ] && out_has "receipt numbers: not safe: the next one could repeat $future"'
dropdb -h "$SOCK" -U postgres remissvar_kopia

# --- verify's own interface -----------------------------------------------------------------
check "remissctl verify --help describes the checks" \
	eval '"$CTL" verify --help | grep -q "canonical XML"'
"$CTL" verify extra >/dev/null 2>&1
rc=$?
check "remissctl verify with an argument is a usage error (2)" eval '[ "$rc" = 2 ]'

# --- a damaged restore fails verify, naming what is wrong -------------------------------------
# These run as the superuser of the scratch cluster, past the triggers and constraints that keep
# versions, attachments and the audit log immutable on a healthy database.
DB="host=$SOCK port=5432 user=postgres dbname=remissvar"
vid=$(sql_in "$DB" "SELECT min(id) FROM response_versions")
rcpt=$(sql_in "$DB" "SELECT receipt_number FROM response_versions WHERE id = $vid")
sql_in "$DB" "SET session_replication_role = replica;
	UPDATE response_versions SET canonical_xml = overlay(canonical_xml PLACING
	    CASE WHEN substr(canonical_xml, 60, 1) = 'x' THEN 'y' ELSE 'x' END FROM 60 FOR 1)
	    WHERE id = $vid" >/dev/null
verify "$APP"
check "one changed byte of canonical XML fails verify (exit 1)" eval '[ "$RC" = 1 ]'
check "verify names the changed version and its receipt" \
	out_has "version $vid (receipt $rcpt): the stored canonical XML hashes to"
check "verify counts one problem" out_has "verify: FAILED: 1 problem(s)"

# A version lost in the restore (the newest, R3, with its attachment): its receipt is still in
# the audit log.
lost=$(sql_in "$DB" "SELECT id FROM response_versions WHERE receipt_number = '$R3'")
sql_in "$DB" "SET session_replication_role = replica;
	DELETE FROM attachments WHERE version_id = $lost;
	DELETE FROM response_versions WHERE id = $lost" >/dev/null
verify "$APP"
check "a version missing from the restore fails verify and names its receipt" \
	eval '[ "$RC" = 1 ] && out_has "version $lost (receipt $R3): in the audit log, but the version is missing" &&
	      out_has "verify: FAILED: 2 problem(s) in $((versions + 1)) versions"'

aid=$(sql_in "$DB" "SELECT min(id) FROM attachments")
sql_in "$DB" "ALTER TABLE attachments DROP CONSTRAINT attachments_sha256_matches;
	SET session_replication_role = replica;
	UPDATE attachments SET bytes = set_byte(bytes, 0, (get_byte(bytes, 0) + 1) % 256)
	    WHERE id = $aid" >/dev/null
verify "$APP"
check "a changed attachment byte fails verify and names the attachment" \
	eval '[ "$RC" = 1 ] && out_has "attachment $aid of version" && out_has "verify: FAILED: 3 problem(s)"'

# A data-only restore that set the sequence back: the next numbers still come from the clock,
# past every number given out, so verify finds no new problem.
sql_in "$DB" "SELECT setval('response_receipt_seq', 1)" >/dev/null
verify "$APP"
check "a rewound receipt sequence is no problem: numbers come from the clock" \
	eval '[ "$RC" = 1 ] && out_has "verify: FAILED: 3 problem(s)" && ! out_has "receipt numbers:" >/dev/null'

# A version whose audit row (written in the same transaction as the receipt) is missing.
sql_in "$DB" "SET session_replication_role = replica;
	DELETE FROM audit_log WHERE action = 'response.submit' AND object_id = '$vid'" >/dev/null
verify "$APP"
check "a version without its audit receipt fails verify" \
	eval '[ "$RC" = 1 ] && out_has "version $vid (receipt $rcpt): no response.submit row in the audit log"'

verify "host=/nonexistent dbname=x"
check "verify against an unreachable database is an error (1)" eval '[ "$RC" = 1 ] && out_has "cannot connect"'

verify "$REMISS_DB"
check "the live database was not touched by any of this" eval '[ "$RC" = 0 ]'

# --- the scheduled backups: remissvar-backup, as remissvar-dump.service and
# remissvar-basebackup.service run it (as postgres, docs/systemd/) -----------------------------
SCHED=$ROOT/docs/systemd/remissvar-backup
sched() { pg_as env REMISSVAR_BACKUP_DIR="$BK" PGHOST="$SOCK" PGUSER=postgres PGBIN="$PGBIN" "$@"; }
pg_as touch -d '40 days ago' "$BK/remissvar-2000-01-01.dump"
check "remissvar-backup dump writes today's pg_dump, which pg_restore reads" \
	eval 'sched "$SCHED" dump >/dev/null && pg_restore --list "$BK/remissvar-$(date +%F).dump" >/dev/null'
check "remissvar-backup dump deletes dumps older than REMISSVAR_DUMP_DAYS" eval '[ ! -e "$BK/remissvar-2000-01-01.dump" ]'
# The base backup of section 2 becomes last week's; a new one is taken with one kept.
mv "$BASE" "$BK/base/2000-01-01"
wal_before=$(ls "$BK/wal" | grep -cE '^[0-9A-F]{24}$')
check "remissvar-backup base with REMISSVAR_BASE_KEEP=1 takes today's base backup" \
	eval 'sched env REMISSVAR_BASE_KEEP=1 "$SCHED" base >"$TMP/sched.out" && [ -s "$BASE/base.tar.gz" ] && [ -s "$BASE/backup_manifest" ]'
check "the older base backup beyond REMISSVAR_BASE_KEEP is deleted" eval '[ ! -e "$BK/base/2000-01-01" ]'
first=$(tar -xzOf "$BASE/base.tar.gz" backup_label | sed -n 's/^START WAL LOCATION: .*(file \([0-9A-F]\{24\}\)).*/\1/p')
older=$(ls "$BK/wal" | grep -E '^[0-9A-F]{24}$' | awk -v f="${first:8}" 'substr($0, 9) < f' | wc -l)
check "pg_archivecleanup pruned the WAL archive to what the kept base backup needs ($wal_before WAL files before)" \
	eval '[ -n "$first" ] && [ "$older" = 0 ] && [ "$(ls "$BK/wal" | grep -cE "^[0-9A-F]{24}$")" -lt "$wal_before" ]'
check "the WAL file the kept base backup starts with is still archived" \
	wait_until 10 test -f "$BK/wal/$first"

stopped=1
for pid in "${PIDS[@]}"; do pg_down_pid "$pid" || stopped=0; done
check "every PostgreSQL server started here stopped on SIGINT" eval '[ "$stopped" = 1 ]'

finish
