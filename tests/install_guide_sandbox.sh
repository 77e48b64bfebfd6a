#!/usr/bin/env bash
# tests/install_guide_sandbox.sh DIR: the sandbox of tests/install_guide.sh, run by it as PID 1
# of new mount, PID and network namespaces (unshare). Builds a root from an overlay of / (writes
# in a tmpfs), makes it look like a fresh Debian 12 after the guide's apt-get line, runs
# DIR/guide.sh in it (chroot), then checks the running service and runs remissctl.8's examples.
# Every process in it ends when it returns; every mount is in its own namespace. Prints ok/not ok
# lines for its own checks; the guide's per-block output and progress go to DIR/logs.
set -uo pipefail

V=${1:?usage: install_guide_sandbox.sh DIR}
M=$V/m			# a tmpfs: the overlay's upper layer and the root
R=$M/root
T=/opt/guide-test	# inside the root: the runner, shims, per-block output
PW='Provlösenord-för-installationen'

ok()    { echo "ok $1"; }
notok() { echo "not ok $1"; [ -n "${2:-}" ] && printf '#   %s\n' "$2"; }
check() { local name=$1; shift; if "$@"; then ok "$name"; else notok "$name" "command: $*"; fi; }
in_root() { chroot "$R" /usr/bin/env -i PATH="$T/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
	HOME=/root USER=root LANG=C.UTF-8 TERM=dumb "$@"; }
die() { echo "sandbox: $*" >&2; exit 1; }

mkdir -p "$M"
mount -t tmpfs -o size=8g,mode=0755 guide-test "$M" || die "tmpfs"
mkdir -p "$M/upper" "$M/work" "$R"
mount -t overlay guide-test-root -o "lowerdir=/,upperdir=$M/upper,workdir=$M/work" "$R" || die "overlay of /"
mount -t proc proc "$R/proc"
mount --rbind /dev "$R/dev"
mount -t tmpfs -o mode=1777 shm "$R/dev/shm"
mount --rbind /sys "$R/sys"
# Fresh where this machine has its own: the operator's home, run-time and temporary files,
# /usr/local (where the guide installs), PostgreSQL's clusters and their logs.
for d in /root /run /tmp /usr/local /etc/postgresql /var/lib/postgresql /var/log/postgresql; do
	mkdir -p "$R$d"
	mount -t tmpfs -o mode=0755 guide-test "$R$d"
done
chmod 0700 "$R/root"
chmod 1777 "$R/tmp"
# Debian's /usr/local skeleton (base-files; ca-certificates adds its directory).
for d in bin etc games include lib sbin share/man src share/ca-certificates; do mkdir -p "$R/usr/local/$d"; done
ln -s share/man "$R/usr/local/man"
ip link set lo up

# --- a fresh Debian 12 after `apt-get install … postgresql-15 nginx-light …` -----------------
# The packages' maintainer scripts create and start the cluster 15/main and start nginx with
# its default site; the machine's own cluster and users of PostgreSQL are not seen.
install -d -o postgres -g postgres -m 2775 "$R/run/postgresql"
install -d -o postgres -g postgres -m 0755 "$R/var/lib/postgresql"
chown postgres:postgres "$R/var/log/postgresql"
in_root pg_createcluster 15 main >"$V/logs/pg_createcluster.log" 2>&1 || die "pg_createcluster"
in_root pg_ctlcluster 15 main start >>"$V/logs/pg_createcluster.log" 2>&1 || die "cluster start"
in_root nginx >"$V/logs/nginx-start.log" 2>&1 || die "nginx start"

# --- what the operator provides: DNS and a certificate -----------------------------------------
echo "127.0.0.1 remissvar.example.se" >>"$R/etc/hosts"
C=$R$T/ca
mkdir -p "$C" "$R$T/bin" "$R$T/out" "$R$T/units"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Guide Test CA" \
	-keyout "$C/ca.key" -out "$C/ca.pem" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=remissvar.example.se" \
	-keyout "$C/site.key" -out "$C/site.csr" 2>/dev/null
