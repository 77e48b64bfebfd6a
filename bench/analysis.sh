#!/usr/bin/env bash
# bench/analysis.sh: times key terms, clustering and near-duplicates on synthetic Swedish answers.
# Usage: bench/analysis.sh PATH/TO/bench/analysis [SIZES...]   (or: make bench)
# Generates answers deterministically (bench/analysis gen N: a vocabulary with
# å ä ö, six subjects, one answer in ten a campaign letter), runs each analysis
# under /usr/bin/time -v and prints a Markdown table of wall time, CPU time
# (user + system: what the analysis costs even when other work shares the
# cores) and peak RSS.
set -euo pipefail

bin=${1:?usage: bench/analysis.sh PATH/TO/bench/analysis [SIZES...]}
shift
sizes=${*:-1000 10000 100000}
[ -x "$bin" ] || { echo "not executable: $bin (make bench builds it)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/bench-analysis.XXXXXX")
trap 'rm -rf "$work"' EXIT

# run WHAT FILE: prints "wall_s cpu_s peak_rss_mib", the program's lines to stderr.
run() {
	local what=$1 file=$2 log=$work/time.log wall cpu rss
	/usr/bin/time -v "$bin" "$what" "$file" 2>"$log" >"$work/out" ||
		{ cat "$log" >&2; exit 1; }
	sed 's/^/    /' "$work/out" | head -12 >&2
	# "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:01.23"
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
		n = split($2, p, ":"); s = 0
		for (i = 1; i <= n; i++) s = s * 60 + p[i]
		printf "%.2f", s }' "$log")
	cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 }
		END { printf "%.2f", s }' "$log")
	rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log")
	echo "$wall $cpu $rss"
}

echo "## Analysis benchmark"
echo
echo "- machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1)," \
	"$(free -g | awk '/^Mem:/ {print $2}') GiB RAM"
echo "- date: $(date -u +%Y-%m-%d)"
echo
echo "| answers | input MiB | analysis | wall s | CPU s | peak RSS MiB |"
echo "|--:|--:|:--|--:|--:|--:|"
for n in $sizes; do
	file=$work/answers-$n.tsv
	"$bin" gen "$n" >"$file"
	mib=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1048576 }')
	echo "== $n answers ($mib MiB)" >&2
	for what in keyterms cluster neardup; do
		# Clustering is per section: 10 000 answers at most.
		[ "$what" = cluster ] && [ "$n" -gt 10000 ] && continue
		read -r wall cpu rss < <(run "$what" "$file")
		echo "| $n | $mib | $what | $wall | $cpu | $rss |"
	done
	rm -f "$file"
done
