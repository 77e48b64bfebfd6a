#!/bin/sh
# tests/docs/check.sh: the README, the docs and the manual pages stand alone (TAP, run by make
# check): none points at a file outside the repository, and every docs/ file they name exists.
srcdir=${srcdir:-$(dirname "$0")/../..}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
. "$srcdir/tests/tap.sh"
# not ok, the lines of $tmp/out below it.
notok_out() { notok "$1" "$(cat "$tmp/out")"; }

cd "$srcdir" || exit 1
files="README.md $(ls docs/*.md man/*.8)"
# A path that climbs out of the checkout ("../shared/...", "../../x"), in any of them.
grep -nE '(^|[^.A-Za-z0-9_])\.\./' $files >"$tmp/out" 2>&1
if [ -s "$tmp/out" ]; then
	notok_out "README.md, docs/ and man/ name no file outside the repository (lines below)"
else
	ok "README.md, docs/ and man/ name no file outside the repository"
fi
# Every docs/NAME.md they name is there (docs/interfaces.md states the public contract).
: >"$tmp/out"
for d in $(grep -ohE 'docs/[A-Za-z0-9_-]+\.md' $files | sort -u); do
	[ -f "$d" ] || echo "$d" >>"$tmp/out"
done
grep -q 'docs/interfaces.md' README.md || echo "README.md does not name docs/interfaces.md" >>"$tmp/out"
if [ -s "$tmp/out" ]; then
	notok_out "every docs/*.md named exists, the contract's among them (missing below)"
else
	ok "every docs/*.md named exists, the contract's among them"
fi
finish
