# dev/lib.sh: shared by dev/run and dev/test: packages, build, PostgreSQL, remissd, nginx.
# Source it; every function works on paths under the checkout and stops what it starts by PID.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PGBIN=/usr/lib/postgresql/15/bin
PACKAGES="build-essential autoconf automake libtool pkg-config libfcgi-dev libfcgi-bin
  libpq-dev libxml2-dev libxml2-utils libcmocka-dev nginx-light postgresql-15 curl
  clang libclang-rt-14-dev tzdata libsodium-dev libstemmer-dev libzip-dev python3 openssl mandoc gettext"

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
pg_as() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# pg_start DIR [fast]: creates (once) and starts a private cluster, unix socket in DIR only.
pg_start() {
	local dir fast=${2:-} opts
	dir=$(realpath -m "$1")
	mkdir -p "$dir"
	if [ "$(id -u)" -eq 0 ]; then chown "$(pg_os_user)" "$dir"; fi
	chmod 0700 "$dir"
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

pg_restart() { pg_as "$PGBIN/pg_ctl" -D "$1/data" -m fast -w -t 30 restart >/dev/null; }

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

# nginx_conf PREFIX PORT SOCKET: writes PREFIX/nginx.conf from nginx/dev.conf.in.
nginx_conf() {
	local prefix=$1 port=$2 sock=$3 user_line=""
	mkdir -p "$prefix/tmp" "$prefix/logs"
	# Worker processes of a root master run as nobody, who must read static files.
	if [ "$(id -u)" -eq 0 ]; then
		user_line="user nobody nogroup;"
		chown nobody "$prefix/tmp"
	fi
	sed -e "s|@PREFIX@|$prefix|g" -e "s|@PORT@|$port|g" -e "s|@SOCKET@|$sock|g" \
	    -e "s|@STATIC@|$ROOT/static|g" -e "s|@ERRORS@|$ROOT/nginx|g" \
	    -e "s|@USER_LINE@|$user_line|g" "$ROOT/nginx/dev.conf.in" >"$prefix/nginx.conf"
	nginx -t -q -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/error.log" ||
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
