#!/usr/bin/env bash
# tests/integration/nginx_prod.sh [TMP-PARENT]: checks the production site config
# nginx/remissvar.conf. A copy with its certificate, socket, share-dir, log paths and ports
# rewritten (self-signed certificate, free 127.0.0.1 ports) is included in a minimal
# nginx.conf in a temporary directory under TMP-PARENT (default /tmp); nginx -t must accept
# it, and a running nginx must redirect http to https, send HSTS without its version, speak
# only TLS 1.2 and 1.3, and rate limit POST /logga-in (never GET) with the bilingual 429
# page. No remissd runs: requests that pass the limits get a 502 from the 50x page.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

PARENT=${1:-/tmp}
D= NGINX_PID=

stop_nginx() {
	[ -n "$NGINX_PID" ] || return 0
	stop_pid "$NGINX_PID" 5
	wait "$NGINX_PID" 2>/dev/null
	NGINX_PID=
}
cleanup() {
	stop_nginx
	[ -n "$D" ] && rm -rf -- "$D"
}
trap cleanup EXIT

# --- prerequisites --------------------------------------------------------
missing=
for tool in nginx openssl curl; do
	command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
	for tool in $missing; do notok "$tool is installed" "apt-get install -y nginx-light openssl curl"; done
	finish
fi

D=$(mktemp -d "$PARENT/nginx_prod.XXXXXX") || { D=; notok "temporary directory under $PARENT"; finish; }
# nginx's workers (nobody when run as root) must reach the temp paths in here.
chmod 0711 "$D"
mkdir -p "$D/tmp"
cp /etc/nginx/fastcgi_params "$D/fastcgi_params" # "include fastcgi_params" is relative to nginx.conf
# The share directory as make install lays it out; a copy, since the workers may not be able
# to enter the checkout (one in root's home).
mkdir -p "$D/share" && cp -R "$ROOT/static" "$ROOT/nginx" "$D/share/" && chmod -R a+rX "$D/share"

HTTPS_PORT=$(port_base 18443)
while ! port_free "$HTTPS_PORT"; do HTTPS_PORT=$((HTTPS_PORT + 1)); done
HTTP_PORT=$(port_base 18081)
while ! port_free "$HTTP_PORT" || [ "$HTTP_PORT" = "$HTTPS_PORT" ]; do HTTP_PORT=$((HTTP_PORT + 1)); done
HTTPS=https://127.0.0.1:$HTTPS_PORT
HTTP=http://127.0.0.1:$HTTP_PORT

check "self-signed certificate is generated" \
	openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
	-keyout "$D/key.pem" -out "$D/cert.pem" 2>"$D/openssl.log"
[ -s "$D/cert.pem" ] || { sed 's/^/#   /' "$D/openssl.log"; finish; }

# --- the rewritten copy and a minimal nginx.conf --------------------------
sed -e "s#/etc/ssl/certs/remissvar.pem#$D/cert.pem#" \
	-e "s#/etc/ssl/private/remissvar.key#$D/key.pem#" \
	-e "s#/etc/ssl/certs/remissvar-chain.pem#$D/cert.pem#" \
	-e "s#unix:/run/remissd/remissd.sock#unix:$D/remissd.sock#" \
	-e "s#/usr/local/share/remissvar/#$D/share/#" \
	-e "s#/var/log/nginx/remissvar.access.log#$D/access.log#" \
	-e '/^[[:space:]]*listen \[::\]/d' \
	-e "s#listen 80;#listen 127.0.0.1:$HTTP_PORT;#" \
	-e "s#listen 443 ssl http2;#listen 127.0.0.1:$HTTPS_PORT ssl http2;#" \
	-e "s#return 301 https://\$host\$request_uri;#return 301 https://\$host:$HTTPS_PORT\$request_uri;#" \
	"$ROOT/nginx/remissvar.conf" >"$D/remissvar.conf"
# Anything left pointing at the production system means remissvar.conf changed under the
# sed above and this test would no longer test what it says.
leftover=$(grep -nE '^[^#]*(/etc/ssl|/run/remissd|/usr/local/share|/var/log|listen (80|443)[ ;])' "$D/remissvar.conf")
check "every production path and port is rewritten in the test copy" [ -z "$leftover" ]
# Never start nginx on the production ports or paths.
[ -n "$leftover" ] && { printf '#   %s\n' "$leftover"; finish; }

user_line=
[ "$(id -u)" = 0 ] && user_line='user nobody nogroup;'
cat >"$D/nginx.conf" <<EOF
$user_line
worker_processes 1;
pid $D/nginx.pid;
error_log $D/error.log info;
events {
	worker_connections 256;
}
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	access_log $D/access.log;
	client_body_temp_path $D/tmp/body;
	fastcgi_temp_path $D/tmp/fastcgi;
	proxy_temp_path $D/tmp/proxy;
	uwsgi_temp_path $D/tmp/uwsgi;
	scgi_temp_path $D/tmp/scgi;
	include $D/remissvar.conf;
}
EOF

if nginx -t -p "$D" -c "$D/nginx.conf" -e "$D/error.log" >"$D/t.log" 2>&1; then
	ok "nginx -t accepts the production config"
else
	notok "nginx -t accepts the production config"
	sed 's/^/#   /' "$D/t.log"
	finish
fi

# --- start nginx ----------------------------------------------------------
nginx -p "$D" -c "$D/nginx.conf" -e "$D/error.log" -g 'daemon off;' 2>>"$D/error.log" &
NGINX_PID=$!
started() {
	local i
	for ((i = 0; i < 50; i++)); do
		kill -0 "$NGINX_PID" 2>/dev/null || return 1
		port_free "$HTTPS_PORT" || return 0
		sleep 0.1
	done
	return 1
}
if started; then
	ok "nginx starts"
