#!/usr/bin/env bash
# tests/integration/answer_docx.sh BUILD-DIR BASE-URL TMPDIR: an organisation's answer as a Word
# document for its nämnd: a submitted version (/remisser/{slug}/kvitton/{id}/svar.docx, the
# receipt's rule: the kommun its own, the förvaltning every one) and the kommun's own draft
# (/remisser/{slug}/svar/utkast.docx). The documents hold what the test put in (read back with
# python-docx and, converted by LibreOffice, with pdftotext), hostile text included: markup
# characters, control characters, RTL marks, a 20 000-character comment. Needs REMISS_DB.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: answer_docx.sh BUILD-DIR BASE-URL TMPDIR}
BASE=${2:?usage}
T=${3:?usage}
SLUG=docx-svar-test
PW=docx-svar-losen-2025
mkdir -p "$T"
DOCX_CHECK=$ROOT/tests/export/docx_check.py
DOCX_TYPE=application/vnd.openxmlformats-officedocument.wordprocessingml.document

cat >"$T/remiss.xml" <<XML
<remiss xmlns="urn:remissvar:1" id="$SLUG">
  <titel>Ordbehandlade svar</titel>
  <avsandare>Region Halland</avsandare>
  <diarienummer>RS 2025/77</diarienummer>
  <oppnar>$(TZ=Europe/Stockholm date -d '-1 day' +%F)</oppnar>
  <sista-svarsdag>$(TZ=Europe/Stockholm date -d '+20 days' +%F)</sista-svarsdag>
  <remissinstans typ="kommun" orgnr="212000-9999">Ordkommunen</remissinstans>
  <remissinstans typ="kommun">Grannkommunen</remissinstans>
  <avsnitt nr="1" rubrik="Tillgång till vård">Förslagets text ett.
    <fraga id="f1" typ="konsekvens">Vilka konsekvenser får förslaget?</fraga>
  </avsnitt>
  <avsnitt nr="2" rubrik="Ansvarsfördelning">Förslagets text två.</avsnitt>
  <avsnitt nr="3" rubrik="Obesvarat avsnitt">Förslagets text tre.</avsnitt>
</remiss>
XML
if ! "$BUILD/remissctl" remiss import "$T/remiss.xml" >/dev/null 2>"$T/err"; then
	notok "the test remiss imports: $(head -c 300 "$T/err")"
	finish
	exit
fi
sql "INSERT INTO questions (remiss_id, qid, kind, text, position) SELECT id, 'f9', 'fritext',
	'Har ni övriga synpunkter?', 9 FROM remiss WHERE slug = '$SLUG'" >/dev/null
add_user olle@ordkommunen.test kommun "Olle Ord" --org Ordkommunen
add_user gun@grannkommunen.test kommun "Gun Granne" --org Grannkommunen
add_user frida@docx-region.test forvaltning "Frida Förvaltning"
add_user greta@docx-region.test granskare "Greta Granskare"
O=$T/olle G=$T/gun F=$T/frida R=$T/greta
login "$O" olle@ordkommunen.test
login "$G" gun@grannkommunen.test
login "$F" frida@docx-region.test
login "$R" greta@docx-region.test

# Hostile text: markup characters, an RTL mark and an override, and a 20 000-character
# comment, sent through the API as a kommun's system would.
LONG=$(python3 -c 'print(("Långt stycke med åäö och ord " * 800)[:19990] + "SLUTMARKÖR")')
RTL=$'Arabiska \u200f\u202eمرحبا\u202c och tillbaka'
cat >"$T/svar.xml" <<XML
<remissvar xmlns="urn:remissvar:1" remiss="$SLUG">
  <remissinstans typ="kommun" orgnr="212000-9999">Ordkommunen</remissinstans>
  <diarienummer>KS 2025/123</diarienummer>
  <beslut instans="Kommunstyrelsen" datum="$(TZ=Europe/Stockholm date -d '-1 day' +%F)"/>
  <kontakt namn="Olle Ord" epost="olle@ordkommunen.test" telefon="0430-123 45"/>
  <stallningstagande>tillstyrker-med-andringar</stallningstagande>
  <sammanfattning>Ordkommunen ställer sig bakom förslaget med två ändringar.</sammanfattning>
  <svar avsnitt="1">
    <stallningstagande>avstyrker</stallningstagande>
    <kommentar>Tillgången &lt;b&gt;måste&lt;/b&gt; säkras &amp; följas upp.
