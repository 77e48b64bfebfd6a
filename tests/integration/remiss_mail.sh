#!/usr/bin/env bash
# tests/integration/remiss_mail.sh BUILD-DIR BASE-URL TMPDIR: the remiss's own documents and the
# messages about a remiss (issue 18). Documents: PDF and DOCX uploaded by the förvaltning (type
# from the content, SHA-256, audit), a refused type (415) and a file too large (413) storing
# nothing, listed on the remiss page, downloaded as an attachment with nosniff, hidden from an
# uninvited kommun (404) and the public, withdrawn, in the HTML/ODT exports and in the e-archive
# package with their SHA-256. Dispatch: one queued message per address (registry or the
# invitation's own address, contacts, the organisation's users in their language) with the
# organisation's own deadline and the document links, a warning for an organisation without a
# mailbox, nothing twice, latecomers on the next press. Reminders: only the silent organisations
# inside the window, none after an extension past it, none twice, a new one for a new deadline.
# Receipts: queued by the web form, the API and the registrar's form in the transaction that
# stores the version (a queue that fails stores nothing). Digest: the new answers to the
# referensgrupp, nothing when nothing is new. Asserts on mail_outbox (delivery is the sender's).
# Needs REMISS_DB and the demo data. Prints "ok N - name" lines and a summary.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: remiss_mail.sh BUILD-DIR BASE-URL TMPDIR}
BASE=${2:?usage}
T=${3:?usage}
PW=remissvar-demo
PUB=${REMISS_PUBLIC_URL:-http://remissvar.test}
mkdir -p "$T"
CTL=$BUILD/remissctl
day() { TZ=Europe/Stockholm date -d "$1" +%F; }
TODAY=$(day today)

# outbox KIND WHERE: the rows of the outbox of KIND matching WHERE, as "to_addr" lines, sorted.
outbox() { sql "SELECT to_addr FROM mail_outbox WHERE kind = '$1' AND ($2) ORDER BY to_addr"; }
nout() { sql "SELECT count(*) FROM mail_outbox WHERE kind = '$1' AND (${2:-true})"; }
body_of() { sql "SELECT body_text FROM mail_outbox WHERE kind = '$1' AND ($2) ORDER BY id DESC LIMIT 1"; }

# --- a remiss of the suite's own, its organisations and people ----------------------------
S=rm-utskick
new_remiss $S "Remiss om utskick" 2 "kommun:Utskicks kommun" "region:Svarande region" \
	"kommun:Tysta kommun"
rid=$(sql "SELECT id FROM remiss WHERE slug = '$S'")
sql "UPDATE remiss SET diarienummer = 'RS 2026/77' WHERE id = $rid" >/dev/null
uk=$(sql "SELECT id FROM organisations WHERE name = 'Utskicks kommun'")
sr=$(sql "SELECT id FROM organisations WHERE name = 'Svarande region'")
tk=$(sql "SELECT id FROM organisations WHERE name = 'Tysta kommun'")
sql "UPDATE organisations SET registry_email = 'registrator@utskick.example' WHERE id = $uk" >/dev/null
sql "INSERT INTO org_contacts (org_id, name, email) VALUES ($uk, 'Kim Kontakt', 'kontakt@utskick.example')
	ON CONFLICT DO NOTHING" >/dev/null
sql "UPDATE invitations SET dispatch_email = 'diarium@svarande.example' WHERE remiss_id = $rid AND org_id = $sr" >/dev/null
EXT=$(day '+40 days')
sql "UPDATE invitations SET extended_closes = '$EXT' WHERE remiss_id = $rid AND org_id = $uk" >/dev/null
add_user uma@utskick.example kommun "Uma Utskick" --org "Utskicks kommun"
sql "UPDATE users SET lang = 'en' WHERE email = 'uma@utskick.example'" >/dev/null
F=$T/forvaltning U=$T/uma K=$T/karin
login "$F" forvaltning@regionhalland.example
login "$U" uma@utskick.example
login "$K" karin.karlsson@halmstad.example
fcsrf=$(page_csrf "$F")
ucsrf=$(page_csrf "$U")

# --- documents ------------------------------------------------------------------------------
printf '%%PDF-1.4\n%% Förslag till riktlinjer\n%%%%EOF\n' >"$T/forslag.pdf"
python3 - "$T/missiv.docx" <<'EOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
    z.writestr("word/document.xml", '<?xml version="1.0"?><document>Missiv</document>')
EOF
printf 'bara text\n' >"$T/anteckning.txt"
printf '\x89PNG\r\n\x1a\nnot a pdf' >"$T/bild.pdf"
head -c 1600000 /dev/zero | tr '\0' 'a' | sed '1s/^/%PDF-1.4\n/' >"$T/stor.pdf"
ndocs() { sql "SELECT count(*) FROM remiss_documents WHERE remiss_id = $rid AND removed_at IS NULL"; }
D=/remisser/$S/dokument

req "$F" GET "$D"
check "the förvaltning's documents page offers an upload form (multipart)" \
	eval 'status_is 200 && body_has "enctype=\"multipart/form-data\"" && body_has "Remissen har inga handlingar."'
req "$F" POST "$D" -F "csrf=$fcsrf" -F typ=forslag -F "rubrik=Förslag till riktlinjer" -F "fil=@$T/forslag.pdf"
pdf_sha=$(sha256sum "$T/forslag.pdf" | cut -d' ' -f1)
pdf_id=$(sql "SELECT id FROM remiss_documents WHERE remiss_id = $rid AND kind = 'forslag' ORDER BY id DESC LIMIT 1")
check "a PDF uploads as the förslag: 303, typed by content, its SHA-256 stored, audited" \
	eval 'status_is 303 && header_matches "^Location: $D\?klart=uppladdad" && [ -n "$pdf_id" ] &&
	      [ "$(sql "SELECT concat_ws(chr(32), media_type, sha256, size) FROM remiss_documents WHERE id = $pdf_id")" = "application/pdf $pdf_sha $(stat -c %s "$T/forslag.pdf")" ] &&
	      [ "$(sql "SELECT count(*) FROM audit_log WHERE action = '"'"'remiss.document.add'"'"' AND object_id = '"'"'$pdf_id'"'"'")" = 1 ]'
req "$F" POST "$D" -F "csrf=$fcsrf" -F typ=missiv -F "fil=@$T/missiv.docx;type=application/octet-stream"
docx_id=$(sql "SELECT id FROM remiss_documents WHERE remiss_id = $rid AND kind = 'missiv' ORDER BY id DESC LIMIT 1")
check "a DOCX uploads as the missiv, typed by its content" \
	eval 'status_is 303 && [ "$(sql "SELECT media_type FROM remiss_documents WHERE id = $docx_id")" = application/vnd.openxmlformats-officedocument.wordprocessingml.document ]'
python3 - "$T/bilaga.odt" <<'EOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
    z.writestr("content.xml", '<?xml version="1.0"?><office:document-content/>', zipfile.ZIP_DEFLATED)
EOF
req "$F" POST "$D" -F "csrf=$fcsrf" -F typ=bilaga -F "rubrik=Konsekvensanalys" -F "fil=@$T/bilaga.odt"
odt_id=$(sql "SELECT id FROM remiss_documents WHERE remiss_id = $rid AND kind = 'bilaga' ORDER BY id DESC LIMIT 1")
check "an ODT uploads as a bilaga, typed by its content" \
	eval 'status_is 303 && [ "$(sql "SELECT media_type FROM remiss_documents WHERE id = $odt_id")" = application/vnd.oasis.opendocument.text ]'
n=$(ndocs)
req "$F" POST "$D" -F "csrf=$fcsrf" -F typ=bilaga -F "fil=@$T/anteckning.txt"
check "a text file is refused (415) in Swedish and English, nothing stored" \
	eval 'status_is 415 && body_has "inte en PDF-, DOCX- eller ODT-fil" && body_has "not a PDF, DOCX or ODT file" && [ "$(ndocs)" = "$n" ]'
req "$F" POST "$D" -F "csrf=$fcsrf" -F typ=bilaga -F "fil=@$T/bild.pdf"
check "a PNG named .pdf is refused (415): the content decides" eval 'status_is 415 && [ "$(ndocs)" = "$n" ]'
req "$F" POST "$D" -F "csrf=$fcsrf" -F typ=bilaga -F "fil=@$T/stor.pdf"
check "a file over the limit is a 413 with a message, nothing stored" \
	eval 'status_is 413 && body_matches "(för stor|too large|för stort)" && [ "$(ndocs)" = "$n" ]'
req "$F" POST "$D" -F "csrf=$fcsrf" -F typ=okand -F "fil=@$T/forslag.pdf"
check "an unknown kind is a 422, nothing stored" eval 'status_is 422 && body_has "förslag, missiv eller bilaga" && [ "$(ndocs)" = "$n" ]'
req "$F" POST "$D" -F typ=bilaga -F "fil=@$T/forslag.pdf"
check "an upload without the CSRF token is refused (403)" eval 'status_is 403 && [ "$(ndocs)" = "$n" ]'
req "$U" POST "$D" -F "csrf=$ucsrf" -F typ=bilaga -F "fil=@$T/forslag.pdf"
check "a remissinstans may not upload (403)" eval 'status_is 403 && [ "$(ndocs)" = "$n" ]'

req "$U" GET "/remisser/$S"
check "the remiss page lists the documents with kind and size for an invited kommun (in English for Uma)" \
	eval 'status_is 200 && body_has "Proposal: " && body_has ">Förslag till riktlinjer</a>" && body_has "href=\"$D/$pdf_id\"" && body_has "missiv.docx" && body_lacks "Manage documents"'
req "$F" GET "/remisser/$S"
check "…and for the förvaltning with the upload date and the ways to manage them" \
	eval 'status_is 200 && body_has ">Förslag till riktlinjer</a> (" && body_has "$(svdate "$TODAY"))" && body_has "Hantera handlingar" && body_has "Utskick och påminnelser"'
req "$U" GET "$D/$pdf_id"
check "an invited kommun downloads the PDF byte for byte: attachment, its type, nosniff" \
	eval 'status_is 200 && cmp -s "$T/body" "$T/forslag.pdf" && header_matches "^Content-Type: application/pdf" &&
	      header_matches "^Content-Disposition: attachment;" && header_matches "^X-Content-Type-Options: nosniff$"'
req "$K" GET "$D/$pdf_id"
check "a kommun not invited to the remiss gets 404 for the document" status_is 404
req - GET "$D/$pdf_id"
check "the public does not get the document (login first)" eval '[ "$STATUS" = 303 ] || [ "$STATUS" = 401 ]'
req "$F" GET "$D/999999999"
check "an unknown document is a 404" status_is 404
other=$(sql "SELECT id FROM remiss WHERE slug = 'ok-hemsjukvard-2025'")
req "$F" GET "/remisser/ok-hemsjukvard-2025/dokument/$pdf_id"
check "a document is not found under another remiss's address (404)" status_is 404

# Exports list them with their checksums.
export_formats $S html odt
check "the HTML and ODT exports list the documents with their SHA-256" \
	eval 'grep -qF "Remisshandlingar" "$T/e.html" && grep -qF "$pdf_sha" "$T/e.html" && xmllint --noout "$T/e.html" &&
	      odt_has "$T/e.odt" "Remisshandlingar" "$pdf_sha"'

# A withdrawn bilaga: gone from lists and downloads, kept for the record.
req "$F" POST "$D" -F "csrf=$fcsrf" -F typ=bilaga -F "rubrik=Gammal bilaga" -F "fil=@$T/forslag.pdf"
old_id=$(sql "SELECT id FROM remiss_documents WHERE remiss_id = $rid AND kind = 'bilaga' ORDER BY id DESC LIMIT 1")
post_form "$U" "$D/$old_id/ta-bort" "$ucsrf"
check "a remissinstans may not withdraw a document (403)" \
	eval 'status_is 403 && [ -z "$(sql "SELECT removed_at FROM remiss_documents WHERE id = $old_id")" ]'
post_form "$F" "$D/$old_id/ta-bort" "$fcsrf"
check "the förvaltning withdraws it: removed_at set, audited, the row kept" \
	eval 'status_is 303 && [ -n "$(sql "SELECT removed_at FROM remiss_documents WHERE id = $old_id")" ] &&
	      [ "$(sql "SELECT count(*) FROM audit_log WHERE action = '"'"'remiss.document.remove'"'"' AND object_id = '"'"'$old_id'"'"'")" = 1 ]'
req "$U" GET "$D/$old_id"
check "…and it no longer downloads (404)" status_is 404
req "$U" GET "/remisser/$S"
check "…nor is it listed" eval 'status_is 200 && body_lacks "Gammal bilaga"'
post_form "$F" "$D/$old_id/ta-bort" "$fcsrf"
check "withdrawing it again is a 404" status_is 404

# --- dispatch ---------------------------------------------------------------------------------
U2=/remisser/$S/utskick
req "$F" GET "$U2"
check "the dispatch page counts the addresses and warns of an organisation without a mailbox" \
	eval 'status_is 200 && body_has "2 organisationer har ännu inte fått remissen. Utskicket blir 4 meddelanden" && body_has "<li>Tysta kommun</li>" && body_has "Skicka ut remissen"'
req "$F" GET "/remisser/$S/redigera"
check "the remiss editor links the documents and the dispatch and reminder pages" \
	eval 'status_is 200 && body_has "href=\"/remisser/$S/dokument\"" && body_has "href=\"/remisser/$S/utskick\""'
req "$F" GET "/remisser/$S/oversikt"
check "…and so does the remiss's overview, the förvaltning's page of the remiss" \
	eval 'status_is 200 && body_has "href=\"/remisser/$S/dokument\"" && body_has "href=\"/remisser/$S/utskick\""'
req "$F" POST "$U2"
check "a dispatch without the CSRF token is refused, nothing queued" eval 'status_is 403 && [ "$(nout dispatch "remiss_id = $rid")" = 0 ]'
post_form "$U" "$U2" "$ucsrf"
check "a remissinstans may not dispatch (403)" eval 'status_is 403 && [ "$(nout dispatch "remiss_id = $rid")" = 0 ]'
post_form "$F" "$U2" "$fcsrf"
check "the dispatch queues one message per address: mailbox, own address, contact, user" \
	eval 'status_is 303 && [ "$(outbox dispatch "remiss_id = $rid" | tr "\n" " ")" = "diarium@svarande.example kontakt@utskick.example registrator@utskick.example uma@utskick.example " ]'
check "…with the dedupe key dispatch:REMISS:ORG:ADDRESS" \
	eval '[ "$(sql "SELECT dedupe_key FROM mail_outbox WHERE kind = '"'"'dispatch'"'"' AND to_addr = '"'"'registrator@utskick.example'"'"'")" = "dispatch:$rid:$uk:registrator@utskick.example" ]'
body_of dispatch "to_addr = 'registrator@utskick.example'" >"$T/disp.txt"
check "…the text names the remiss, sender, diarienummer, the organisation's extended deadline, links and how to answer" \
	eval 'grep -qF "Remiss om utskick" "$T/disp.txt" && grep -qF "Region Halland" "$T/disp.txt" && grep -qF "RS 2026/77" "$T/disp.txt" &&
	      grep -qF "Sista svarsdag: $(svdate "$EXT")" "$T/disp.txt" && grep -qF "$PUB/remisser/$S/dokument/$pdf_id" "$T/disp.txt" &&
	      grep -qF "$PUB/remisser/$S/dokument/$docx_id" "$T/disp.txt" && ! grep -qF "dokument/$old_id" "$T/disp.txt" &&
	      grep -qF "$PUB/remisser/$S/svar" "$T/disp.txt" && grep -qF "$PUB/api/v1/remisser/$S/remissvar" "$T/disp.txt"'
# new_remiss (lib.sh) writes the deadline by the machine's date, not Stockholm's: the same here,
# or the check fails in the hour or two around midnight when the two differ.
check "…the region's text has the remiss's own deadline" \
	eval 'body_of dispatch "to_addr = '"'"'diarium@svarande.example'"'"'" | grep -qF "Sista svarsdag: $(svdate "$(date -d "+30 days" +%F)")"'
check "…the user who reads English gets it in English, the registry in Swedish" \
	eval '[ "$(sql "SELECT concat_ws(chr(32), lang, subject) FROM mail_outbox WHERE kind = '"'"'dispatch'"'"' AND to_addr = '"'"'uma@utskick.example'"'"'")" = "en Consultation: Remiss om utskick" ] &&
	      [ "$(sql "SELECT concat_ws(chr(32), lang, subject) FROM mail_outbox WHERE kind = '"'"'dispatch'"'"' AND to_addr = '"'"'registrator@utskick.example'"'"'")" = "sv Remiss: Remiss om utskick" ]'
check "…the invitations and the remiss are marked dispatched (not the one without an address), audited" \
	eval '[ "$(sql "SELECT count(*) FROM invitations WHERE remiss_id = $rid AND dispatched_at IS NOT NULL")" = 2 ] &&
	      [ -z "$(sql "SELECT dispatched_at FROM invitations WHERE remiss_id = $rid AND org_id = $tk")" ] &&
	      [ -n "$(sql "SELECT dispatched_at FROM remiss WHERE id = $rid")" ] &&
	      [ "$(sql "SELECT count(*) FROM audit_log WHERE action = '"'"'remiss.dispatch'"'"' AND object_id = '"'"'$rid'"'"'")" = 1 ]'
first=$(sql "SELECT dispatched_at FROM remiss WHERE id = $rid")
post_form "$F" "$U2" "$fcsrf"
check "pressing again queues nothing new (and the remiss keeps the time of the dispatch that sent)" \
	eval 'status_is 303 && [ "$(nout dispatch "remiss_id = $rid")" = 4 ] && [ "$(sql "SELECT dispatched_at FROM remiss WHERE id = $rid")" = "$first" ]'
sql "INSERT INTO organisations (name, kind, registry_email) VALUES ('Sen kommun', 'kommun', 'sen@sen.example')
	ON CONFLICT (name) DO NOTHING" >/dev/null
sk=$(sql "SELECT id FROM organisations WHERE name = 'Sen kommun'")
sql "INSERT INTO invitations (remiss_id, org_id) VALUES ($rid, $sk)" >/dev/null
post_form "$F" "$U2" "$fcsrf"
check "an organisation invited after the dispatch gets its own with the next press, only it" \
	eval 'status_is 303 && [ "$(nout dispatch "remiss_id = $rid")" = 5 ] && [ "$(outbox dispatch "remiss_id = $rid AND org_id = $sk")" = sen@sen.example ]'
S2=rm-stangd
new_remiss $S2 "Stängd remiss" 1 "kommun:Utskicks kommun"
rid2=$(sql "SELECT id FROM remiss WHERE slug = '$S2'")
sql "UPDATE remiss SET status = 'stangd' WHERE id = $rid2" >/dev/null
post_form "$F" "/remisser/$S2/utskick" "$fcsrf"
check "a closed remiss is not dispatched (409, bilingual), nothing queued" \
	eval 'status_is 409 && body_has "öppen eller ska öppna" && body_has "open or about to open" && [ "$(nout dispatch "remiss_id = $rid2")" = 0 ]'
S3=rm-snart
new_remiss $S3 "Remiss som snart öppnar" 1 "kommun:Utskicks kommun"
rid3=$(sql "SELECT id FROM remiss WHERE slug = '$S3'")
sql "UPDATE remiss SET opens = '$(day '+3 days')' WHERE id = $rid3" >/dev/null
post_form "$F" "/remisser/$S3/utskick" "$fcsrf"
check "a remiss about to open is dispatched (before its first day)" \
	eval 'status_is 303 && [ "$(nout dispatch "remiss_id = $rid3")" = 3 ]'

# --- the e-archive package carries the documents ----------------------------------------------
req "$F" POST "/remisser/$S2/dokument" -F "csrf=$fcsrf" -F typ=forslag -F "fil=@$T/forslag.pdf"
rm -rf "$T/arkiv" "$T/arkiv.tar"; mkdir -p "$T/arkiv"
"$CTL" archive $S2 -o "$T/arkiv.tar" >/dev/null 2>"$T/arkiv.err"
tar -xf "$T/arkiv.tar" -C "$T/arkiv" 2>/dev/null
check "remissctl archive puts each document in handlingar/ with its SHA-256 in arkiv.xml and SHA256SUMS" \
	eval '[ -f "$T/arkiv/$S2/handlingar/1-forslag.pdf" ] && cmp -s "$T/arkiv/$S2/handlingar/1-forslag.pdf" "$T/forslag.pdf" &&
	      grep -qF "sha256=\"$pdf_sha\"" "$T/arkiv/$S2/arkiv.xml" && grep -qF "<handling slag=\"forslag\"" "$T/arkiv/$S2/arkiv.xml" &&
	      grep -qF "$pdf_sha  handlingar/1-forslag.pdf" "$T/arkiv/$S2/SHA256SUMS" && (cd "$T/arkiv/$S2" && sha256sum -c --quiet SHA256SUMS)'

# --- receipts ---------------------------------------------------------------------------------
rcpt() { nout receipt "remiss_id = $rid"; }
# The web form: Uma of Utskicks kommun.
req "$U" GET "/remisser/$S/svar"; ucsrf=$(form_csrf); lock=$(hidden lock)
req "$U" POST "/remisser/$S/svar" --data-urlencode "csrf=$ucsrf" --data-urlencode "lock=$lock" \
	--data-urlencode action=granska --data-urlencode stallningstagande=tillstyrker \
	--data-urlencode "kontakt_namn=Uma Utskick" --data-urlencode kontakt_epost=uma.kontakt@utskick.example
key=$(hidden nyckel); lock=$(hidden lock)
post_form "$U" "/remisser/$S/svar" "$ucsrf" "lock=$lock" action=skicka "nyckel=$key"
vid=$(sql "SELECT v.id FROM response_versions v JOIN responses r ON r.id = v.response_id WHERE r.remiss_id = $rid AND r.org_id = $uk ORDER BY v.id DESC LIMIT 1")
check "a web submission queues the receipt to the person who sent it and to the registry" \
	eval 'status_is 303 && [ -n "$vid" ] && [ "$(outbox receipt "remiss_id = $rid AND dedupe_key LIKE '"'"'receipt:$vid:%'"'"'" | tr "\n" " ")" = "registrator@utskick.example uma@utskick.example " ]'
number=$(sql "SELECT receipt_number FROM response_versions WHERE id = $vid")
vsha=$(sql "SELECT sha256 FROM response_versions WHERE id = $vid")
at=$(sql "SELECT to_char(received_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD HH24.MI') FROM response_versions WHERE id = $vid")
body_of receipt "to_addr = 'registrator@utskick.example'" >"$T/rc.txt"
check "…the receipt text: number, Stockholm time in words, SHA-256, the link to the receipt page" \
	eval 'grep -qF "Kvittonummer: $number" "$T/rc.txt" && grep -qF "$vsha" "$T/rc.txt" &&
	      grep -qF "Mottaget: $(svdate "${at:0:10}") kl. ${at:11}" "$T/rc.txt" && grep -qF "$PUB/remisser/$S/kvitton/$vid" "$T/rc.txt"'
check "…in the person's language: English for Uma" \
	eval '[ "$(sql "SELECT concat_ws(chr(32), lang, subject) FROM mail_outbox WHERE kind = '"'"'receipt'"'"' AND to_addr = '"'"'uma@utskick.example'"'"'")" = "en Receipt $number: response to Remiss om utskick" ]'

# The API with an organisation token: the answer's contact, and no registry mailbox.
SR_TOKEN=$("$CTL" token create --org "Svarande region" --label remiss_mail)
api_xml() {
	cat <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<remissvar xmlns="urn:remissvar:1" remiss="$S">
  <remissinstans typ="region">Svarande region</remissinstans>
  <kontakt namn="Sara Svar" epost="sara.svar@svarande.example"/>
  <stallningstagande>$1</stallningstagande>
</remissvar>
EOF
}
api_xml tillstyrker >"$T/api.xml"
req - POST "/api/v1/remisser/$S/remissvar" -H "Authorization: Bearer $SR_TOKEN" -H 'Content-Type: application/xml' \
	--data-binary @"$T/api.xml"
svid=$(sql "SELECT v.id FROM response_versions v JOIN responses r ON r.id = v.response_id WHERE r.remiss_id = $rid AND r.org_id = $sr ORDER BY v.id DESC LIMIT 1")
check "an API submission with an organisation token queues the receipt to the answer's contact only (no registry mailbox)" \
	eval 'status_is 201 && [ "$(outbox receipt "dedupe_key LIKE '"'"'receipt:$svid:%'"'"'")" = sara.svar@svarande.example ]'
n=$(rcpt); nv=$(versions "Svarande region")
sed 's|<stallningstagande>tillstyrker</stallningstagande>|<stallningstagande>okand</stallningstagande>|' "$T/api.xml" >"$T/bad.xml"
req - POST "/api/v1/remisser/$S/remissvar" -H "Authorization: Bearer $SR_TOKEN" -H 'Content-Type: application/xml' \
	--data-binary @"$T/bad.xml"
check "a refused submission stores nothing and queues no receipt" \
	eval '[ "${STATUS:0:1}" = 4 ] && [ "$(rcpt)" = "$n" ] && [ "$(versions "Svarande region")" = "$nv" ]'
# All or nothing: when the receipt cannot be queued, the version is not stored either.
sql "CREATE FUNCTION pg_temp_refuse_receipt() RETURNS trigger LANGUAGE plpgsql AS
	\$\$ BEGIN RAISE EXCEPTION 'receipt refused by the test'; END \$\$;
	CREATE TRIGGER refuse_receipt BEFORE INSERT ON mail_outbox FOR EACH ROW
	WHEN (NEW.kind = 'receipt') EXECUTE FUNCTION pg_temp_refuse_receipt()" >/dev/null
api_xml avstyrker >"$T/api2.xml"
req - POST "/api/v1/remisser/$S/remissvar" -H "Authorization: Bearer $SR_TOKEN" -H 'Content-Type: application/xml' \
	--data-binary @"$T/api2.xml"
st=$STATUS
sql "DROP TRIGGER refuse_receipt ON mail_outbox; DROP FUNCTION pg_temp_refuse_receipt()" >/dev/null
check "a submission whose receipt cannot be queued is not stored (5xx, no version, no audit row)" \
	eval '[ "${st:0:1}" = 5 ] && [ "$(versions "Svarande region")" = "$nv" ] && [ "$(rcpt)" = "$n" ]'
req - POST "/api/v1/remisser/$S/remissvar" -H "Authorization: Bearer $SR_TOKEN" -H 'Content-Type: application/xml' \
	--data-binary @"$T/api2.xml"
svid2=$(sql "SELECT v.id FROM response_versions v JOIN responses r ON r.id = v.response_id WHERE r.remiss_id = $rid AND r.org_id = $sr ORDER BY v.id DESC LIMIT 1")
check "…and the same submission goes through once the queue works: version 2 with its receipt" \
	eval 'status_is 201 && [ "$(versions "Svarande region")" = $((nv + 1)) ] && [ "$(outbox receipt "dedupe_key LIKE '"'"'receipt:$svid2:%'"'"'")" = sara.svar@svarande.example ]'

# Registration by the förvaltning: the registrar who entered it (Tysta kommun has no mailbox).
req "$F" GET "/remisser/$S/registrera/$tk"
req "$F" POST "/remisser/$S/registrera/$tk" -F "csrf=$(form_csrf)" -F lock=0 -F "nyckel=$(hidden nyckel)" \
	-F action=registrera -F "ankomstdatum=$TODAY" -F stallningstagande=inga-synpunkter \
	-F "kontakt_namn=Tove Tyst" -F kontakt_epost=tove@tysta.example -F "bilaga=@$T/forslag.pdf"
tvid=$(sql "SELECT v.id FROM response_versions v JOIN responses r ON r.id = v.response_id WHERE r.remiss_id = $rid AND r.org_id = $tk ORDER BY v.id DESC LIMIT 1")
check "a registered response queues the receipt to the förvaltning's registrar" \
	eval 'status_is 303 && [ -n "$tvid" ] && [ "$(outbox receipt "dedupe_key LIKE '"'"'receipt:$tvid:%'"'"'")" = forvaltning@regionhalland.example ]'

# --- digest -----------------------------------------------------------------------------------
add_user greta.grupp@regionhalland.example granskare "Greta Grupp"
gid=$(sql "SELECT id FROM users WHERE email = 'greta.grupp@regionhalland.example'")
sql "INSERT INTO remiss_reviewers (remiss_id, user_id) VALUES ($rid, $gid) ON CONFLICT DO NOTHING" >/dev/null
ctl mail digest
check "remissctl mail digest queues one digest to the referensgrupp member with the new answers" \
	eval 'rc_is 0 && [ "$(outbox digest "remiss_id = $rid")" = greta.grupp@regionhalland.example ] &&
	      [ "$(sql "SELECT dedupe_key FROM mail_outbox WHERE kind = '"'"'digest'"'"' AND remiss_id = $rid")" = "digest:$rid:$gid:$TODAY" ]'
body_of digest "remiss_id = $rid" >"$T/dg.txt"
check "…naming each organisation and version with a link to its answer in the review" \
	eval 'grep -qF "Utskicks kommun, version 1" "$T/dg.txt" && grep -qF "Svarande region, version 2 (ändrat)" "$T/dg.txt" &&
	      grep -qF "Tysta kommun, version 1" "$T/dg.txt" && grep -qF "$PUB/remisser/$S/granskning/avsnitt/helhet#" "$T/dg.txt"'
ctl mail digest
check "running it again the same day queues nothing" eval 'rc_is 0 && [ "$OUT" = "0 message(s) queued" ] && [ "$(nout digest "remiss_id = $rid")" = 1 ]'
ctl mail digest --today "$(day '+1 day')"
check "the next day with nothing new since the last digest: nothing sent" \
	eval 'rc_is 0 && [ "$(nout digest "remiss_id = $rid")" = 1 ]'
api_xml tillstyrker >"$T/api3.xml"
req - POST "/api/v1/remisser/$S/remissvar" -H "Authorization: Bearer $SR_TOKEN" -H 'Content-Type: application/xml' \
	--data-binary @"$T/api3.xml"
ctl mail digest --today "$(day '+1 day')"
check "a new version after the digest is in the next day's digest, alone" \
	eval 'rc_is 0 && [ "$(nout digest "remiss_id = $rid")" = 2 ] &&
	      body_of digest "remiss_id = $rid" | grep -qF "Svarande region, version 3 (ändrat)" &&
	      ! body_of digest "remiss_id = $rid" | grep -qF "Utskicks kommun"'
ctl mail digest --since yesterday-ish
check "a malformed --since is a usage error (2)" rc_is 2

# --- reminders ---------------------------------------------------------------------------------
P=rm-paminn
new_remiss $P "Remiss om påminnelser" 1 "kommun:Påminda kommun" "kommun:Svarat kommun" "kommun:Förlängd kommun"
pid=$(sql "SELECT id FROM remiss WHERE slug = '$P'")
pk=$(sql "SELECT id FROM organisations WHERE name = 'Påminda kommun'")
fk=$(sql "SELECT id FROM organisations WHERE name = 'Förlängd kommun'")
sql "UPDATE remiss SET closes = '$(day '+5 days')', reminder_days = 7 WHERE id = $pid" >/dev/null
sql "UPDATE organisations SET registry_email = 'p@paminda.example' WHERE name = 'Påminda kommun';
	UPDATE organisations SET registry_email = 's@svarat.example' WHERE name = 'Svarat kommun';
	UPDATE organisations SET registry_email = 'f@forlangd.example' WHERE name = 'Förlängd kommun'" >/dev/null
sql "INSERT INTO org_contacts (org_id, name, email) VALUES ($pk, 'Pia Påmind', 'pia@paminda.example')
	ON CONFLICT DO NOTHING" >/dev/null
sql "UPDATE invitations SET extended_closes = '$(day '+20 days')' WHERE remiss_id = $pid AND org_id = $fk" >/dev/null
cat >"$T/svarat.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<remissvar xmlns="urn:remissvar:1" remiss="$P">
  <remissinstans typ="kommun">Svarat kommun</remissinstans>
  <kontakt namn="Sven Svar" epost="sven@svarat.example"/>
  <stallningstagande>tillstyrker</stallningstagande>
</remissvar>
EOF
import_response "$T/svarat.xml"
check "a response imported with remissctl queues its receipt to the answer's contact and the registry" \
	eval '[ "$(outbox receipt "remiss_id = $pid" | tr "\n" " ")" = "s@svarat.example sven@svarat.example " ]'
rem() { outbox reminder "remiss_id = $pid" | tr '\n' ' '; }
ctl mail reminders
check "remissctl mail reminders: only the silent organisation inside the window, to its mailbox and contact" \
	eval 'rc_is 0 && [ "$(rem)" = "p@paminda.example pia@paminda.example " ]'
body_of reminder "to_addr = 'p@paminda.example'" >"$T/rem.txt"
check "…the reminder names the deadline and links the remiss" \
	eval 'grep -qF "Sista svarsdag: $(svdate "$(day "+5 days")")" "$T/rem.txt" && grep -qF "Påminda kommun har ännu inte svarat" "$T/rem.txt" && grep -qF "$PUB/remisser/$P" "$T/rem.txt" &&
	      [ -n "$(sql "SELECT reminded_at FROM invitations WHERE remiss_id = $pid AND org_id = $pk")" ]'
ctl mail reminders
check "running it again queues nothing twice" eval 'rc_is 0 && [ "$(rem)" = "p@paminda.example pia@paminda.example " ]'
sql "UPDATE invitations SET extended_closes = '$(day '+9 days')' WHERE remiss_id = $pid AND org_id = $pk" >/dev/null
ctl mail reminders --today "$(day '+2 days')"
check "an extension past the reminded deadline makes a new reminder for the new deadline" \
	eval 'rc_is 0 && [ "$(nout reminder "remiss_id = $pid AND to_addr = '"'"'p@paminda.example'"'"'")" = 2 ] &&
	      [ "$(nout reminder "dedupe_key = '"'"'reminder:$pid:$pk:$(day "+9 days"):p@paminda.example'"'"'")" = 1 ]'
ctl mail reminders --today "$(day '+14 days')"
check "the organisation extended out of the window is reminded once its deadline comes within it" \
	eval 'rc_is 0 && [ "$(outbox reminder "remiss_id = $pid AND org_id = $fk")" = f@forlangd.example ]'
check "the organisation that answered gets none" eval '[ "$(nout reminder "remiss_id = $pid AND to_addr = '"'"'s@svarat.example'"'"'")" = 0 ]'
post_form "$F" "/remisser/$P/paminnelser" "$fcsrf" dagar=61
check "reminder days outside 0..60 are a 422 in Swedish and English" \
	eval 'status_is 422 && body_has "från 0 till 60" && body_has "from 0 to 60" && [ "$(sql "SELECT reminder_days FROM remiss WHERE id = $pid")" = 7 ]'
post_form "$F" "/remisser/$P/paminnelser" "$fcsrf" dagar=0
check "the förvaltning turns reminders off (0), audited" \
	eval 'status_is 303 && [ "$(sql "SELECT reminder_days FROM remiss WHERE id = $pid")" = 0 ] && [ "$(audits remiss.reminder_days)" -ge 1 ]'
sql "UPDATE invitations SET extended_closes = '$(day '+18 days')' WHERE remiss_id = $pid AND org_id = $pk" >/dev/null
n=$(nout reminder "remiss_id = $pid")
ctl mail reminders --today "$(day '+14 days')"
check "…and then none are queued for that remiss" eval 'rc_is 0 && [ "$(nout reminder "remiss_id = $pid")" = "$n" ]'
ctl mail reminders --today 2026-02-30
check "a --today that is not a date is a usage error (2)" rc_is 2

finish
