#!/usr/bin/env bash
# tests/integration/summaries.sh BUILD-DIR BASE-URL TMPDIR: summaries of a section and of a theme:
# the generated first draft (counts in Swedish, quoted sentences linked to their answers), saving
# versions with references, links both ways, the word diff between versions, a stale form (409),
# an empty text (422 beside the field), who may write, the audit log, and the exports carrying
# them. Needs REMISS_DB and the demo data. Prints "ok N - name" lines and a summary.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: summaries.sh BUILD-DIR BASE-URL TMPDIR}
BASE=${2:?usage}
T=${3:?usage}
SLUG=ok-hemsjukvard-2025
PW=remissvar-demo
mkdir -p "$T"

textarea() { python3 -c 'import html, re, sys; m = re.search(r"<textarea[^>]*name=\"text\"[^>]*>([\s\S]*?)</textarea>", open(sys.argv[1]).read()); print(html.unescape(m.group(1)) if m else "", end="")' "$T/body"; }
checked_refs() { grep -oE '<input type="checkbox" name="ref" id="[^"]*" value="[^"]*" checked' "$T/body" | sed -E 's/.*value="([^"]*)".*/\1/'; }
add_user sara.summa@regionhalland.example granskare "Sara Summa"
G=$T/granskare K=$T/kommun
login "$G" sara.summa@regionhalland.example
login "$K" karin.karlsson@halmstad.example
NR=3.3
PAGE="/remisser/$SLUG/sammanfattning?avsnitt=$NR"

# --- the generated first draft --------------------------------------------------------
req "$G" GET "$PAGE&utkast=1"
draft=$(textarea)
csrf=$(form_csrf)
mapfile -t refs < <(checked_refs)
check "the first draft counts the positions in a Swedish sentence" \
	eval 'status_is 200 && grep -qE "^(Alla|En|Två|Tre|Fyra|Fem|Sex|Sju|Åtta|Nio|Tio|Elva|Tolv|[0-9]+) (av [a-zåäö0-9]+ )?remissinstans" <<<"$draft" || { echo "#   draft: ${draft:0:200}"; false; }'
check "it quotes sentences word for word from the answers, each with its organisation, and checks those answers" \
	python3 - "$draft" "$REMISS_DB" "${#refs[@]}" <<'EOF'
import re, subprocess, sys
draft, db, nrefs = sys.argv[1], sys.argv[2], int(sys.argv[3])
quotes = re.findall(r"^– ”(.*)” \(([^,)]*)", draft, re.M)
assert quotes, draft
comments = subprocess.run(["psql", db, "-qAtc", "SELECT o.name || '|' || a.comment FROM answers a "
    "JOIN response_versions v ON v.id = a.version_id JOIN responses r ON r.id = v.response_id "
    "JOIN organisations o ON o.id = r.org_id JOIN sections s ON s.id = a.section_id WHERE s.nr = '3.3'"],
    capture_output=True, text=True, check=True).stdout
for q, org in quotes:
    assert any(l.startswith(org + "|") and q in l for l in comments.splitlines()), (q, org)
assert nrefs == len(quotes), (nrefs, len(quotes))
EOF

# --- saving versions ----------------------------------------------------------------
post_refs=()
for r in "${refs[@]}"; do post_refs+=(--data-urlencode "ref=$r"); done
req "$G" POST "$PAGE" --data-urlencode "csrf=$csrf" --data-urlencode "version=0" \
	--data-urlencode "utkast=1" --data-urlencode "text=$draft" "${post_refs[@]}"
sid=$(sql "SELECT s.id FROM summaries s JOIN sections x ON x.id = s.section_id WHERE x.nr = '$NR'")
check "saving the draft unchanged stores version 1, marked generated, with its references" \
	eval 'status_is 303 && [ "$(sql "SELECT version || generated::text FROM summary_versions WHERE summary_id = $sid")" = 1true ] && [ "$(sql "SELECT count(*) FROM summary_refs f JOIN summary_versions v ON v.id = f.version_id WHERE v.summary_id = $sid")" = ${#refs[@]} ]'
check "the save is audited" \
	eval '[ "$(sql "SELECT count(*) FROM audit_log WHERE action = '"'"'summary.save'"'"' AND object_id = '"'"'$SLUG/avsnitt/$NR'"'"'")" = 1 ]'
req "$G" GET "/remisser/$SLUG/granskning/avsnitt/$NR"
check "the section view shows the summary beside the answers, quoted lines linked to their answers" \
	eval 'status_is 200 && body_has "id=\"h-sammanfattning\"" && body_has "Bygger på: " && grep -qE "<a href=\"/remisser/$SLUG/granskning/avsnitt/$NR#svar-[0-9]+\">\([^<]+\)</a>" "$T/body"'
check "and each answer it rests on links back to it" body_has '<p class="cited">Citeras i <a href="#h-sammanfattning">avsnittets sammanfattning</a></p>'

