#!/usr/bin/env bash
# tests/integration/reading.sh BUILD-DIR BASE-URL TMPDIR: reading a response document (issue 19).
# The förvaltning uploads a kommun's remissvar as PDF, DOCX or ODT (made here by LibreOffice from
# a text written here); the worker (remissctl documents read, started by this suite) extracts its
# text with remiss-extract in a bounded child and proposes the answers; the proposal page shows
# them with their passages; confirming stores a registered version with the document as its
# original. Hostile and wrong input: a PNG named .pdf, an oversized file, a corrupt PDF, a zip
# bomb DOCX, a PDF over the child's CPU limit, a worker that died, a kommun user, another remiss's
# read. Needs REMISS_DB and the demo data. Prints "ok N - name" lines and "N passed, N failed".
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: reading.sh BUILD-DIR BASE-URL TMPDIR}
BASE=${2:?usage}
T=${3:?usage}
SLUG=lasprov-2025
DEMO=ok-hemsjukvard-2025
PW=remissvar-demo
mkdir -p "$T"
WPID=
stop_worker() { [ -n "$WPID" ] && { kill "$WPID" 2>/dev/null; wait "$WPID" 2>/dev/null; }; WPID=; }
start_worker() {
	"$BUILD/remissctl" documents read --poll 1 --extract "$BUILD/remiss-extract" \
		>>"$T/worker.log" 2>&1 &
	WPID=$!
}
trap stop_worker EXIT

# --- a remiss of the suite's own, with headings a kommun's answer names --------------------------
cat >"$T/remiss.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<remiss xmlns="urn:remissvar:1" id="$SLUG">
  <titel>Läsprov: överenskommelse om hemsjukvård</titel>
  <avsandare>Region Halland</avsandare>
  <oppnar>$(date -d '-1 day' +%F)</oppnar>
  <sista-svarsdag>$(date -d '+30 days' +%F)</sista-svarsdag>
  <remissinstans typ="kommun">Laholms kommun</remissinstans>
  <remissinstans typ="kommun">Halmstads kommun</remissinstans>
  <avsnitt nr="1" rubrik="Gemensamt ansvar för hemsjukvården">Kommunerna och regionen delar ansvaret för hemsjukvården.</avsnitt>
  <avsnitt nr="2" rubrik="Finansiering">Kommunerna bär kostnaderna för den utökade hemsjukvården.
    <fraga id="q1" typ="konsekvens">Vilka konsekvenser får finansieringen för respektive part?</fraga>
  </avsnitt>
  <avsnitt nr="3" rubrik="Uppföljning">Överenskommelsen följs upp årligen av ett gemensamt ledningsråd.</avsnitt>
  <avsnitt nr="4" rubrik="IT-stöd för vårdplanering">Ett gemensamt IT-stöd införs för samordnad vårdplanering.</avsnitt>
</remiss>
XML
"$BUILD/remissctl" remiss import "$T/remiss.xml" >/dev/null 2>"$T/import.err" ||
	echo "#   the remiss could not be imported: $(cat "$T/import.err")"
lh=$(sql "SELECT id FROM organisations WHERE name = 'Laholms kommun'")
hs=$(sql "SELECT id FROM organisations WHERE name = 'Halmstads kommun'")
rid=$(sql "SELECT id FROM remiss WHERE slug = '$SLUG'")

# --- the documents, as a kommun writes them: LibreOffice makes PDF, DOCX and ODT of one text ----
cat >"$T/svar.txt" <<'TXT'
Laholms kommun
Kommunstyrelsen
Diarienummer: KS 2025/77

Yttrande över remissen Läsprov: överenskommelse om hemsjukvård

Kommunstyrelsen beslutade den 3 mars 2025 att tillstyrka förslaget med ändringar.

1 Gemensamt ansvar för hemsjukvården

Kommunen tillstyrker förslaget om ett gemensamt ansvar för hemsjukvården. Det ger patienterna en tydlig väg in i vården.

2 Finansiering

Kommunen avstyrker förslaget om finansiering. Kostnaderna flyttas till kommunerna utan att regionen ersätter dem, och det är inte rimligt.

Vilka konsekvenser får finansieringen för respektive part?

Kostnaderna för kommunen ökar med tre miljoner kronor per år.

3 Uppföljning

Kommunen har inga synpunkter på uppföljningen.