else
	notok "nginx starts"
	tail -n 20 "$D/error.log" | sed 's/^/#   /'
	finish
fi

C=(curl -s --max-time 5)
CK=(curl -sk --max-time 5)

# --- http -> https --------------------------------------------------------
got=$("${C[@]}" -o /dev/null -w '%{http_code} %{redirect_url}' "$HTTP/logga-in?a=1")
check "http answers 301 to the same URL on https" [ "$got" = "301 $HTTPS/logga-in?a=1" ]
[ "$got" = "301 $HTTPS/logga-in?a=1" ] || echo "#   got: $got"

# --- static file, headers, http2 ------------------------------------------
got=$("${CK[@]}" -D "$D/h" -o "$D/b" -w '%{http_code} %{http_version}' "$HTTPS/static/remiss.css")
tr -d '\r' <"$D/h" >"$D/headers"
check "GET /static/remiss.css is 200 with the file" eval '[ "${got%% *}" = 200 ] && cmp -s "$D/b" "$ROOT/static/remiss.css"'
check "https speaks HTTP/2" [ "${got##* }" = 2 ]
check "the static file carries HSTS max-age=63072000" grep -qi '^strict-transport-security: max-age=63072000$' "$D/headers"
check "Server header has no nginx version" eval 'grep -qi "^server: nginx$" "$D/headers" && ! grep -qi "^server:.*[0-9]" "$D/headers"'
check "the static file has a long expiry" grep -qiE '^cache-control: max-age=[0-9]{6,}' "$D/headers"
grep -q . "$D/headers" && [ "$FAIL" -gt 0 ] && sed 's/^/#   /' "$D/headers"

# --- TLS versions and ciphers ---------------------------------------------
check "TLS 1.1 is refused" eval '! "${CK[@]}" -o /dev/null --tlsv1.1 --tls-max 1.1 "$HTTPS/static/remiss.css"'
# Also from the server's side: a client that allows TLS 1.1 at any security level is
# turned away by nginx itself (logged as "unsupported protocol").
openssl s_client -connect "127.0.0.1:$HTTPS_PORT" -tls1_1 -cipher 'DEFAULT:@SECLEVEL=0' \
	</dev/null >/dev/null 2>&1
sleep 0.2
check "nginx itself refuses a TLS 1.1 handshake" grep -q 'unsupported protocol' "$D/error.log"
check "TLS 1.2 is accepted" eval '[ "$("${CK[@]}" -o /dev/null -w "%{http_code}" --tlsv1.2 --tls-max 1.2 "$HTTPS/static/remiss.css")" = 200 ]'
check "TLS 1.3 is accepted" eval '[ "$("${CK[@]}" -o /dev/null -w "%{http_code}" --tlsv1.3 "$HTTPS/static/remiss.css")" = 200 ]'
check "TLS 1.2 without forward secrecy (AES128-SHA) is refused" \
	eval '! "${CK[@]}" -o /dev/null --tlsv1.2 --tls-max 1.2 --ciphers AES128-SHA "$HTTPS/static/remiss.css"'

# --- rate limits ----------------------------------------------------------
# posts PATH COUNT: COUNT rapid POSTs; sets CODES, keeps the first 429 and 502 bodies.
posts() {
	local path=$1 count=$2 i code
	CODES=
	rm -f "$D/b429" "$D/h429" "$D/b502"
	for ((i = 0; i < count; i++)); do
		code=$("${CK[@]}" -X POST -d 'epost=a%40b.se&losenord=x' -D "$D/h" -o "$D/b" -w '%{http_code}' "$HTTPS$path")
		CODES="$CODES $code"
		[ "$code" = 429 ] && [ ! -e "$D/b429" ] && { mv "$D/b" "$D/b429"; tr -d '\r' <"$D/h" >"$D/h429"; }
		[ "$code" = 502 ] && [ ! -e "$D/b502" ] && mv "$D/b" "$D/b502"
	done
}
posts /logga-in 20
check "20 rapid POSTs to /logga-in get a 429" grep -q ' 429' <<<"$CODES"
echo "#   codes:$CODES"
check "the 429 page is the Swedish one" grep -qsF 'Vänta en minut och försök sedan igen.' "$D/b429"
check "the 429 page has its English text" grep -qsF 'Please wait a minute and try again.' "$D/b429"
check "the 429 carries HSTS and Retry-After" eval 'grep -qsi "^strict-transport-security: max-age=63072000$" "$D/h429" && grep -qsi "^retry-after: 60$" "$D/h429"'
check "POSTs under the limit reach the (absent) upstream: 502 with the 50x page" \
	grep -qsF 'Tjänsten är tillfälligt otillgänglig' "$D/b502"

CODES=
for ((i = 0; i < 20; i++)); do
	CODES="$CODES $("${CK[@]}" -o /dev/null -w '%{http_code}' "$HTTPS/logga-in")"
done
check "20 rapid GETs to /logga-in get no 429" eval '! grep -q " 429" <<<"$CODES" && grep -q " 502" <<<"$CODES"'
echo "#   codes:$CODES"

posts /api/v1/remisser/42/remissvar 15
check "15 rapid upload POSTs get a 429" grep -q ' 429' <<<"$CODES"
echo "#   codes:$CODES"

# --- stop -----------------------------------------------------------------
pid=$NGINX_PID
stop_nginx
check "nginx stops on SIGTERM" eval '! kill -0 "$pid" 2>/dev/null'
finish
