# dev/lib.sh: shared by dev/run and dev/test: packages, build, PostgreSQL, remissd, nginx.
# Source it; every function works on paths under the checkout and stops what it starts by PID.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PGBIN=/usr/lib/postgresql/15/bin
PACKAGES="build-essential autoconf automake libtool pkg-config libfcgi-dev libfcgi-bin
  libpq-dev libxml2-dev libxml2-utils libcmocka-dev nginx-light postgresql-15 curl
  clang libclang-rt-14-dev tzdata libsodium-dev libstemmer-dev libzip-dev python3 openssl mandoc gettext
  libcurl4-openssl-dev python3-aiosmtpd
  libxlsxwriter-dev libpoppler-glib-dev libcairo2-dev libpango1.0-dev librsvg2-dev
  fonts-dejavu-core fonts-liberation2"

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Installs the Debian packages that are missing (apt-get update only if needed).
need_packages() {
	local missing=() p
	for p in $PACKAGES; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
			missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	say "installing ${missing[*]}"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		--no-install-recommends "${missing[@]}" >/dev/null
}

# What the test suites use beyond the build, installed by dev/test so that no check skips
# for want of a tool: LibreOffice converts the ODT and HTML exports to PDF and pdftotext
# reads them back (tests/integration/exports.sh); systemd-analyze checks the unit
# (tests/install.sh); python-docx and openpyxl read the DOCX and XLSX exports back
# (tests/export/docx_check.py, xlsx_check.py).
TEST_PACKAGES="libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-dejavu-core systemd
  python3-docx python3-openpyxl"
need_test_packages() { PACKAGES=$TEST_PACKAGES need_packages; }

