-- 015_redaction_spans.sql: redactions as spans over the texts the public page shows, prepared
-- on a preview before publishing, and the versions a publication shows pinned (issue 16).
--
-- A redaction now names what it hides:
--   * a passage at its anchor in one field: passage (the quote as it stands in the stored
--     text), field, prefix and suffix (up to 32 characters of context), start_char and
--     end_char (character offsets, as PostgreSQL's length() counts): the review's
--     quote-and-offset anchors (src/review/anchor.h);
--   * every occurrence of a passage in one field (field set, no anchor) or in every text of
--     the version (field NULL: what every redaction of 008 was, and stays);
--   * a whole field: field set, passage NULL;
--   * an attachment: attachment_ord, withheld, or replaced by a redacted copy the
--     förvaltning uploaded (replacement_*).
-- Field names: the overall texts, an answer's text by its section or question id, or an
-- attachment's file name by its 1-based number. Rows are still never changed or removed
-- (008's triggers); adding columns changes no row.
ALTER TABLE redactions
	ADD COLUMN field text CONSTRAINT redactions_field_check CHECK (field ~
	    ('^(sammanfattning|beslutande_instans|beslutsdatum|diarienummer'
	    '|(avsnitt|fraga)-[1-9][0-9]{0,18}-(kommentar|forslag|konsekvens_region'
	    '|konsekvens_kommun|kortsiktigt|langsiktigt)|bilaga-[1-9][0-9]{0,3}-namn)$')),
	ADD COLUMN prefix text CHECK (length(prefix) <= 32),
	ADD COLUMN suffix text CHECK (length(suffix) <= 32),
	ADD COLUMN start_char int CHECK (start_char >= 0),
	ADD COLUMN end_char int,
	ADD COLUMN replacement_name text CHECK (is_one_line(replacement_name, 255)
	    AND replacement_name !~ '[/\\]' AND replacement_name NOT IN ('.', '..')),
	ADD COLUMN replacement_type text CHECK (replacement_type ~
	    '^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$'),
	ADD COLUMN replacement bytea,
	ADD COLUMN replacement_sha256 sha256_hex;

ALTER TABLE redactions DROP CONSTRAINT redactions_one_target;
ALTER TABLE redactions ADD CONSTRAINT redactions_target CHECK (
	-- an attachment
	(attachment_ord IS NOT NULL AND passage IS NULL AND field IS NULL)
	-- a passage: an anchor always names its field
	OR (attachment_ord IS NULL AND passage IS NOT NULL
	    AND (start_char IS NULL OR field IS NOT NULL))
	-- a whole field
	OR (attachment_ord IS NULL AND passage IS NULL AND field IS NOT NULL));
ALTER TABLE redactions ADD CONSTRAINT redactions_anchor CHECK (
	(start_char IS NULL AND end_char IS NULL AND prefix IS NULL AND suffix IS NULL)
	OR (start_char IS NOT NULL AND end_char > start_char AND passage IS NOT NULL
	    AND prefix IS NOT NULL AND suffix IS NOT NULL));
ALTER TABLE redactions ADD CONSTRAINT redactions_replacement CHECK (
	(replacement IS NULL AND replacement_name IS NULL AND replacement_type IS NULL
	    AND replacement_sha256 IS NULL)
	OR (attachment_ord IS NOT NULL AND replacement IS NOT NULL
	    AND replacement_name IS NOT NULL AND replacement_type IS NOT NULL
	    AND replacement_sha256 = encode(sha256(replacement), 'hex')));

-- The version of each response a publication shows: the ones the förvaltning previewed
-- when it published. A version that arrives later (the remiss reopened) is not public until
-- it is previewed and published in its turn, so nothing reaches the public page without its
-- redactions having been prepared. Withdrawing the publication removes its rows.
CREATE TABLE publication_versions (
	remiss_id	bigint NOT NULL REFERENCES publications (remiss_id) ON DELETE CASCADE,
	response_id	bigint NOT NULL REFERENCES responses (id) ON DELETE RESTRICT,
	version_id	bigint NOT NULL REFERENCES response_versions (id) ON DELETE RESTRICT,
	PRIMARY KEY (remiss_id, response_id)
);

-- A remiss published before this migration shows what it showed: each response's latest
-- version.
INSERT INTO publication_versions (remiss_id, response_id, version_id)
SELECT p.remiss_id, r.id, v.id
FROM publications p
JOIN responses r ON r.remiss_id = p.remiss_id
JOIN LATERAL (SELECT id FROM response_versions WHERE response_id = r.id
    ORDER BY version DESC LIMIT 1) v ON true;