Anna Andersson
Kommunstyrelsens ordförande
TXT
lo() { # FORMAT: svar.FORMAT from svar.txt
	soffice -env:UserInstallation="file://$T/lo" --headless --convert-to "$1" --outdir "$T" \
		"$T/svar.txt" >>"$T/lo.log" 2>&1
}
check "LibreOffice makes the PDF, DOCX and ODT of the kommun's answer" \
	eval 'lo pdf && lo docx && lo odt && [ -s "$T/svar.pdf" ] && [ -s "$T/svar.docx" ] && [ -s "$T/svar.odt" ]'

reads() { sql "SELECT count(*) FROM document_reads"; }
read_status() { sql "SELECT status || coalesce(':' || error, '') FROM document_reads WHERE id = $1"; }
# wait_read ID: until the worker has finished read ID (done or failed), at most 90 s.
wait_read() { wait_until 90 eval '[[ "$(read_status '"$1"')" =~ ^(done|failed) ]]'; }
# proposed ID NR: the proposal's position for section NR of read ID.
proposed() {
	sql "SELECT a->>'position' FROM document_reads d, jsonb_array_elements(d.proposal->'answers') a
		WHERE d.id = $1 AND a->>'section' = '$2'"
}
passage_has() { # ID NR TEXT
	[ "$(sql "SELECT count(*) FROM document_reads d, jsonb_array_elements(d.proposal->'answers') a
		WHERE d.id = $1 AND a->>'section' = '$2' AND strpos(a->>'passage', '$3') > 0")" = 1 ]
}
# upload JAR FILE [NAME]: posts FILE to the registration page's upload for Laholm; READ_ID is
# the read it made, from the Location.
upload() {
	local name=${3:-$(basename "$2")}
	req "$1" GET "/remisser/$SLUG/registrera/$lh"
	req "$1" POST "/remisser/$SLUG/registrera/$lh/las" -F "csrf=$(form_csrf)" \
		-F "dokument=@$2;filename=$name"
	READ_ID=$(sed -nE 's|^Location: /remisser/'"$SLUG"'/registrera/'"$lh"'/las/([0-9]+)$|\1|Ip' "$T/h")
}

F=$T/fredrik; login "$F" forvaltning@regionhalland.example
A=$T/anna; login "$A" anna.andersson@laholm.example

# --- the upload and the waiting page (no worker yet: the read stays queued) ------------------------
req "$F" GET "/remisser/$SLUG/registrera/$lh"
check "the registration page offers to read a remissvar document" eval 'status_is 200 &&
	body_has "Läs in ett remissvar (PDF, Word eller ODT)" &&
	body_has "action=\"/remisser/'"$SLUG"'/registrera/'"$lh"'/las\"" && body_has "name=\"dokument\""'
n0=$(reads); up0=$(audits document.upload)
upload "$F" "$T/svar.pdf" laholm-yttrande.pdf
pdf_read=$READ_ID
check "uploading a PDF queues it and answers 303 to its read page" eval 'status_is 303 && [ -n "$pdf_read" ] &&
	[ "$(reads)" = $((n0 + 1)) ] && [ "$(read_status "$pdf_read")" = queued ]'
check "the upload is audited, with the document's SHA-256" eval '[ "$(audits document.upload)" = $((up0 + 1)) ] &&
	[ "$(sql "SELECT detail->>'"'"'sha256'"'"' FROM audit_log WHERE action = '"'"'document.upload'"'"' ORDER BY id DESC LIMIT 1")" = "$(sha256sum "$T/svar.pdf" | cut -d" " -f1)" ]'
req "$F" GET "/remisser/$SLUG/registrera/$lh/las/$pdf_read"
check "while queued the read page says the document is being read and reloads itself" eval 'status_is 200 &&
	body_has "Dokumentet läses…" && header_matches "^Refresh: [0-9]+$" && body_has "laholm-yttrande.pdf"'

# --- the worker reads it ----------------------------------------------------------------------------
start_worker
check "the worker reads the PDF (done)" eval 'wait_read "$pdf_read" && [ "$(read_status "$pdf_read")" = done ]'
check "the proposal has the sections the PDF states: 1 tillstyrker, 2 avstyrker, 3 inga synpunkter" eval '
	[ "$(proposed "$pdf_read" 1)" = tillstyrker ] && [ "$(proposed "$pdf_read" 2)" = avstyrker ] &&
	[ "$(proposed "$pdf_read" 3)" = inga-synpunkter ] || { echo "#   $(sql "SELECT proposal FROM document_reads WHERE id = '"$pdf_read"'")"; false; }'
