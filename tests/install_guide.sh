#!/usr/bin/env bash
# tests/install_guide.sh BUILD-DIR: docs/install.md, tried literally. Two parts:
#  1. Packages: every package of the guide's apt-get line exists in Debian 12, and together
#     with what they depend on they provide every library, header and program that configure
#     requires (configure.ac's PKG_CHECK_MODULES, required AC_CHECK_HEADERS and AC_PATH_PROG,
#     the compiler, make, pkg-config), so that a fresh Debian 12 gets through ./configure.
#  2. The guide run as written: every ```sh block of docs/install.md (except those marked
#     <!-- guide-test: skip … --> with a reason), in order, in one root shell, from the release
#     tarball (`make dist`), in a container-like sandbox: a private mount, PID and network
#     namespace whose root is an overlay of this machine's / with the writes in a tmpfs, and
#     with /usr/local, /root, /run, /tmp and PostgreSQL's cluster fresh. What a fresh Debian
#     12 does at package installation is done first (cluster 15/main created and started,
#     nginx started); what the operator provides is provided (a TLS certificate from a test CA
#     that the machine trusts, and DNS for remissvar.example.se); systemctl is emulated (no
#     systemd runs here), starting a unit's ExecStart as its User and Group with its
#     EnvironmentFile, RuntimeDirectory and UMask; apt-get checks that each package is
#     installed (part 1 checks what a fresh machine needs). Then the checks of a working
#     service (remissd as remissvar:www-data behind nginx, the kommun's API upload answered
#     201 with a receipt, the nightly dump), and remissctl.8's EXAMPLES run as root.
#  Nothing is installed on the machine and nothing stays running: the sandbox's PID namespace
#  ends with it, and its files are in a tmpfs of its own mount namespace. Prints ok/not ok
#  lines and "N passed, N failed"; the guide's output per block is in var/install-guide/.
set -uo pipefail

BUILD=${1:?usage: install_guide.sh BUILD-DIR}
BUILD=$(cd "$BUILD" && pwd)
ROOT=$(cd "$(dirname "$0")/.." && pwd)
GUIDE=$ROOT/docs/install.md
V=$ROOT/var/install-guide
. "$ROOT/tests/tap.sh"

rm -rf "$V"
mkdir -p "$V/blocks" "$V/logs"

# --- the guide's shell blocks ---------------------------------------------------------------
# NN.sh (to run) or NN.skip, each with NN.title: the section it is in. A skip comment applies to
# the next block only, and must give a reason.
awk -v dir="$V/blocks" '
	/^## / { sec = substr($0, 4) }
	/^[ \t]*<!-- guide-test: skip \(.+\) -->/ {
		skip = 1; reason = $0
		sub(/^.*guide-test: skip \(/, "", reason); sub(/\) -->.*$/, "", reason)
		next
	}
	/^[ \t]*```sh[ \t]*$/ && !inb {
		inb = 1; n++
		f = sprintf("%s/%02d.%s", dir, n, skip ? "skip" : "sh")
		printf "%s\n", sec >(sprintf("%s/%02d.title", dir, n))
		if (skip) printf "%s\n", reason >(sprintf("%s/%02d.reason", dir, n))
		printf "" >f
		skip = 0; next
	}
	/^[ \t]*```[ \t]*$/ && inb { inb = 0; close(f); next }
	inb { print >f; next }
	/[^ \t]/ { skip = 0 }
' "$GUIDE"
nblocks=$(ls "$V/blocks" | grep -c '\.sh$')
check "docs/install.md has shell blocks to run ($nblocks)" eval '[ "$nblocks" -ge 10 ]'

