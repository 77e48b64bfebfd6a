#!/usr/bin/env bash
# tests/xml/check.sh BUILD-DIR: for every XML file under tests/xml, xmllint with schema/remissvar.xsd
# and BUILD-DIR/remissctl validate must agree: the examples and valid/ pass both, invalid/ fails both
# (remissctl with FILE:LINE:COL: messages), content-invalid/ passes the XSD and fails the content
# checks (the rules XSD 1.0 cannot express). Prints "ok N - ..." lines and "N passed, N failed".
set -uo pipefail

BUILD=${1:?usage: check.sh BUILD-DIR}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
XSD=$SRC/schema/remissvar.xsd
CTL=$BUILD/remissctl
. "$SRC/tests/tap.sh"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT


# run FILE: sets X (xmllint's exit status), C (remissctl's) and ERR (remissctl's stderr).
run() {
	xmllint --noout --schema "$XSD" "$1" >/dev/null 2>"$TMP/xmllint"
	X=$?
	"$CTL" validate --schema "$XSD" "$1" >"$TMP/out" 2>"$TMP/err" </dev/null
	C=$?
	ERR=$(cat "$TMP/err")
}

# Every line remissctl printed is FILE:LINE:COL: message (or FILE:LINE: message), LINE >= 1.
located() {
	[ -n "$ERR" ] && ! grep -qvE "^$(printf '%s' "$1" | sed 's/[][\.*^$]/\\&/g'):[1-9][0-9]*(:[0-9]+)?: ." <<<"$ERR"
}

[ -x "$CTL" ] || { echo "not ok 1 - $CTL is not built"; echo "0 passed, 1 failed"; exit 1; }
command -v xmllint >/dev/null || { echo "not ok 1 - xmllint is missing (libxml2-utils)"; echo "0 passed, 1 failed"; exit 1; }

shopt -s nullglob
for f in "$SRC"/tests/xml/example-*.xml "$SRC"/tests/xml/valid/*.xml; do
	name=${f#"$SRC"/tests/xml/}
	run "$f"
	if [ "$X" = 0 ] && [ "$C" = 0 ]; then
		ok "$name: valid for xmllint and remissctl validate"
	else
		notok "$name: valid for xmllint and remissctl validate" \
			"xmllint exit $X, remissctl exit $C: $(head -3 "$TMP/xmllint" "$TMP/err" | tr '\n' ' ')"
	fi
done
for f in "$SRC"/tests/xml/invalid/*.xml; do
	name=${f#"$SRC"/tests/xml/}
	run "$f"
	if [ "$X" != 0 ] && [ "$C" = 1 ] && located "$f"; then
		ok "$name: refused by xmllint and remissctl validate, at a line"
	else
		notok "$name: refused by xmllint and remissctl validate, at a line" \
			"xmllint exit $X, remissctl exit $C: ${ERR:0:300}"
	fi
done
for f in "$SRC"/tests/xml/content-invalid/*.xml; do
	name=${f#"$SRC"/tests/xml/}
	run "$f"
	if [ "$X" = 0 ] && [ "$C" = 1 ] && located "$f"; then
		ok "$name: passes xmllint, refused by the content checks of remissctl validate"
	else
		notok "$name: passes xmllint, refused by the content checks of remissctl validate" \
			"xmllint exit $X, remissctl exit $C: ${ERR:0:300}"
	fi
done

# Every invalid file says why on its first line, and there is one for each required case.
bad=0
for f in "$SRC"/tests/xml/invalid/*.xml "$SRC"/tests/xml/content-invalid/*.xml; do
	head -1 "$f" | grep -qE '^<!-- .+ -->$' || { echo "#   no reason on line 1: $f"; bad=1; }
done
[ "$bad" = 0 ] && ok "every invalid file states its reason on line 1" || notok "every invalid file states its reason on line 1"

# Without --schema, remissctl finds the XSD through $REMISS_SCHEMA_DIR; without an XSD it refuses.
if REMISS_SCHEMA_DIR=$SRC/schema "$CTL" validate "$SRC/tests/xml/example-remissvar.xml" >/dev/null 2>&1; then
	ok "remissctl validate finds the schema in \$REMISS_SCHEMA_DIR"
else
	notok "remissctl validate finds the schema in \$REMISS_SCHEMA_DIR"
fi
REMISS_SCHEMA_DIR=$TMP "$CTL" validate "$SRC/tests/xml/example-remissvar.xml" >/dev/null 2>"$TMP/err"
C=$?
if [ "$C" = 1 ] && grep -q "^$TMP/remissvar.xsd: cannot open the schema" "$TMP/err"; then
	ok "remissctl validate without a schema says so and exits 1"
else
	notok "remissctl validate without a schema says so and exits 1" "exit $C: $(head -2 "$TMP/err")"
fi

finish