check "each proposed answer carries the passage it came from" eval 'passage_has "$pdf_read" 2 "Kostnaderna flyttas" &&
	passage_has "$pdf_read" 1 "tydlig väg in"'
check "the extracted text is kept with the read" \
	eval '[ "$(sql "SELECT strpos(text, '"'"'Kommunen avstyrker förslaget om finansiering'"'"') > 0 FROM document_reads WHERE id = '"$pdf_read"'")" = t ]'
req "$F" GET "/remisser/$SLUG/registrera/$lh/las/$pdf_read"
check "the read page shows the proposal as the registration form, prefilled" eval 'status_is 200 &&
	body_has "Registrera svaret" && header_lacks "Refresh:" &&
	grep -qE "<input type=\"radio\" id=\"a-2-position-[0-9]\" name=\"a-2-position\" value=\"avstyrker\" checked" "$T/body"'
check "beside each answer: the passage quoted, its cue words marked, säker or osäker" eval '
	body_has "<blockquote class=\"read-passage\">" && body_has "<mark>" && body_matches "Ur dokumentet – (säker|osäker)" &&
	body_has "Kostnaderna flyttas till kommunerna"'
check "a section the document does not answer says so" body_has "Inget hittat i dokumentet"
check "the answer to a question of consequences is proposed in its field for the kommuner" \
	eval 'grep -qE "<textarea id=\"q-q1-kommun\" name=\"q-q1-kommun\"[^>]*>Kostnaderna för kommunen ökar med tre miljoner kronor per år.</textarea>" "$T/body" ||
	{ echo "#   $(grep -o "<textarea id=\"q-q1-kommun\"[^<]*" "$T/body")"; false; }'
check "the read page says the document will be attached as the original" body_has "laholm-yttrande.pdf bifogas svaret som originalet"

# --- confirming, with one answer corrected ------------------------------------------------------------
python3 "$ROOT/tests/integration/form_values.py" "$T/body" "/remisser/$SLUG/registrera/$lh/las/$pdf_read" >"$T/form"
fields=()
while IFS= read -r line; do
	case ${line%%=*} in a-3-kommentar|kontakt_namn|kontakt_epost) continue ;; esac
	fields+=(--form-string "${line//\\n/$'\n'}")
done <"$T/form"
v0=$(versions 'Laholms kommun'); c0=$(audits document.confirm)
req "$F" POST "/remisser/$SLUG/registrera/$lh/las/$pdf_read" "${fields[@]}" \
	--form-string "a-3-kommentar=Rättat av förvaltningen: uppföljningen bör ske halvårsvis." \
	--form-string "kontakt_namn=Anna Andersson" --form-string "kontakt_epost=anna.andersson@laholm.example" \
	--form-string action=registrera
check "confirming stores a version and answers 303 to its receipt" eval 'status_is 303 &&
	header_matches "^Location: /remisser/'"$SLUG"'/kvitton/[0-9]+$" && [ "$(versions "Laholms kommun")" = $((v0 + 1)) ]'
vid=$(sql "SELECT max(v.id) FROM response_versions v JOIN responses r ON r.id = v.response_id WHERE r.remiss_id = $rid AND r.org_id = $lh")
check "the version is registrerad, with the PDF as its attachment and the file's own SHA-256" eval '
	[ "$(sql "SELECT channel FROM response_versions WHERE id = '"$vid"'")" = registrerad ] &&
	[ "$(sql "SELECT sha256 || '"'"' '"'"' || filename FROM attachments WHERE version_id = '"$vid"' AND ord = 0")" = "$(sha256sum "$T/svar.pdf" | cut -d" " -f1) laholm-yttrande.pdf" ]'
check "the stored answers are the proposal where kept and the correction where corrected" eval '
	[ "$(sql "SELECT a.position FROM answers a JOIN sections s ON s.id = a.section_id WHERE a.version_id = '"$vid"' AND s.nr = '"'"'2'"'"'")" = avstyrker ] &&
	[ "$(sql "SELECT a.comment FROM answers a JOIN sections s ON s.id = a.section_id WHERE a.version_id = '"$vid"' AND s.nr = '"'"'3'"'"'")" = "Rättat av förvaltningen: uppföljningen bör ske halvårsvis." ]'