# --- part 1: the apt-get line against what configure requires -------------------------------
aptline=$(cat "$V"/blocks/*.sh | sed -e ':a' -e '/\\$/N; s/\\\n//; ta' | grep -E '^[[:space:]]*apt-get install' | head -1)
pkgs=$(sed -E 's/^[[:space:]]*apt-get install//' <<<"$aptline" | tr ' \t' '\n\n' | grep -vE '^(-|$)' | sort -u)
check "the guide has an apt-get install line" eval '[ -n "$pkgs" ]'
for p in $pkgs; do
	check "apt package $p exists in Debian 12" eval '[ "$(apt-cache show --no-all-versions "$p" 2>/dev/null | grep -cx "Package: $p")" -ge 1 ]'
done
# The test machines install dev/lib.sh's PACKAGES; the sandbox below can only use those.
devpkgs=$(bash -c '. "$1/dev/lib.sh"; echo $PACKAGES' _ "$ROOT" | tr ' ' '\n')
for p in $pkgs; do
	check "apt package $p is in dev/lib.sh's PACKAGES too" grep -qxF "$p" <<<"$devpkgs"
done
# The closure: the named packages and everything they depend on (Depends, Pre-Depends).
closure=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
	--no-replaces --no-enhances $pkgs 2>/dev/null | grep -E '^[a-z0-9]' | sort -u)
# owner FILE: the Debian package that installed FILE on this machine.
owner() { dpkg -S "$1" 2>/dev/null | head -1 | cut -d: -f1; }
# What configure.ac requires, each as "what: FILE".
reqs=()
for m in $(grep -oE 'PKG_CHECK_MODULES\(\[[A-Z_]+\], *\[[a-z0-9.+-]+' "$ROOT/configure.ac" | sed -E 's/.*\[//'); do
	reqs+=("pkg-config module $m: $(pkg-config --path "$m" 2>/dev/null)")
done
for h in $(grep -E 'AC_CHECK_HEADERS\(\[[^]]+\].*AC_MSG_ERROR|AC_CHECK_HEADERS\(\[[^]]+\], *\[\],$' "$ROOT/configure.ac" |
	grep -oE 'AC_CHECK_HEADERS\(\[[^]]+' | sed 's/.*\[//'); do
	reqs+=("header $h: $(echo "#include <$h>" | gcc -E -H -x c - 2>&1 >/dev/null | sed -n '1s/^\. //p')")
done
for var_prog in $(grep -oE 'AC_PATH_PROG\(\[[A-Z]+\], *\[[a-z]+' "$ROOT/configure.ac" | sed -E 's/AC_PATH_PROG\(\[([A-Z]+)\], *\[/\1=/'); do
	var=${var_prog%%=*} prog=${var_prog#*=}
	grep -qE "test -z \"\\\$$var\"\\], \\[AC_MSG_ERROR" "$ROOT/configure.ac" || continue
	reqs+=("program $prog: $(command -v "$prog")")
done
reqs+=("the C compiler: $(readlink -f "$(command -v gcc)")" "make: $(command -v make)"
	"pkg-config: $(readlink -f "$(command -v pkg-config)")" "the C library's headers: /usr/include/stdio.h")
check "configure.ac's requirements were found (${#reqs[@]})" eval '[ "${#reqs[@]}" -ge 12 ]'
for r in "${reqs[@]}"; do
	what=${r%%: *} file=${r#*: }
	pkg=$(owner "$file")
	if [ -z "$file" ] || [ -z "$pkg" ]; then
		notok "configure's $what comes from a Debian package" "not found on this machine: ${file:-nothing}"
		continue
	fi
	check "configure's $what ($pkg) is installed by the guide's apt-get line" \
		eval 'grep -qxF "$pkg" <<<"$closure" || { echo "#   add $pkg to the apt-get line of docs/install.md"; false; }'
done

# --- part 2: the guide in a sandbox -----------------------------------------------------------
if [ "$(id -u)" -ne 0 ] || ! command -v unshare >/dev/null; then
	notok "the sandbox needs root and unshare(1)"
	finish
fi
version=$(sed -n 's/^AC_INIT(\[remissvar\], \[\([^]]*\)\].*/\1/p' "$ROOT/configure.ac")
check "the guide's release tarball is this version's (remissvar-$version.tar.gz)" \
	grep -q "tar xzf remissvar-$version.tar.gz" "$GUIDE"
check "make dist makes the release tarball" \
	eval 'make -C "$BUILD" dist >"$V/logs/dist.log" 2>&1 && [ -f "$BUILD/remissvar-$version.tar.gz" ]'
cp "$BUILD/remissvar-$version.tar.gz" "$V/"

# The runner: the guide's blocks in one shell, each block's output in out/NN.log, and the number
# of each block done in done; set -e stops at the first failing command, as an operator would.
{
	echo 'set -e'
	echo 'cd /root'
	for f in "$V"/blocks/*.sh; do
		b=$(basename "$f" .sh)
		echo "exec >/opt/guide-test/out/$b.log 2>&1"
		cat "$f"
		echo
		echo "echo $b >>/opt/guide-test/done"
	done
} >"$V/guide.sh"

# remissctl.8's EXAMPLES, as root, after the guide: each literal block and .Dl line, with the
# page's escapes undone.
awk '
	/^\.Sh EXAMPLES/ { ex = 1; next }
	/^\.Sh / { ex = 0 }
	!ex { next }
	/^\.Bd -literal/ { lit = 1; n++; next }
	/^\.Ed/ { lit = 0; next }
	lit { print > (dir "/man-" n ".sh"); next }
	/^\.Dl / { n++; sub(/^\.Dl /, ""); print > (dir "/man-" n ".sh") }
' dir="$V/blocks" "$ROOT/man/remissctl.8"
sed -i -e 's/\\e/\\/g' -e 's/\\(dq/"/g' -e 's/\\-/-/g' "$V"/blocks/man-*.sh
check "remissctl.8 has examples to run" eval 'ls "$V"/blocks/man-*.sh >/dev/null 2>&1'

cp "$ROOT/tests/install_guide_sandbox.sh" "$V/sandbox.sh"
start=$SECONDS
unshare --mount --net --pid --fork --mount-proc --propagation private \
	bash "$V/sandbox.sh" "$V" >"$V/logs/sandbox.out" 2>"$V/logs/sandbox.err"
rc=$?
echo "# the sandbox took $((SECONDS - start)) s (exit $rc)"

# Each block of the guide: done, or where it stopped.
for f in "$V"/blocks/[0-9]*; do
	case $f in *.title|*.reason) continue ;; esac
	b=$(basename "$f"); b=${b%.*}
	title=$(cat "$V/blocks/$b.title")
	first=$(grep -m1 -E '[^[:space:]]' "$f" | sed 's/^[[:space:]]*//' | cut -c1-70)
	if [ "${f##*.}" = skip ]; then
		ok "install.md block $b ($title) is not run: $(cat "$V/blocks/$b.reason")"
		continue
	fi
	if grep -qx "$b" "$V/logs/done" 2>/dev/null; then
		ok "install.md block $b ($title) runs as written: $first"
	else
		notok "install.md block $b ($title) runs as written: $first" \
			"$(tail -5 "$V/logs/out/$b.log" 2>/dev/null | sed '2,$s/^/#   /')"
	fi
done
# The sandbox's own checks (after the guide): ok/not ok lines of its own.
while IFS= read -r line; do
	case $line in
	"ok "*) ok "${line#ok }" ;;
	"not ok "*) notok "${line#not ok }" ;;
	"#"*) echo "$line" ;;
	esac
done <"$V/logs/sandbox.out"
check "the sandbox ended cleanly" eval '[ "$rc" = 0 ] || { tail -5 "$V/logs/sandbox.err" | sed "s/^/#   /"; false; }'
check "nothing of the sandbox is left mounted" eval '! grep -qF "$V/" /proc/mounts'
finish