# Installs what the browser tests need when missing: Debian's chromium, Node.js and npm
# (the machine's own when present), and tests/e2e's npm packages from its package-lock.json.
need_browser_tools() {
	local missing=()
	[ -x /usr/bin/chromium ] || missing+=(chromium)
	command -v node >/dev/null || missing+=(nodejs)
	command -v npm >/dev/null || missing+=(npm)
	if [ ${#missing[@]} -gt 0 ]; then
		say "installing ${missing[*]}"
		as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends "${missing[@]}" >/dev/null || return 1
	fi
	local e2e=$ROOT/tests/e2e
	if [ ! -d "$e2e/node_modules/playwright-core" ] || [ ! -d "$e2e/node_modules/axe-core" ] ||
	   [ "$e2e/package-lock.json" -nt "$e2e/node_modules/.package-lock.json" ]; then
		say "npm ci in tests/e2e"
		(cd "$e2e" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || return 1
	fi
}

# build DIR CONFIGURE-ARGS...: out-of-tree build in DIR (reconfigures when the args change).
build() {
	local dir=$1; shift
	if [ ! -x "$ROOT/configure" ] || [ "$ROOT/configure.ac" -nt "$ROOT/configure" ] ||
	   [ "$ROOT/Makefile.am" -nt "$ROOT/configure" ]; then
		say "autoreconf"
		(cd "$ROOT" && autoreconf -fi >/dev/null 2>&1) || (cd "$ROOT" && autoreconf -fi) || die "autoreconf failed"
	fi
	mkdir -p "$dir"
	if [ ! -f "$dir/Makefile" ] || [ "$(cat "$dir/.configure-args" 2>/dev/null)" != "$*" ] ||
	   [ "$ROOT/configure" -nt "$dir/Makefile" ]; then
		say "configure $*"
		(cd "$dir" && "$ROOT/configure" "$@" >configure.out) || { cat "$dir/config.log" | tail -30; die "configure failed"; }
		printf '%s' "$*" >"$dir/.configure-args"
	fi
	say "make in ${dir#$ROOT/}"
	make -C "$dir" -j"$(nproc)" >/dev/null || make -C "$dir" || die "build failed"
}

# The OS user that runs PostgreSQL: never root (initdb refuses it).
pg_os_user() { if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi; }
# As postgres from /, since it may not enter the directory we are in (paths given are absolute).
pg_as() { if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

# Where the parts of a stack live that other OS users must reach when we run as root:
# PostgreSQL runs as postgres and nginx's workers as nobody, and a checkout may sit where
# neither may enter (root's home is 0700). As root, each such directory is made under
# SHARED_BASE and its path in the checkout is a symlink to it. /var/lib rather than /var/tmp:
# Debian deletes files older than 30 days from /var/tmp, which would corrupt a cluster that
# was left alone for a month. `rm -rf /var/lib/remissvar-dev` (with no stack running) only
# costs the next start a fresh cluster.
SHARED_BASE=/var/lib/remissvar-dev

# shared_dir DIR MODE [OWNER]: makes DIR a directory that postgres and nobody can reach and
# prints its real path: the path to give anything that runs as another user (the symlink's
# path only works for root). Not as root: DIR itself. As root: SHARED_BASE/HASH-NAME, HASH
# from DIR's path (each checkout and each directory its own), and DIR a symlink to it. A DIR
# that already is that symlink keeps its contents; a missing one (a test directory removed
# with rm -rf) gets a fresh directory; a real directory (var/ from before) is moved there.
shared_dir() {
	local dir=$1 mode=$2 owner=${3:-} path real
	if [ "$(id -u)" -ne 0 ]; then
		mkdir -p "$dir" && chmod "$mode" "$dir" && realpath "$dir"
		return
	fi
	mkdir -p "$(dirname "$dir")" || return 1
	path=$(realpath "$(dirname "$dir")")/$(basename "$dir")
	real=$SHARED_BASE/$(printf '%s' "$path" | sha256sum | cut -c1-12)-$(basename "$dir")
	if [ ! -L "$dir" ] || [ "$(readlink "$dir")" != "$real" ] || [ ! -d "$real" ]; then
		mkdir -p "$SHARED_BASE" && chmod 0711 "$SHARED_BASE" || return 1
		# A postmaster left in the directory about to be emptied (its runner was killed
		# with SIGKILL) would otherwise run on without its files.
		pg_stop "$real"
		rm -rf "$real" || return 1
		if [ -d "$dir" ] && [ ! -L "$dir" ]; then
			mv "$dir" "$real" || return 1
		else
			rm -f "$dir" && mkdir "$real" || return 1
		fi
		ln -s "$real" "$dir" || return 1
	fi
	if [ -n "$owner" ]; then chown "$owner" "$real" || return 1; fi
	chmod "$mode" "$real" && echo "$real"
}

# pg_start DIR [fast]: creates (once) and starts a private cluster, unix socket in DIR only.
# DIR is a shared_dir (postgres must reach it); its symlink's path works for root's clients.
pg_start() {
	local dir fast=${2:-} opts
	dir=$(shared_dir "$1" 0700 "$(pg_os_user)") ||
		die "cannot make $1 a directory that $(pg_os_user) can reach (under $SHARED_BASE)"
	if [ ! -f "$dir/data/PG_VERSION" ]; then
		say "initdb $dir/data"
		pg_as "$PGBIN/initdb" -D "$dir/data" -U remiss -A trust -E UTF8 \
			--locale=C.UTF-8 >/dev/null || die "initdb failed"
	fi
	opts="-k $dir -c listen_addresses= -p 5432 -c unix_socket_permissions=0700"
	[ "$fast" = fast ] && opts="$opts -F -c synchronous_commit=off"
	if ! pg_as "$PGBIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
		pg_as "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/postgresql.log" -o "$opts" -w -t 30 start >/dev/null ||
			{ tail -20 "$dir/postgresql.log"; die "PostgreSQL did not start"; }
	fi
	psql -h "$dir" -U remiss -d postgres -qAtc "SELECT 1 FROM pg_database WHERE datname = 'remiss'" | grep -q 1 ||
		createdb -h "$dir" -U remiss remiss || die "createdb failed"
}

# pg_restart DIR, pg_stop DIR: by the real path, which postgres can reach.
pg_restart() { pg_as "$PGBIN/pg_ctl" -D "$(realpath -m "$1")/data" -m fast -w -t 30 restart >/dev/null; }

# pg_stop DIR: a fast shutdown; if pg_ctl gives up, the postmaster of the pid file is killed.
# Never fails, so that a cleanup goes on to its next step.
pg_stop() {
	local data pid i
	data=$(realpath -m "$1")/data
	pid=$(head -1 "$data/postmaster.pid" 2>/dev/null) || pid=
	[[ $pid =~ ^[0-9]+$ ]] || return 0
	pg_as "$PGBIN/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null 2>&1 && return 0
	# Only while the PID is still a postmaster of this data directory.
	for ((i = 0; i < 50; i++)); do
		pg_is_ours "$pid" "$data" || return 0
		kill -QUIT "$pid" 2>/dev/null || true
		sleep 0.1
	done
	if pg_is_ours "$pid" "$data"; then kill -KILL "$pid" 2>/dev/null || true; fi
	return 0
}

# pg_is_ours PID DATA-DIR: true while PID is a postmaster started with -D DATA-DIR.
pg_is_ours() { tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline" | grep -qF -- "-D $2 "; }

pg_conninfo() { echo "host=$1 port=5432 user=remiss dbname=remiss"; }

# nginx_conf PREFIX PORT SOCKET: writes PREFIX/nginx.conf from nginx/dev.conf.in. PREFIX is a
# shared_dir: a root master's workers run as nobody, who must reach its temp directories and
# the remissd socket (given by its real path), and read the static files and error pages:
# those of the checkout when nobody can, else a copy in PREFIX made now (NGINX_STATIC says
# which; edits to static/ then show after the next start).
nginx_conf() {
	local prefix=$1 port=$2 sock=$3 real user_line="" errors=$ROOT/nginx
	real=$(shared_dir "$prefix" 0711) || die "cannot make $prefix a directory that nobody can reach"
	NGINX_STATIC=$ROOT/static
	mkdir -p "$real/tmp" "$real/logs"
	if [ "$(id -u)" -eq 0 ]; then
		user_line="user nobody nogroup;"
		chown nobody "$real/tmp"
		if [ -n "$(cd / && runuser -u nobody -- find "$ROOT/static" "$ROOT/nginx" \
		      \( ! -readable -o -type d ! -executable \) -print -quit 2>&1)" ]; then
			rm -rf "$real/static" "$real/errors"
			cp -R "$ROOT/static" "$real/static" && mkdir "$real/errors" &&
				cp "$ROOT"/nginx/errors-*.html "$real/errors/" &&
				chmod -R a+rX "$real/static" "$real/errors" || die "cannot copy static/ to $real"
			NGINX_STATIC=$real/static errors=$real/errors
		fi
	fi
	sock=$(realpath -m "$sock")
	sed -e "s|@PREFIX@|$real|g" -e "s|@PORT@|$port|g" -e "s|@SOCKET@|$sock|g" \
	    -e "s|@STATIC@|$NGINX_STATIC|g" -e "s|@ERRORS@|$errors|g" \
	    -e "s|@USER_LINE@|$user_line|g" "$ROOT/nginx/dev.conf.in" >"$real/nginx.conf"
	nginx -t -q -p "$real" -c "$real/nginx.conf" -e "$real/error.log" ||
		die "nginx configuration test failed"
}

# nginx_listen PREFIX FIRST-PORT SOCKET: writes PREFIX/nginx.conf and starts nginx (daemon off,
# in the background) on the first port from FIRST-PORT that it can bind; sets NGINX_PORT and
# NGINX_PID. Another stack (another checkout's tests) may take a port between port_free and
# nginx's bind; that nginx then exits after its own retries without writing its pid file, and
# the next port is tried. Callers send no request before this returns: a request sent while
# our nginx has not bound yet would reach the other stack, which then serves two test runs at
# once (seen as doubled /metrics counts and another run's edits to the draft).
nginx_listen() {
	local prefix=$1 port=$2 sock=$3 try i
	NGINX_PID= NGINX_PORT=
	for try in $(seq 20); do
		while ! port_free "$port"; do port=$((port + 1)); done
		nginx_conf "$prefix" "$port" "$sock"
		rm -f "$prefix/nginx.pid"
		nginx -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/error.log" -g 'daemon off;' &
		NGINX_PID=$!
		# nginx writes its pid file only after it has bound every listening socket.
		for ((i = 0; i < 150; i++)); do
			if [ "$(cat "$prefix/nginx.pid" 2>/dev/null)" = "$NGINX_PID" ]; then
				NGINX_PORT=$port
				return 0
			fi
			kill -0 "$NGINX_PID" 2>/dev/null || break
			sleep 0.1
		done
		kill "$NGINX_PID" 2>/dev/null || true
		wait "$NGINX_PID" 2>/dev/null || true
		say "nginx could not listen on $port (try $try), trying the next port"
		NGINX_PID= port=$((port + 1))
	done
	return 1
}

# mail_start DIR: starts tests/mail/smtpd.py (a real SMTP server on 127.0.0.1, run by Debian's
# python3, which has aiosmtpd) delivering into
# DIR/new; sets MAIL_PORT and MAIL_PID. DIR/mode switches it to refusing ("tempfail",
# "permfail") and back ("accept"). mail_stop stops it by its PID.
mail_start() {
	local dir=$1
	mkdir -p "$dir"
	rm -f "$dir/port"
	/usr/bin/python3 "$ROOT/tests/mail/smtpd.py" --dir "$dir" --port "$(port_base 12525)" \
		--pidfile "$dir/pid" --portfile "$dir/port" >>"$dir/log" 2>&1 &
	MAIL_PID=$!
	local i
	for ((i = 0; i < 100; i++)); do
		[ -s "$dir/port" ] && { MAIL_PORT=$(cat "$dir/port"); return 0; }
		kill -0 "$MAIL_PID" 2>/dev/null || break
		sleep 0.1
	done
	say "the SMTP server did not start: $(tail -3 "$dir/log" 2>/dev/null)"
	return 1
}
mail_stop() { [ -z "${MAIL_PID:-}" ] || stop_pid "$MAIL_PID"; MAIL_PID=; }

# port_free PORT: true if nothing listens on 127.0.0.1:PORT.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# port_base BASE: the first port a test stack tries. REMISS_PORT_OFFSET moves every stack's
# ports, so that test runs in several checkouts at once do not race for the same port.
port_base() { echo $(($1 + ${REMISS_PORT_OFFSET:-0})); }

# wait_http URL [SECONDS]: waits until URL answers 200.
wait_http() {
	local url=$1 t=${2:-30} i
	for ((i = 0; i < t * 10; i++)); do
		[ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ] && return 0
		sleep 0.1
	done
	return 1
}

# stop_pid PIDFILE-OR-PID [SECONDS]: SIGTERM, wait, then SIGKILL. Never fails, so that a
# cleanup (even one under set -e) goes on to its next step: a pid file that is missing, or that
# its process removes as it exits (remissd and nginx do on Ctrl-C) between the test and the
# read, stops nothing. A caller that knows the PID ($!) should pass it: it is waited for even
# when the process has already removed its pid file.
stop_pid() {
	local pid=$1 t=${2:-15} i
	if [[ ! $pid =~ ^[0-9]+$ ]]; then
		pid=$(cat -- "$pid" 2>/dev/null) || pid=
		[[ $pid =~ ^[0-9]+$ ]] || return 0
	fi
	kill -TERM "$pid" 2>/dev/null || return 0
	for ((i = 0; i < t * 10; i++)); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.1
	done
	kill -KILL "$pid" 2>/dev/null || true
	return 0
}