check "…and stored there when confirmed" eval '[ "$(sql "SELECT a.consequence_kommun FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.version_id = '"$vid"' AND q.qid = '"'"'q1'"'"'")" = "Kostnaderna för kommunen ökar med tre miljoner kronor per år." ]'
check "the read records its version and the confirmation is audited" eval '
	[ "$(sql "SELECT confirmed_version FROM document_reads WHERE id = '"$pdf_read"'")" = "$vid" ] &&
	[ "$(audits document.confirm)" = $((c0 + 1)) ]'
req "$F" GET "/remisser/$SLUG/registrera/$lh"
check "the registration page lists the documents read for the organisation, with their state" eval 'status_is 200 &&
	body_has "Inlästa dokument" && body_has "href=\"/remisser/'"$SLUG"'/registrera/'"$lh"'/las/'"$pdf_read"'\">laholm-yttrande.pdf</a>" &&
	body_matches "laholm-yttrande.pdf</a> \([0-9]+ [a-zé]+ [0-9]{4}\): registrerat"'
req "$F" GET "/remisser/$SLUG/registrera/$hs"
check "…and only that organisation's" eval 'status_is 200 && body_lacks "laholm-yttrande.pdf"'
check "the registered response is in the export like any other" eval 'export_formats "$SLUG" csv &&
	grep -q "Rättat av förvaltningen" "$T/e.csv" && grep -q "Laholms kommun" "$T/e.csv"'

# --- DOCX and ODT -------------------------------------------------------------------------------------
upload "$F" "$T/svar.docx"; docx_read=$READ_ID
check "a DOCX is read and proposes the same sections" eval 'status_is 303 && wait_read "$docx_read" &&
	[ "$(read_status "$docx_read")" = done ] && [ "$(proposed "$docx_read" 2)" = avstyrker ] &&
	[ "$(proposed "$docx_read" 1)" = tillstyrker ] && passage_has "$docx_read" 2 "Kostnaderna flyttas"'
# A passage across a page break holds the text's form feed: the page shows it as a line break.
sql "UPDATE document_reads SET proposal = jsonb_set(proposal, '{answers,0,passage}',
	to_jsonb(E'slutet av sida ett\n\n\f\n\nbörjan av sida två'::text)) WHERE id = $docx_read" >/dev/null
req "$F" GET "/remisser/$SLUG/registrera/$lh/las/$docx_read"
check "a passage across a page break is shown, the break as a line break" eval 'status_is 200 &&
	body_has "slutet av sida ett" && body_has "början av sida två" && ! grep -q $'"'"'\f'"'"' "$T/body"'
upload "$F" "$T/svar.odt"; odt_read=$READ_ID
check "an ODT is read and proposes the same sections" eval 'status_is 303 && wait_read "$odt_read" &&
	[ "$(read_status "$odt_read")" = done ] && [ "$(proposed "$odt_read" 2)" = avstyrker ] &&
	[ "$(proposed "$odt_read" 1)" = tillstyrker ] && passage_has "$odt_read" 2 "Kostnaderna flyttas"'
# The ODT confirmed: a DOCX or ODT original is accepted where a PDF was required.
req "$F" GET "/remisser/$SLUG/registrera/$lh/las/$odt_read"
python3 "$ROOT/tests/integration/form_values.py" "$T/body" "/remisser/$SLUG/registrera/$lh/las/$odt_read" >"$T/form"
fields=()
while IFS= read -r line; do
	case ${line%%=*} in kontakt_namn|kontakt_epost) continue ;; esac
	fields+=(--form-string "${line//\\n/$'\n'}")
done <"$T/form"
req "$F" POST "/remisser/$SLUG/registrera/$lh/las/$odt_read" "${fields[@]}" \
	--form-string "kontakt_namn=Anna Andersson" --form-string "kontakt_epost=anna.andersson@laholm.example"
ovid=$(sql "SELECT max(v.id) FROM response_versions v JOIN responses r ON r.id = v.response_id WHERE r.remiss_id = $rid AND r.org_id = $lh")
check "an ODT original is registered as the attachment, its SHA-256 the file's" eval 'status_is 303 && [ "$ovid" != "$vid" ] &&
	[ "$(sql "SELECT media_type || '"'"' '"'"' || sha256 FROM attachments WHERE version_id = '"$ovid"' AND ord = 0")" = "application/vnd.oasis.opendocument.text $(sha256sum "$T/svar.odt" | cut -d" " -f1)" ]'

