#!/usr/bin/env bash
# bench/answer_pdf.sh: the answer as PDF two ways, for docs/pdf.md: Pango and cairo in-process
# (bench/answer_pdf pdf) and LibreOffice headless converting the same answer's DOCX.
# Usage: bench/answer_pdf.sh PATH/TO/bench/answer_pdf   (build it without sanitizers:
# make bench/answer_pdf in a tree configured without --enable-sanitizers)
# Runs each under /usr/bin/time -v once and prints wall time, CPU time and peak RSS as a
# Markdown table; the in-process line also runs 50 documents in one process, as a worker does.
set -euo pipefail

bin=${1:?usage: bench/answer_pdf.sh PATH/TO/bench/answer_pdf}
[ -x "$bin" ] || { echo "not executable: $bin" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
command -v soffice >/dev/null || { echo "needs LibreOffice: apt-get install libreoffice-writer-nogui" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/bench-answer-pdf.XXXXXX")
trap 'rm -rf "$work"' EXIT

# row WHAT COMMAND...: one table row "| WHAT | wall s | CPU s | peak RSS MiB |" (the command's
# own lines to stderr).
row() {
	local what=$1 log=$work/time.log
	shift
	/usr/bin/time -v "$@" >"$work/out" 2>"$log" || { cat "$log" >&2; exit 1; }
	sed 's/^/    /' "$work/out" >&2
	awk -F': ' -v what="$what" '
		/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0
			for (i = 1; i <= n; i++) s = s * 60 + p[i]; wall = s }
		/User time/ { cpu += $2 } /System time/ { cpu += $2 }
		/Maximum resident set size/ { rss = $2 / 1024 }
		END { printf "| %s | %.2f | %.2f | %.0f |\n", what, wall, cpu, rss }' "$log"
}

"$bin" docx "$work/answer.docx" >/dev/null
profile=$(python3 -c 'import pathlib, sys; print(pathlib.Path(sys.argv[1]).resolve().as_uri())' "$work/lo-profile")
mkdir -p "$work/home" "$work/pdf"
echo "| method | wall s | CPU s | peak RSS MiB |"
echo "|---|---|---|---|"
row "Pango + cairo, one answer, a fresh process" "$bin" pdf "$work/answer.pdf"
row "Pango + cairo, 50 answers in one process" "$bin" pdf "$work/answer.pdf" 50
pdfinfo "$work/answer.pdf" | sed -n 's/^Pages: */    pages: /p' >&2
row "LibreOffice, DOCX to PDF, first run (creates its profile)" env HOME="$work/home" \
	soffice -env:UserInstallation="$profile" --headless --norestore --convert-to pdf \
	--outdir "$work/pdf" "$work/answer.docx"
row "LibreOffice, DOCX to PDF, profile in place" env HOME="$work/home" \
	soffice -env:UserInstallation="$profile" --headless --norestore --convert-to pdf \
	--outdir "$work/pdf" "$work/answer.docx"
pdfinfo "$work/pdf/answer.pdf" | sed -n 's/^Pages: */    pages: /p' >&2
