#!/bin/sh
# tests/po/check.sh: the English catalogue is complete and valid (TAP, run by make check).
# Fails when a source marks a string with _() that po/en.po does not translate, when a file
# using _() is missing from po/POTFILES, or when en.po has fuzzy or broken entries.
srcdir=${srcdir:-$(dirname "$0")/../..}
MSGFMT=${MSGFMT:-msgfmt}
XGETTEXT=${XGETTEXT:-xgettext}
MSGCMP=${MSGCMP:-msgcmp}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
. "$srcdir/tests/tap.sh"
# not ok, the lines of $tmp/out below it.
notok_out() { notok "$1" "$(cat "$tmp/out")"; }

if "$MSGFMT" --check --statistics -o "$tmp/en.mo" "$srcdir/po/en.po" >"$tmp/out" 2>&1; then
	ok "msgfmt --check accepts po/en.po"
else
	notok_out "msgfmt --check accepts po/en.po"
fi
if grep -q 'fuzzy\|untranslated' "$tmp/out"; then
	notok_out "po/en.po has no fuzzy or untranslated messages"
else
	ok "po/en.po has no fuzzy or untranslated messages"
fi

# Every file that calls _() or N_() must be listed for xgettext.
: >"$tmp/out"
(cd "$srcdir" && grep -rlE '(^|[^A-Za-z0-9_])N?G?_\("' src --include='*.c' | sort) >"$tmp/uses"
sort "$srcdir/po/POTFILES" >"$tmp/listed"
comm -23 "$tmp/uses" "$tmp/listed" >"$tmp/out"
if [ -s "$tmp/out" ]; then
	notok_out "every source file using _() is in po/POTFILES (missing ones below)"
else
	ok "every source file using _() is in po/POTFILES"
fi

# The strings the sources mark now, each translated in en.po (msgcmp counts an empty
# msgstr as missing only with its default settings, so check translations above too).
if (cd "$srcdir" && "$XGETTEXT" --from-code=UTF-8 --language=C --keyword=_ \
    --keyword=N_ --keyword=NG_:1,2 --files-from=po/POTFILES -o "$tmp/now.pot") \
    >"$tmp/out" 2>&1 &&
    "$MSGCMP" "$srcdir/po/en.po" "$tmp/now.pot" >"$tmp/out" 2>&1; then
	ok "every string marked in the sources has an English translation (make update-po)"
else
	notok_out "every string marked in the sources has an English translation (make update-po)"
fi
finish