# --- refused at the upload ------------------------------------------------------------------------------
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\x08\x02\0\0\0' >"$T/bild.pdf"
n1=$(reads)
upload "$F" "$T/bild.pdf"
check "a PNG named .pdf is refused (422, Swedish and English), nothing queued" eval 'status_is 422 &&
	body_has "Filen är inte en PDF-, Word- (DOCX) eller ODT-fil" && body_has "not a PDF, DOCX or ODT document" && [ "$(reads)" = "$n1" ]'
cp "$T/svar.txt" "$T/svar-text.txt"
upload "$F" "$T/svar-text.txt"
check "a plain text file is refused too (422)" eval 'status_is 422 && [ "$(reads)" = "$n1" ]'
{ head -c 1200 "$T/svar.pdf"; head -c $((2 * 1024 * 1024)) /dev/zero; } >"$T/stor.pdf"
upload "$F" "$T/stor.pdf"
check "an oversized document is a bilingual 413, nothing queued" eval 'status_is 413 && body_has "för stor" &&
	body_has "too large" && [ "$(reads)" = "$n1" ]'
req "$F" GET "/remisser/$SLUG/registrera/$lh"
req "$F" POST "/remisser/$SLUG/registrera/$lh/las" -F "csrf=$(form_csrf)"
check "an upload without a file is 422, in Swedish and English" eval 'status_is 422 && body_has "Välj ett dokument" && body_has "Choose a document"'

# --- hostile documents: the read fails, the worker lives on ----------------------------------------------
printf '%%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n' >"$T/trasig.pdf"
upload "$F" "$T/trasig.pdf"; bad_read=$READ_ID
check "a corrupt PDF fails to read, with a Swedish message on its page" eval 'status_is 303 && wait_read "$bad_read" &&
	[ "$(read_status "$bad_read")" = failed:corrupt ]'
req "$F" GET "/remisser/$SLUG/registrera/$lh/las/$bad_read"
check "…the page says the document is damaged, with no form" eval 'status_is 200 &&
	body_has "Dokumentet är skadat eller kunde inte läsas." && body_lacks "Registrera svaret"'
check "…and the worker is still running" kill -0 "$WPID"
python3 - "$T/bomb.docx" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    head = '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
    with z.open("word/document.xml", "w", force_zip64=True) as f:
        f.write(head.encode())
        chunk = b" " * (1 << 20)
        for _ in range(80):
            f.write(chunk)
        f.write(b"</w:t></w:r></w:p></w:body></w:document>")
PY
check "the zip bomb DOCX (80 MB of XML in a small file) is small enough to upload" eval '[ "$(stat -c %s "$T/bomb.docx")" -lt 1000000 ]'
upload "$F" "$T/bomb.docx"; bomb_read=$READ_ID
check "a zip bomb DOCX is refused by the reader's limits, not unpacked" eval 'status_is 303 && wait_read "$bomb_read" &&
	[ "$(read_status "$bomb_read")" = failed:too_large ]'
check "…and the worker is still running" kill -0 "$WPID"

# --- the child's limits, and a worker that died (the main worker stopped meanwhile) ----------------------
stop_worker
python3 - "$T/langsam.pdf" <<'PY'
import sys, zlib
ops = [b"BT /F1 8 Tf"] + [b"1 0 0 1 %d %d Tm (a) Tj" % ((i * 37) % 580, (i * 91) % 830) for i in range(100000)] + [b"ET"]
c = zlib.compress(b"\n".join(ops), 9)
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(c) + c + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
out, offs = b"%PDF-1.4\n", []
for i, o in enumerate(objs):
    offs.append(len(out))
    out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
x = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offs)
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
open(sys.argv[1], "wb").write(out)
PY
upload "$F" "$T/langsam.pdf"; slow_read=$READ_ID
"$BUILD/remissctl" documents read --once --cpu 1 --wall 20 --extract "$BUILD/remiss-extract" >"$T/once.out" 2>>"$T/once.err"; rc=$?
check "a PDF that needs more CPU than the child may use fails (limits); the worker exits normally" eval '[ "$rc" = 0 ] &&
	[ "$(read_status "$slow_read")" = failed:limits ] && grep -q "0 read, 1 failed" "$T/once.out"'