printf 'subjectAltName=DNS:remissvar.example.se\nbasicConstraints=CA:FALSE\n' >"$C/ext"
openssl x509 -req -in "$C/site.csr" -CA "$C/ca.pem" -CAkey "$C/ca.key" -CAcreateserial \
	-days 2 -extfile "$C/ext" -out "$C/site.pem" 2>/dev/null
install -m 0644 "$C/site.pem" "$R/etc/ssl/certs/remissvar.pem"
install -m 0600 "$C/site.key" "$R/etc/ssl/private/remissvar.key"
install -m 0644 "$C/ca.pem" "$R/etc/ssl/certs/remissvar-chain.pem"
install -m 0644 "$C/ca.pem" "$R/usr/local/share/ca-certificates/guide-test-ca.crt"
in_root update-ca-certificates >/dev/null 2>&1 || die "update-ca-certificates"
rm -f "$R/usr/local/share/ca-certificates/guide-test-ca.crt"	# /usr/local as make install finds it

# --- shims for what needs systemd or the network ----------------------------------------------
# apt-get: update does nothing (no network here); install checks that each package is installed
# (tests/install_guide.sh checks that the list is complete for a fresh machine).
cat >"$R$T/bin/apt-get" <<'EOF'
#!/bin/sh
case $1 in
update) echo "apt-get update: (guide test: no network; part 1 checks the packages)"; exit 0 ;;
install) shift ;;
*) echo "apt-get $1: not emulated" >&2; exit 1 ;;
esac
rc=0
for p in "$@"; do
	case $p in -*) continue ;; esac
	if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		echo "$p is already the newest version"
	else
		echo "E: $p is not installed on the test machine (add it to dev/lib.sh PACKAGES)" >&2
		rc=100
	fi
done
exit $rc
EOF
# systemctl: the units of /etc/systemd/system started as systemd would start them.
cat >"$R$T/bin/systemctl" <<'EOF'
#!/bin/bash
# systemctl emulation for tests/install_guide.sh (no systemd in the sandbox).
S=/opt/guide-test/units
unit_file() { local u=$1; [[ $u == *.* ]] || u=$u.service; echo "/etc/systemd/system/$u"; }
key() { sed -n "s/^$1=//p" "$2"; }
running() { [ -f "$S/$1.pid" ] && kill -0 "$(cat "$S/$1.pid")" 2>/dev/null; }
start_service() {
	local name=$1 f user group env umask exec rtdir rtmode
	f=$(unit_file "$name"); name=${name%.service}
	[ -f "$f" ] || { echo "Unit $name.service not found." >&2; return 5; }
	user=$(key User "$f") group=$(key Group "$f") umask=$(key UMask "$f")
	env=$(key EnvironmentFile "$f") exec=$(key ExecStart "$f")
	rtdir=$(key RuntimeDirectory "$f") rtmode=$(key RuntimeDirectoryMode "$f")
	if [ -n "$rtdir" ]; then
		install -d -m "${rtmode:-0755}" -o "${user:-root}" -g "${group:-root}" "/run/$rtdir"
	fi
	(
		[ -n "$umask" ] && umask "$umask"
		set -a
		[ -n "$env" ] && . "$env"
		for e in $(key Environment "$f"); do export "$e"; done
		set +a
		eval "set -- $exec"
		if [ "$(key Type "$f")" = oneshot ]; then
			exec setpriv --reuid="${user:-root}" --regid="${group:-root}" --clear-groups -- "$@"
		fi
		setpriv --reuid="${user:-root}" --regid="${group:-root}" --clear-groups -- "$@" \
			>>"$S/$name.log" 2>&1 &
		echo $! >"$S/$name.pid"
	) || return 1
	[ "$(key Type "$f")" = oneshot ] && return 0
	sleep 0.5
	running "$name" || { echo "Job for $name.service failed." >&2; tail -5 "$S/$name.log" >&2; return 1; }
}
stop_service() {
	local name=${1%.service} i rtdir
	running "$name" || return 0
	kill -TERM "$(cat "$S/$name.pid")"
	for ((i = 0; i < 300; i++)); do running "$name" || break; sleep 0.1; done
	rm -f "$S/$name.pid"
	rtdir=$(key RuntimeDirectory "$(unit_file "$name")")
	if [ -n "$rtdir" ]; then
		# What the service left in its directory, before systemd removes it.
		ls -A "/run/$rtdir" >"$S/$name.leftover"
		rm -rf "/run/$rtdir"
	fi
	return 0
}
enable_timer() {
	local t=$1 f svc
	f=$(unit_file "$t"); svc=$(unit_file "${t%.timer}.service")
	[ -f "$f" ] && [ -f "$svc" ] || { echo "Unit $t not found." >&2; return 5; }
	if command -v systemd-analyze >/dev/null; then
		systemd-analyze verify "$f" "$svc" || return 1
	fi
	echo "$t" >>"$S/timers"
	echo "Created symlink /etc/systemd/system/timers.target.wants/$t → $f."
}
cmd=$1; shift
now=0
[ "${1:-}" = --now ] && { now=1; shift; }
case $cmd:$1 in
daemon-reload:*) exit 0 ;;
*:nginx|*:nginx.service)
	case $cmd in reload) exec nginx -s reload ;; restart) nginx -s stop; sleep 0.5; exec nginx ;;
	status) pgrep -x nginx >/dev/null ;; *) exit 1 ;; esac ;;