Andra stycket i kommentaren.</kommentar>
    <forslag-till-lydelse>Regionen ska säkra tillgången i hela länet.</forslag-till-lydelse>
  </svar>
  <svar fraga="f1">
    <konsekvens part="kommun">Kommunens hemtjänst får ökade kostnader.</konsekvens>
  </svar>
  <svar avsnitt="2">
    <kommentar>$RTL</kommentar>
  </svar>
  <svar fraga="f9">
    <kommentar>$LONG</kommentar>
  </svar>
</remissvar>
XML
OK_TOKEN=$("$BUILD/remissctl" token create --org Ordkommunen --label docx)
req - POST "/api/v1/remisser/$SLUG/remissvar" -H "Authorization: Bearer $OK_TOKEN" \
	-H 'Content-Type: application/xml' -H 'Accept: application/xml' --data-binary @"$T/svar.xml"
check "Ordkommunen's answer with hostile text is received (201)" status_is 201
vid=$(sql "SELECT v.id FROM response_versions v JOIN responses r ON r.id = v.response_id
	JOIN remiss m ON m.id = r.remiss_id WHERE m.slug = '$SLUG' ORDER BY v.version DESC LIMIT 1")
number=$(sql "SELECT receipt_number FROM response_versions WHERE id = ${vid:-0}")
received=$(sql "SELECT to_char(received_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') FROM response_versions WHERE id = ${vid:-0}")
RECEIPT=/remisser/$SLUG/kvitton/$vid

# --- the receipt page links the document ----------------------------------------------------
req "$O" GET "$RECEIPT"
check "the receipt page links the answer as a Word document" \
	eval 'status_is 200 && body_has "href=\"$RECEIPT/svar.docx\"" && body_has "Ladda ner svaret som Word"'

# --- the version as a document ----------------------------------------------------------------
req "$O" GET "$RECEIPT/svar.docx"
cp "$T/body" "$T/v1.docx"
check "the kommun downloads its version as a .docx named after remiss, organisation and version, never cached" \
	eval 'status_is 200 && header_matches "^Content-Type: $DOCX_TYPE" &&
	header_matches "^Content-Disposition: attachment; filename=\"$SLUG-remissvar-ordkommunen-v1\.docx\"$" &&
	header_matches "^Cache-Control: no-store"'
check "the document holds the letterhead, every answer and the receipt, with headings in Heading styles" \
	/usr/bin/python3 "$DOCX_CHECK" "$T/v1.docx" --footer-pages \
	--heading "Remissvar: Ordbehandlade svar" --heading "1 Tillgång till vård" \
	--heading "2 Ansvarsfördelning" --heading "Fråga: Vilka konsekvenser får förslaget?" \
	--heading "Frågor om remissen som helhet" --heading "Fråga: Har ni övriga synpunkter?" \
	--absent "3 Obesvarat avsnitt" --absent "Utkast, inte inskickat" \
	"Ordkommunen" "212000-9999" "Vår beteckning: KS 2025/123" "Er beteckning: RS 2025/77" \
	"Till: Region Halland" "Datum: $(svdate "$received")" \
	"Beslutande organ: Kommunstyrelsen" "Ställningstagande: Tillstyrker med ändringar" \
	"Ordkommunen ställer sig bakom förslaget med två ändringar." "Ställningstagande: Avstyrker" \
	"Tillgången <b>måste</b> säkras & följas upp." "Andra stycket i kommentaren." \
	"Förslag till lydelse" "Regionen ska säkra tillgången i hela länet." \
	"Konsekvenser för kommunerna" "Kommunens hemtjänst får ökade kostnader." \
	"$RTL" "$LONG" "Olle Ord" "olle@ordkommunen.test" "0430-123 45" \
	"Kvittensnummer $number, inskickat $(svdate "$received") kl." ", version 1"
check "the förvaltning may download the same version (the receipt's rule)" eval '
	req "$F" GET "$RECEIPT/svar.docx" && status_is 200 && header_matches "^Content-Type: $DOCX_TYPE"'
check "a granskare may download it too (the receipt's rule)" eval '
	req "$R" GET "$RECEIPT/svar.docx" && status_is 200 && header_matches "^Content-Type: $DOCX_TYPE"'
req "$G" GET "$RECEIPT/svar.docx"
check "another kommun gets 404 for the version, as for its receipt" eval 'status_is 404 && body_lacks "Ordkommunen ställer"'
req - GET "$RECEIPT/svar.docx"
check "without a session the download asks for a login" \
	eval '{ status_is 303 && header_matches "^Location: /logga-in"; } || status_is 401'
req "$O" GET "/remisser/$SLUG/kvitton/999999999/svar.docx"
check "an unknown version is 404" status_is 404
req "$O" GET "/remisser/ok-hemsjukvard-2025/kvitton/$vid/svar.docx"
check "the version under another remiss's path is 404" eval 'status_is 404 || status_is 403'

# --- the draft --------------------------------------------------------------------------------
req "$G" GET "/remisser/$SLUG/svar/utkast.docx"
check "a kommun without a draft gets 404" status_is 404
req "$G" GET "/remisser/$SLUG/svar"
check "the form offers no draft download when there is no draft" eval 'status_is 200 && body_lacks "utkast.docx"'
csrf=$(form_csrf); lock=$(hidden lock)
post_form "$G" "/remisser/$SLUG/svar" "$csrf" "lock=$lock" action=spara \
	"a-1-position=tillstyrker" "a-1-kommentar=Grannkommunens utkast om tillgång & <vård>." \
	"sammanfattning=Grannkommunens sammanfattning."
check "Grannkommunen saves a draft" status_is 303
req "$G" GET "/remisser/$SLUG/svar"
check "the form links the saved draft as a Word document" \
	eval 'status_is 200 && body_has "href=\"/remisser/$SLUG/svar/utkast.docx\"" && body_has "Ladda ner utkastet som Word"'
# Control characters in a stored text (older data, another channel): the document drops them.
sql "UPDATE draft_answers SET comment = comment || E' fortsatt\x01\x0b\x1f efter kontrolltecken'
	WHERE comment LIKE 'Grannkommunens utkast%'" >/dev/null
req "$G" GET "/remisser/$SLUG/svar/utkast.docx"
cp "$T/body" "$T/draft.docx"
check "the draft downloads as ...-utkast.docx, never cached" \
	eval 'status_is 200 && header_matches "^Content-Type: $DOCX_TYPE" &&
	header_matches "^Content-Disposition: attachment; filename=\"$SLUG-remissvar-grannkommunen-utkast\.docx\"$" &&
	header_matches "^Cache-Control: no-store"'
check "the draft is marked on every page, holds its texts and drops the control characters" \
	/usr/bin/python3 "$DOCX_CHECK" "$T/draft.docx" --header "Utkast, inte inskickat" \
	--heading "1 Tillgång till vård" --absent "Kvittensnummer" \
	"Grannkommunen" "Grannkommunens sammanfattning." "Ställningstagande: Tillstyrker" \
	"Grannkommunens utkast om tillgång & <vård>. fortsatt efter kontrolltecken" \
	"Datum: $(svdate "$(TZ=Europe/Stockholm date +%F)")" "Utkast, senast sparat"
req "$O" GET "/remisser/$SLUG/svar/utkast.docx"
check "Ordkommunen (no draft of its own) never gets Grannkommunen's draft" \
	eval 'status_is 404 && body_lacks "Grannkommunens"'
req "$F" GET "/remisser/$SLUG/svar/utkast.docx"
check "the draft route is a remissinstans's own: the förvaltning is refused (403)" \
	eval 'status_is 403 && body_lacks "Grannkommunens"'
req - GET "/remisser/$SLUG/svar/utkast.docx"
check "the draft without a session asks for a login" \
	eval '{ status_is 303 && header_matches "^Location: /logga-in"; } || status_is 401'

# --- the same hostile text in the remissammanställning ----------------------------------------
check "the remissammanställning as DOCX holds the hostile texts whole, in its answer tables" eval '
	"$BUILD/remissctl" export "$SLUG" --format docx -o "$T/sam.docx" 2>"$T/sam.err" ||
		{ sed "s/^/#   /" "$T/sam.err" | head; false; } &&
	/usr/bin/python3 "$DOCX_CHECK" "$T/sam.docx" --toc --min-pictures 1 \
		--heading "1 Tillgång till vård" --heading "3 Obesvarat avsnitt" \
		"Tillgången <b>måste</b> säkras & följas upp." "$RTL" "$LONG" "Inga remissinstanser har svarat på avsnittet."'

# --- LibreOffice opens both ---------------------------------------------------------------------
if command -v soffice >/dev/null && command -v pdftotext >/dev/null; then
	mkdir -p "$T/pdf" "$T/lo-home"
	cp "$T/v1.docx" "$T/pdf/answer-v1.docx"
	cp "$T/draft.docx" "$T/pdf/answer-draft.docx"
	cp "$T/sam.docx" "$T/pdf/sam.docx"
	profile=$(python3 -c 'import pathlib, sys; print(pathlib.Path(sys.argv[1]).resolve().as_uri())' "$T/lo-profile")
	HOME=$T/lo-home timeout 300 soffice -env:UserInstallation="$profile" --headless --norestore \
		--convert-to pdf --outdir "$T/pdf" "$T/pdf/answer-v1.docx" "$T/pdf/answer-draft.docx" "$T/pdf/sam.docx" \
		</dev/null >"$T/pdf/soffice.log" 2>&1
	check "LibreOffice converts the version's document to PDF with its texts, the long comment whole" \
		eval '[ -s "$T/pdf/answer-v1.pdf" ] || { sed "s/^/#   /" "$T/pdf/soffice.log"; false; } &&
		python3 "$ROOT/tests/export/pdf_text_check.py" "$T/pdf/answer-v1.pdf" "Remissvar: Ordbehandlade svar" \
		"1 Tillgång till vård" "Tillgången <b>måste</b> säkras & följas upp." "SLUTMARKÖR" "Kvittensnummer $number" "Sida 1 av"'
	check "LibreOffice converts the draft's document to PDF, marked as a draft" \
		eval '[ -s "$T/pdf/answer-draft.pdf" ] || { sed "s/^/#   /" "$T/pdf/soffice.log"; false; } &&
		python3 "$ROOT/tests/export/pdf_text_check.py" "$T/pdf/answer-draft.pdf" "Utkast, inte inskickat" \
		"Grannkommunens utkast om tillgång & <vård>."'
	check "LibreOffice converts the remissammanställning with the hostile texts to PDF" \
		eval '[ -s "$T/pdf/sam.pdf" ] || { sed "s/^/#   /" "$T/pdf/soffice.log"; false; } &&
		python3 "$ROOT/tests/export/pdf_text_check.py" "$T/pdf/sam.pdf" "Remissammanställning" \
		"1 Tillgång till vård" "Tillgången <b>måste</b> säkras & följas upp." "SLUTMARKÖR"'
else
	notok "LibreOffice (soffice) and pdftotext are installed: dev/test installs them (need_test_packages in dev/lib.sh)"
fi

finish