req "$F" GET "/remisser/$SLUG/registrera/$lh/las/$slow_read"
check "…its page says it took too long or too much memory" body_has "Dokumentet tog för lång tid eller för mycket minne"
upload "$F" "$T/svar.docx"; dead_read=$READ_ID
sql "UPDATE document_reads SET status = 'running', attempts = 1, claimed_by = 'dead-host:1',
	lease_until = now() - interval '1 minute' WHERE id = $dead_read" >/dev/null
"$BUILD/remissctl" documents read --once --extract "$BUILD/remiss-extract" >"$T/once.out" 2>>"$T/once.err"
check "a read whose worker died is read again when its lease has run out" eval '
	[ "$(read_status "$dead_read")" = done ] && [ "$(sql "SELECT attempts FROM document_reads WHERE id = '"$dead_read"'")" = 2 ]'
upload "$F" "$T/svar.docx"; given_read=$READ_ID
sql "UPDATE document_reads SET status = 'running', attempts = 3, claimed_by = 'dead-host:1',
	lease_until = now() - interval '1 minute' WHERE id = $given_read" >/dev/null
"$BUILD/remissctl" documents read --once --extract "$BUILD/remiss-extract" >"$T/once.out" 2>>"$T/once.err"
check "…and given up after 3 attempts, with a Swedish message on its page" eval '[ "$(read_status "$given_read")" = failed:gave_up ]'
req "$F" GET "/remisser/$SLUG/registrera/$lh/las/$given_read"
check "…which says reading was interrupted and given up" body_has "Inläsningen avbröts upprepade gånger"
upload "$F" "$T/svar.docx"; live_read=$READ_ID
sql "UPDATE document_reads SET status = 'running', attempts = 1, claimed_by = 'other-host:1',
	lease_until = now() + interval '10 minutes' WHERE id = $live_read" >/dev/null
"$BUILD/remissctl" documents read --once --extract "$BUILD/remiss-extract" >"$T/once.out" 2>>"$T/once.err"
check "a read another live worker holds is left to it" eval '[ "$(read_status "$live_read")" = running ]'
"$BUILD/remissctl" documents status >"$T/status.out" 2>&1
check "remissctl documents status counts the queue" eval 'grep -qE "^running	1$" "$T/status.out" && grep -qE "^done	[0-9]+$" "$T/status.out"'
"$BUILD/remissctl" documents read --extract /nonexistent/remiss-extract >/dev/null 2>"$T/err"; rc=$?
check "the worker refuses to start without an extractor it can run" eval '[ "$rc" = 1 ] && grep -q "not an executable" "$T/err"'

# --- who may see which read ------------------------------------------------------------------------------
req "$A" GET "/remisser/$SLUG/registrera/$lh/las/$pdf_read"
check "a kommun user cannot open a read (403)" status_is 403
n2=$(reads)
req "$A" POST "/remisser/$SLUG/registrera/$lh/las" -F "csrf=$(page_csrf "$A" /)" -F "dokument=@$T/svar.pdf"
check "…nor upload one (403), nothing queued" eval 'status_is 403 && [ "$(reads)" = "$n2" ]'
req "$F" GET "/remisser/$DEMO/registrera/$lh/las/$pdf_read"
check "a read of this remiss under another remiss's path is 404" status_is 404
req "$F" GET "/remisser/$SLUG/registrera/$hs/las/$pdf_read"
check "a read of Laholm under Halmstad's path is 404" status_is 404
req "$F" GET "/remisser/$SLUG/registrera/$lh/las/999999999"
check "a read that does not exist is 404" status_is 404
v1=$(versions 'Laholms kommun')
req "$F" GET "/remisser/$DEMO/registrera/$lh"
req "$F" POST "/remisser/$DEMO/registrera/$lh/las/$pdf_read" -F "csrf=$(form_csrf)" -F "nyckel=$(hidden nyckel)"
check "confirming a read under another remiss's path is 404, nothing stored" eval 'status_is 404 &&
	[ "$(versions "Laholms kommun")" = "$v1" ]'
stop_worker
# The worker and its children are built like everything else here (sanitizers in dev/test): a
# report from either, in the worker's log or a --once run's, fails the suite.
check "no sanitizer reported anything in the worker or its extractor children" \
	eval '! grep -hE "AddressSanitizer|LeakSanitizer|runtime error:" "$T/worker.log" "$T"/once.err'
finish