edited="Ett redigerat stycke om tröskelprincipen.
${draft}"
post_form "$G" "$PAGE" "$csrf" "version=1" \
	"utkast=1" "text=$edited" "ref=${refs[0]}"
check "an edited text is version 2, not marked generated, with the references checked" \
	eval 'status_is 303 && [ "$(sql "SELECT string_agg(version || generated::text, '"'"','"'"' ORDER BY version) FROM summary_versions WHERE summary_id = $sid")" = "1true,2false" ] && [ "$(sql "SELECT count(*) FROM summary_refs f JOIN summary_versions v ON v.id = f.version_id WHERE v.summary_id = $sid AND v.version = 2")" = 1 ]'
post_form "$G" "$PAGE" "$csrf" "version=1" \
	"text=Skrivet från en gammal sida."
check "a form from before the latest version is a 409 that keeps the text and stores nothing" \
	eval 'status_is 409 && body_has "Någon annan har sparat en ny version" && body_has "Skrivet från en gammal sida." && [ "$(sql "SELECT max(version) FROM summary_versions WHERE summary_id = $sid")" = 2 ]'
post_form "$G" "$PAGE" "$csrf" "version=2" "text=   "
check "an empty text is a 422 with the error beside the field" \
	eval 'status_is 422 && body_has "Skriv en sammanfattning." && body_has "aria-describedby=\"text-fel\""'
req "$G" GET "$PAGE"
check "the versions are listed with who and when, and the change as a word diff" \
	eval 'status_is 200 && body_has "Version 2, Sara Summa" && body_has "<ins>Ett redigerat stycke om tröskelprincipen." && body_has "(genererat utkast)"'

# --- who may write --------------------------------------------------------------------
req "$K" GET "$PAGE"
check "a remissinstans may not see or write summaries (403)" status_is 403
req "$G" POST "$PAGE" --data-urlencode "version=2" --data-urlencode "text=Utan CSRF."
check "a save without the CSRF token is refused (403)" status_is 403

# --- a theme's summary ------------------------------------------------------------------
rid=$(sql "SELECT id FROM remiss WHERE slug = '$SLUG'")
uid=$(sql "SELECT id FROM users WHERE email = 'sara.summa@regionhalland.example'")
tid=$(sql "INSERT INTO themes (remiss_id, name, created_by) VALUES ($rid, 'Sammanfattat tema', $uid) RETURNING id" | head -1)
sql "INSERT INTO tags (theme_id, response_id, section_id, version_id, created_by)
	SELECT $tid, r.id, a.section_id, v.id, $uid FROM answers a JOIN response_versions v ON v.id = a.version_id
	JOIN responses r ON r.id = v.response_id JOIN sections s ON s.id = a.section_id
	WHERE r.remiss_id = $rid AND s.nr = '$NR' AND a.comment IS NOT NULL
	AND v.version = (SELECT max(version) FROM response_versions WHERE response_id = r.id)" >/dev/null
req "$G" GET "/remisser/$SLUG/sammanfattning?tema=$tid&utkast=1"
tdraft=$(textarea)
mapfile -t trefs < <(checked_refs)
post_refs=()
for r in "${trefs[@]}"; do post_refs+=(--data-urlencode "ref=$r"); done
req "$G" POST "/remisser/$SLUG/sammanfattning?tema=$tid" --data-urlencode "csrf=$csrf" \
	--data-urlencode "version=0" --data-urlencode "text=$tdraft" "${post_refs[@]}"
check "a theme's summary is saved from the tagged answers" \
	eval 'status_is 303 && [ "$(sql "SELECT count(*) FROM summaries s JOIN summary_versions v ON v.summary_id = s.id WHERE s.theme_id = $tid")" = 1 ]'
req "$G" GET "/remisser/$SLUG/teman"
check "the themes page shows it beside the theme" eval 'status_is 200 && body_has "Sammanfattning</h4>" && body_has "sammanfattning?tema=$tid"'
req "$G" GET "/remisser/$SLUG/sammanfattning?tema=999999"
check "an unknown theme is 404" status_is 404

# --- in the exports ------------------------------------------------------------------
export_formats "$SLUG" html odt
check "the HTML export carries the section and theme summaries" \
	eval 'grep -qF "Ett redigerat stycke om tröskelprincipen." "$T/e.html" && grep -qF "Sammanfattat tema" "$T/e.html" && grep -qF "Bygger på svaren från" "$T/e.html"'
check "the ODT export carries them too" \
	odt_has "$T/e.odt" "Ett redigerat stycke om tröskelprincipen." "Teman och deras sammanfattningar"
check "the XLSX export has the section's summary under its table and the theme's on Teman" \
	eval '"$BUILD/remissctl" export "$SLUG" --format xlsx -o "$T/e.xlsx" &&
	/usr/bin/python3 "$ROOT/tests/export/xlsx_has.py" "$T/e.xlsx" "$NR " "Sammanfattning" \
		"Ett redigerat stycke om tröskelprincipen." -- Teman "Sammanfattat tema"'

finish
