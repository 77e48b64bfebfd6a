-- 008_publication.sql: publishing the responses of a closed remiss on a public page, and
-- redactions (sekretess) applied when publishing. The stored versions never change: a
-- redaction is a row of its own, with its legal ground, and the audit log keeps who made it.

-- One row once the förvaltning has published a remiss's responses (remissvar are public
-- documents). Deleting the row withdraws the public page.
CREATE TABLE publications (
	remiss_id	bigint PRIMARY KEY REFERENCES remiss (id) ON DELETE RESTRICT,
	published_by	bigint NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
	published_at	timestamptz NOT NULL DEFAULT now()
);

-- A passage of a version's text (every occurrence in its summary and answers) or one of its
-- attachments, left out of the public page with the legal ground shown instead, e.g.
-- "[Sekretess enligt 21 kap. 1 § OSL]". Rows are never changed or removed.
CREATE TABLE redactions (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	version_id	bigint NOT NULL REFERENCES response_versions (id) ON DELETE RESTRICT,
	passage		text CHECK (length(passage) BETWEEN 1 AND 10000),
	-- attachments.ord: 0 for the first attachment.
	attachment_ord	int,
	-- The paragraph of offentlighets- och sekretesslagen, as free text.
	legal_ground	text NOT NULL CHECK (is_one_line(legal_ground, 300)),
	created_by	bigint NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
	created_at	timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT redactions_one_target CHECK ((passage IS NULL) <> (attachment_ord IS NULL)),
	CONSTRAINT redactions_attachment FOREIGN KEY (version_id, attachment_ord)
	    REFERENCES attachments (version_id, ord) ON DELETE RESTRICT
);
CREATE INDEX redactions_version_idx ON redactions (version_id);

CREATE TRIGGER redactions_immutable
	BEFORE UPDATE OR DELETE ON redactions
	FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER redactions_no_truncate
	BEFORE TRUNCATE ON redactions
	FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
