#!/usr/bin/env bash
# tests/man/check.sh BUILD-DIR: the manual pages pass mandoc -Tlint, and they agree with the
# programs' --help: every option and command one names, the other names too. Prints ok/not ok
# lines and a closing "N passed, N failed".
set -uo pipefail

BUILD=${1:?usage: check.sh BUILD-DIR}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
MAN=$SRC/man
. "$SRC/tests/tap.sh"

if ! command -v mandoc >/dev/null; then
	notok "mandoc is installed (apt-get install mandoc)"
	finish
fi

for page in remissd.8 remissctl.8; do
	out=$(mandoc -Tlint -W warning "$MAN/$page" 2>&1)
	check "$page passes mandoc -Tlint without warnings" eval '[ -z "$out" ] || { echo "$out" | sed "s/^/#   /"; false; }'
	check "$page renders" eval 'mandoc -Tutf8 "$MAN/$page" >/dev/null'
done

# documented PAGE WORD: the page has an .It line for the flag or command WORD.
documented() { grep -qE "^\.It (Fl|Cm) $1( |$)" "$MAN/$2"; }

# remissd: each option of --help has its .It Fl entry, and each entry is in --help.
help=$("$BUILD/remissd" --help)
check "remissd --help exits 0" eval '"$BUILD/remissd" --help >/dev/null'
for opt in $(grep -oE '^  -[A-Za-z]' <<<"$help" | tr -d ' -'); do
	check "remissd -$opt is in remissd.8" documented "$opt" remissd.8
done
for opt in $(grep -oE '^\.It Fl [A-Za-z]( |$)' "$MAN/remissd.8" | awk '{print $3}'); do
	check "remissd.8's -$opt is in remissd --help" grep -qE "^  -$opt( |,)" <<<"$help"
done
# remissd.8's SYNOPSIS names the same options as the usage lines of --help.
syn_flags() { sed -n '/^\.Sh SYNOPSIS/,/^\.Sh DESCRIPTION/p' "$MAN/remissd.8" | grep -oE 'Fl [A-Za-z]( |$)' | awk '{print $2}' | sort -u | tr '\n' ' '; }
use_flags() { sed -n '/^usage:/,/^$/p' <<<"$help" | grep -oE '\[?-[A-Za-z]( |\]|$)' | tr -d '[] -' | sort -u | tr '\n' ' '; }
check "remissd.8's SYNOPSIS has the options of remissd's usage lines" \
	eval '[ "$(syn_flags)" = "$(use_flags | sed "s/^/h /" | tr " " "\n" | grep . | sort -u | tr "\n" " ")" ] || { echo "#   SYNOPSIS: $(syn_flags); usage: $(use_flags)"; false; }'
check "every option letter remissd parses is in its --help" \
	eval 'for o in $(grep -oE "\"[a-zA-Z:]+\", longopts" "$SRC/src/remissd.c" | cut -d\" -f2 | tr -d : | fold -w1); do grep -qE "^  -$o" <<<"$help" || { echo "#   -$o"; exit 1; }; done'

# An option value remissd cannot read is a usage error (exit 2, naming the option), never
# taken for a number it merely starts with: "-m abc" once gave the socket mode 0. The socket's
# directory and the -u user do not exist, so that a remissd that took the value stops with
# exit 1 before it opens anything.
for bad in "-m abc" "-m 0x1ff" "-m 8" "-m 1000" "-m -1" "-m ''" "-w 2x" "-g ten"; do
	check "remissd $bad is a usage error" eval 'err=$(eval "\"\$BUILD/remissd\" -s /nonexistent/remissd.sock -u no-such-user-remissvar $bad" 2>&1 >/dev/null); rc=$?; [ $rc = 2 ] && grep -qF "bad value for ${bad:0:2}" <<<"$err" || { echo "#   exit $rc: $err"; false; }'
done