*:postgresql@15-main*|*:postgresql|*:postgresql.service)
	case $cmd in status) exec pg_ctlcluster 15 main status ;; *) exec pg_ctlcluster 15 main "$cmd" ;; esac ;;
enable:*.timer) enable_timer "$1" ;;
enable:*) [ -f "$(unit_file "$1")" ] || exit 5; [ "$now" = 1 ] && start_service "$1"; exit $? ;;
start:*) start_service "$1" ;;
stop:*) stop_service "$1" ;;
restart:*) stop_service "$1" && start_service "$1" ;;
reload:*) running "${1%.service}" && kill -HUP "$(cat "$S/${1%.service}.pid")" ;;
status:*) if running "${1%.service}"; then echo "● $1 - active (running), PID $(cat "$S/${1%.service}.pid")"; else echo "● $1 - inactive (dead)"; exit 3; fi ;;
list-timers:*) cat "$S/timers" 2>/dev/null ;;
*) echo "systemctl $cmd: not emulated" >&2; exit 1 ;;
esac
EOF
chmod 0755 "$R$T/bin/apt-get" "$R$T/bin/systemctl"
cp "$V/guide.sh" "$R$T/guide.sh"
cp "$V"/remissvar-*.tar.gz "$R/root/"

# --- the guide ----------------------------------------------------------------------------------
# The operator types the same password at every prompt (remissctl user add reads one line when
# standard input is not a terminal).
yes "$PW" | in_root timeout 1500 bash "$T/guide.sh" >"$V/logs/guide.out" 2>&1
guide_rc=${PIPESTATUS[1]}
cp -r "$R$T/out" "$V/logs/"
cp "$R$T/done" "$V/logs/done" 2>/dev/null
cp "$R$T/units/"*.log "$V/logs/" 2>/dev/null

