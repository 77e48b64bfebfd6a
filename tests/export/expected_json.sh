# tests/export/expected_json.sh: sourced by tests that check the XLSX export
# (tests/integration/exports.sh, tests/export/demo_check.sh). expected_json SLUG prints remiss
# SLUG as the database $REMISS_DB holds it, in the form tests/export/xlsx_check.py compares the
# workbook with: the invited organisations with their latest version, the live sections in
# order, every answer of a latest version (to a section or to a question) with every stored
# field. Read with SQL, never from the writer.
expected_json() { # expected_json SLUG
	psql "$REMISS_DB" -XqAt -v ON_ERROR_STOP=1 -c "SELECT json_build_object(
	'orgs', (SELECT COALESCE(json_agg(json_build_object('name', o.name, 'kind', o.kind,
		'orgnr', COALESCE(o.orgnr, ''), 'receipt', COALESCE(v.receipt_number, ''),
		'position', COALESCE(v.position, ''), 'answered', v.id IS NOT NULL,
		'received', COALESCE(to_char(v.arrived_on, 'YYYY-MM-DD'),
			to_char(v.received_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI:SS'), ''))
		ORDER BY o.name), '[]')
		FROM remiss m JOIN invitations i ON i.remiss_id = m.id JOIN organisations o ON o.id = i.org_id
		LEFT JOIN responses resp ON resp.remiss_id = m.id AND resp.org_id = o.id
		LEFT JOIN LATERAL (SELECT * FROM response_versions WHERE response_id = resp.id
			ORDER BY version DESC LIMIT 1) v ON true
		WHERE m.slug = '$1'),
	'sections', (SELECT COALESCE(json_agg(json_build_object('nr', s.nr, 'heading', s.heading)
		ORDER BY s.position, s.id), '[]')
		FROM sections s JOIN remiss m ON m.id = s.remiss_id WHERE m.slug = '$1' AND s.removed_at IS NULL),
	'answers', (SELECT COALESCE(json_agg(json_build_object('org', o.name, 'section', s.nr,
		'qid', q.qid, 'qtext', q.text, 'qsection', qs.nr, 'position', COALESCE(a.position, ''),
		'comment', COALESCE(a.comment, ''), 'wording', COALESCE(a.proposed_wording, ''),
		'cons_region', COALESCE(a.consequence_region, ''), 'cons_kommun', COALESCE(a.consequence_kommun, ''),
		'short_term', COALESCE(a.short_term, ''), 'long_term', COALESCE(a.long_term, ''))), '[]')
		FROM remiss m JOIN responses resp ON resp.remiss_id = m.id
		JOIN invitations i ON i.remiss_id = m.id AND i.org_id = resp.org_id
		JOIN organisations o ON o.id = resp.org_id JOIN LATERAL (SELECT * FROM response_versions WHERE response_id = resp.id
			ORDER BY version DESC LIMIT 1) v ON true
		JOIN answers a ON a.version_id = v.id LEFT JOIN sections s ON s.id = a.section_id
		LEFT JOIN questions q ON q.id = a.question_id LEFT JOIN sections qs ON qs.id = q.section_id
		WHERE m.slug = '$1' AND (s.id IS NULL OR s.removed_at IS NULL)
		AND (q.id IS NULL OR (q.removed_at IS NULL AND (qs.id IS NULL OR qs.removed_at IS NULL)))))"
}