# remissctl: each command line of --help is described in the page, each option of each
# command's --help is in the page, and each command the page describes is in --help.
help=$("$BUILD/remissctl" --help)
check "remissctl --help exits 0" eval '"$BUILD/remissctl" --help >/dev/null'
lines=$(sed -n '/^Commands:/,/^$/p' <<<"$help" | grep -oE '^  [a-z]+( [a-z|]+)?' | sed 's/^  //')
check "remissctl --help lists commands" eval '[ "$(wc -l <<<"$lines")" -ge 8 ]'
while read -r cmd; do
	top=${cmd%% *} sub=${cmd#* }
	[ "$sub" = "$cmd" ] && sub=
	# "user disable|enable|passwd" is described as ".It Cm user disable Ar email" and so on.
	for s in ${sub//|/ }; do
		check "remissctl $top $s is described in remissctl.8" grep -qE "^\.It Cm $top $s( |$)" "$MAN/remissctl.8"
	done
	[ -z "$sub" ] && check "remissctl $top is described in remissctl.8" grep -qE "^\.It Cm $top( |$)" "$MAN/remissctl.8"
done <<<"$lines"
for top in $(awk '{print $1}' <<<"$lines" | sort -u); do
	[ "$top" = help ] && continue
	sub=$("$BUILD/remissctl" "$top" --help 2>&1); rc=$?
	check "remissctl $top --help exits 0" eval '[ $rc = 0 ]'
	for o in $(grep -oE -- '--[a-z][a-z-]+' <<<"$sub" | sort -u); do
		[ "$o" = --help ] && continue
		check "remissctl $top $o is in remissctl.8" grep -qF -- "Fl \\${o#-}" "$MAN/remissctl.8"
	done
done
for cmd in $(grep -oE '^\.It Cm [a-z]+' "$MAN/remissctl.8" | awk '{print $3}' | sort -u); do
	check "remissctl.8's command $cmd is in remissctl --help" grep -qE "^  $cmd( |$)" <<<"$help"
done
# The SYNOPSIS: one entry per command of --help, each naming one command with the same options
# as its --help line (an entry that ran two commands together, or lost an option, passed the
# checks above because each word still appeared somewhere in the page).
synopsis_agrees() {
	HELP=$help python3 - "$MAN/remissctl.8" <<'PY'
import os, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
syn = page.split(".Sh SYNOPSIS\n", 1)[1].split("\n.Sh ", 1)[0]
entries = [e for e in syn.split(".Nm\n") if e.strip()]
def flags(text):
    return set(re.findall(r"(?:^|[\s\[|])(--?[a-z][a-z-]*)", text)) - {"-d", "-h", "--help"}
man = {}
bad = 0
for e in entries:
    cms = re.findall(r"^\.Cm (.*)$", e, re.M)
    if cms and cms[0] == "help" or "Fl h" in e:
        continue
    if len(cms) != 1:
        print("#   a SYNOPSIS entry names %d commands: %s" % (len(cms), " / ".join(cms)))
        bad = 1
        continue
    cmd = re.sub(r"\s*\|\s*", "|", cms[0]).strip()
    man[cmd] = flags(re.sub(r"Fl \\-", " --", re.sub(r"Fl ([a-z])\b", r" -\1", e)))
help_ = {}
lines = os.environ["HELP"].split("Commands:\n", 1)[1].split("\n\n", 1)[0].split("\n")
cur = None
for l in lines:
    m = re.match(r"^  ([a-z]+(?: [a-z|]+)?)(?=\s|$)(.*)$", l)
    if m:
        cur = m.group(1)
        rest = re.split(r"\s{3,}", m.group(2).strip(), 1)[0]
        help_[cur] = flags(" " + rest)
    elif cur and l.strip().startswith("["):
        help_[cur] |= flags(" " + re.split(r"\s{3,}", l.strip(), 1)[0])
for cmd, f in help_.items():
    if cmd == "help":
        continue
    if cmd not in man:
        print("#   remissctl %s: no SYNOPSIS entry" % cmd); bad = 1
    elif man[cmd] != f:
        print("#   remissctl %s: SYNOPSIS has %s, --help has %s" % (cmd, sorted(man[cmd]), sorted(f))); bad = 1
for cmd in man:
    if cmd not in help_:
        print("#   SYNOPSIS entry %s is not a command of --help" % cmd); bad = 1
sys.exit(bad)
PY
}
check "remissctl.8's SYNOPSIS has one entry per command, with the options of its --help line" synopsis_agrees
check "remissctl.8 names the environment remissctl reads" \
	eval 'for v in REMISS_DB REMISS_SCHEMA_DIR; do grep -q "^\.It Ev $v" "$MAN/remissctl.8" || exit 1; done'

finish