# --- the service the guide set up ------------------------------------------------------------
if [ "$guide_rc" = 0 ]; then
	# Names as the sandbox's /etc/passwd and /etc/group have them (remissvar is not this machine's).
	ids="$(in_root id -u remissvar) $(in_root getent group www-data | cut -d: -f3)"
	check "remissd runs as remissvar:www-data" \
		eval '[ "$(ps -o uid=,gid= -p "$(cat "$R$T/units/remissd.pid")" | tr -s " " | sed "s/^ //")" = "$ids" ]'
	check "its socket is remissvar:www-data 0660, in /run/remissd 0750" \
		eval '[ "$(in_root stat -c "%U:%G %a" /run/remissd/remissd.sock)" = "remissvar:www-data 660" ] &&
		      [ "$(in_root stat -c "%U:%G %a" /run/remissd)" = "remissvar:www-data 750" ]'
	check "https://remissvar.example.se/healthz answered ok through nginx" grep -qx ok "$V/logs/out/$(grep -l healthz "$V"/blocks/[0-9]*.sh | head -1 | xargs basename | cut -d. -f1).log"
	api=$(grep -l 'api/v1/remisser' "$V"/blocks/[0-9]*.sh | head -1 | xargs basename | cut -d. -f1)
	check "the kommun's API upload was answered 201 with a receipt" \
		eval 'grep -qx 201 "$V/logs/out/$api.log" && grep -qE "<kvittens [^>]*nummer=\"[0-9]{4}-[0-9]{6,12}\"" "$V/logs/out/$api.log"'
	check "the answer is stored for Laholms kommun" \
		eval '[ "$(in_root runuser -u postgres -- psql -d remissvar -XAtc "SELECT count(*) FROM response_versions v JOIN responses r ON r.id = v.response_id JOIN organisations o ON o.id = r.org_id WHERE o.name = '"'Laholms kommun'"' AND v.channel = '"'xml'"'")" = 1 ]'
	check "the nightly dump timer is enabled and its first dump was written" \
		eval 'grep -qx remissvar-dump.timer "$R$T/units/timers" && [ -s "$R/var/backups/remissvar/remissvar-$(date +%F).dump" ]'

	# remissctl.8's EXAMPLES, as root, in the shell the guide left (its files in /root): a
	# remiss file and a response file, and remissvar_test restored from the nightly dump as
	# docs/backup.md restores it.
	cp "$R/usr/local/share/doc/remissvar/exempel/remiss-hemsjukvard.xml" "$R/root/remiss.xml"
	cp "$R/usr/local/share/doc/remissvar/exempel/svar-laholm.xml" "$R/root/svar.xml"
	in_root runuser -u postgres -- createdb -O remissvar remissvar_test >/dev/null &&
	in_root runuser -u postgres -- pg_restore -d remissvar_test --no-owner --role=remissvar \
		--exit-on-error "/var/backups/remissvar/remissvar-$(date +%F).dump" >/dev/null ||
		notok "remissvar_test restored from the nightly dump (for remissctl.8's last example)"
	for f in "$V"/blocks/man-*.sh; do
		n=$(basename "$f" .sh)
		cp "$f" "$R$T/$n.sh"
		first=$(head -1 "$f" | cut -c1-60)
		# The function of the first example stays defined for the others.
		cat "$V"/blocks/man-1.sh >"$R$T/$n.run"
		[ "$n" = man-1 ] || cat "$f" >>"$R$T/$n.run"
		yes "$PW" | in_root bash -ec "cd /root; . $T/$n.run" >"$V/logs/$n.log" 2>&1
		if [ "${PIPESTATUS[1]}" = 0 ]; then
			ok "remissctl.8 example runs as root: $first"
		else
			notok "remissctl.8 example runs as root: $first" "$(tail -3 "$V/logs/$n.log" | sed '2,$s/^/#   /')"
		fi
	done
	check "remissctl.8's verify example found the restored copy intact" grep -q "^verify: ok" "$V"/logs/man-*.log

	# systemctl stop remissd removes the socket (and systemd its directory).
	pid=$(cat "$R$T/units/remissd.pid")
	in_root systemctl stop remissd
	check "systemctl stop remissd stops it, and remissd removed its socket itself" \
		eval '! kill -0 "$pid" 2>/dev/null &&
		      [ -f "$R$T/units/remissd.leftover" ] && [ ! -s "$R$T/units/remissd.leftover" ]'
else
	notok "the guide ran to its end (exit $guide_rc; see var/install-guide/logs)"
fi
exit 0
