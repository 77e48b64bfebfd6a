#!/usr/bin/env bash
# tests/install.sh BUILD-DIR: `make install DESTDIR=…` puts the programs, schema, static files,
# nginx site and error pages, systemd unit, manual pages and operator docs under the prefix, and
# the paths that the nginx site, the unit and remissctl name are the ones installed. Prints
# ok/not ok lines and a closing "N passed, N failed".
set -uo pipefail

BUILD=${1:?usage: install.sh BUILD-DIR}
SRC=$(cd "$(dirname "$0")/.." && pwd)
D=$(mktemp -d)
trap 'rm -rf "$D"' EXIT
. "$SRC/tests/tap.sh"

prefix=$(sed -n 's/^prefix = //p' "$BUILD/Makefile")
P=$D$prefix
check "make install DESTDIR=… succeeds" eval 'make -C "$BUILD" install DESTDIR="$D" >"$D.log" 2>&1 || { tail -20 "$D.log"; false; }'
rm -f "$D.log"

installed() { [ -f "$P/$1" ] || { echo "#   missing: $prefix/$1"; return 1; }; }
check "remissd is installed in sbin (a daemon for root to start)" eval '[ -x "$P/sbin/remissd" ]'
check "remissctl is installed in bin (validate is for anyone)" eval '[ -x "$P/bin/remissctl" ]'
check "the installed remissd runs" eval '"$P/sbin/remissd" --help >/dev/null'
for f in "$SRC"/schema/*.sql "$SRC"/schema/*.xsd; do
	[ -e "$f" ] || continue
	check "schema/${f##*/} is installed" installed "share/remissvar/schema/${f##*/}"
done
for f in "$SRC"/static/*; do
	check "static/${f##*/} is installed" installed "share/remissvar/static/${f##*/}"
done
for f in remissvar.conf errors-413.html errors-429.html errors-50x.html; do
	check "nginx/$f is installed" installed "share/remissvar/nginx/$f"
done
check "the systemd unit is installed" installed share/remissvar/systemd/remissd.service
for u in remissvar-dump.service remissvar-dump.timer remissvar-basebackup.service remissvar-basebackup.timer; do
	check "the backup unit $u is installed" installed "share/remissvar/systemd/$u"
done
for u in remissvar-mail.service remissvar-reminders.service remissvar-reminders.timer \
    remissvar-digest.service remissvar-digest.timer; do
	check "the mail unit $u is installed" installed "share/remissvar/systemd/$u"
done
check "the document reader's unit remissvar-documents.service is installed" \
	installed share/remissvar/systemd/remissvar-documents.service
check "remiss-extract (the document reader's child) is installed in libexec" eval '[ -x "$P/libexec/remiss-extract" ]'
check "remissvar-backup (the backup units' command) is installed in sbin" eval '[ -x "$P/sbin/remissvar-backup" ]'
for f in remiss-hemsjukvard.xml svar-laholm.xml; do
	check "the example $f of docs/install.md is installed" installed "share/doc/remissvar/exempel/$f"
done
check "the English message catalogue is installed where gettext looks" \
	installed share/locale/en/LC_MESSAGES/remissvar.mo
check "remissd.8 is installed" installed share/man/man8/remissd.8
check "remissctl.8 is installed" installed share/man/man8/remissctl.8
check "docs/install.md is installed" installed share/doc/remissvar/install.md
check "docs/backup.md is installed" installed share/doc/remissvar/backup.md
for d in drift scaling anvandarguide arkiv; do
	check "docs/$d.md is installed" installed share/doc/remissvar/$d.md
done

# The paths the installed files name are the installed paths (default prefix /usr/local).
if [ "$prefix" = /usr/local ]; then
	for a in $(grep -oE '(alias|root) /usr/local/[^;]*' "$P/share/remissvar/nginx/remissvar.conf" | awk '{print $2}'); do
		check "the nginx site's $a is installed" eval '[ -e "$D$a" ]'
	done
	exe=$(sed -n 's/^ExecStart=\([^ ]*\).*/\1/p' "$P/share/remissvar/systemd/remissd.service")
	check "the unit starts the installed remissd ($exe)" eval '[ -x "$D$exe" ]'
	for u in remissvar-dump remissvar-basebackup; do
		exe=$(sed -n 's/^ExecStart=\([^ ]*\).*/\1/p' "$P/share/remissvar/systemd/$u.service")
		check "$u.service runs the installed $exe" eval '[ -x "$D$exe" ]'
	done
	for u in remissvar-mail remissvar-reminders remissvar-digest remissvar-documents; do
		exe=$(sed -n 's/^ExecStart=\([^ ]*\).*/\1/p' "$P/share/remissvar/systemd/$u.service")
		check "$u.service runs the installed $exe" eval '[ -x "$D$exe" ]'
	done
	ext=$(grep -oE -- '--extract [^ ]+' "$P/share/remissvar/systemd/remissvar-documents.service" | cut -d' ' -f2)
	check "remissvar-documents.service runs the installed extractor ($ext)" eval '[ -x "$D$ext" ]'
	check "remissctl migrate's default schema directory is the installed one" \
		eval '"$P/bin/remissctl" migrate --help | grep -qF "$prefix/share/remissvar/schema"'
fi
if command -v systemd-analyze >/dev/null; then
	mkdir -p "$D/unit"
	sed "s|^ExecStart=$prefix|ExecStart=$P|" "$P/share/remissvar/systemd/remissd.service" >"$D/unit/remissd.service"
	out=$(MANPATH=$P/share/man systemd-analyze verify "$D/unit/remissd.service" 2>&1)
	check "systemd-analyze verify accepts the unit" eval '[ -z "$out" ] || { echo "$out" | sed "s/^/#   /"; false; }'
	for u in remissvar-dump remissvar-basebackup; do
		sed "s|^ExecStart=$prefix|ExecStart=$P|" "$P/share/remissvar/systemd/$u.service" >"$D/unit/$u.service"
		cp "$P/share/remissvar/systemd/$u.timer" "$D/unit/"
		out=$(systemd-analyze verify "$D/unit/$u.timer" "$D/unit/$u.service" 2>&1)
		check "systemd-analyze verify accepts $u.service and .timer" eval '[ -z "$out" ] || { echo "$out" | sed "s/^/#   /"; false; }'
	done
	sed "s|^ExecStart=$prefix|ExecStart=$P|" "$P/share/remissvar/systemd/remissvar-mail.service" >"$D/unit/remissvar-mail.service"
	out=$(systemd-analyze verify "$D/unit/remissvar-mail.service" 2>&1)
	check "systemd-analyze verify accepts remissvar-mail.service" eval '[ -z "$out" ] || { echo "$out" | sed "s/^/#   /"; false; }'
	sed "s|^ExecStart=$prefix|ExecStart=$P|" "$P/share/remissvar/systemd/remissvar-documents.service" >"$D/unit/remissvar-documents.service"
	out=$(systemd-analyze verify "$D/unit/remissvar-documents.service" 2>&1)
	check "systemd-analyze verify accepts remissvar-documents.service" eval '[ -z "$out" ] || { echo "$out" | sed "s/^/#   /"; false; }'
	for u in remissvar-reminders remissvar-digest; do
		sed "s|^ExecStart=$prefix|ExecStart=$P|" "$P/share/remissvar/systemd/$u.service" >"$D/unit/$u.service"
		cp "$P/share/remissvar/systemd/$u.timer" "$D/unit/"
		out=$(systemd-analyze verify "$D/unit/$u.timer" "$D/unit/$u.service" 2>&1)
		check "systemd-analyze verify accepts $u.service and .timer" eval '[ -z "$out" ] || { echo "$out" | sed "s/^/#   /"; false; }'
	done
else
	# A check that skips for want of a tool is no check: dev/test installs it.
	notok "systemd-analyze is installed (Debian's systemd; dev/test installs it: need_test_packages in dev/lib.sh)"
fi

check "make uninstall removes every installed file" \
	eval 'make -C "$BUILD" uninstall DESTDIR="$D" >/dev/null 2>&1 && [ -z "$(find "$D$prefix" -type f)" ]'

finish
