-- 025_document_reads.sql: the queue of document responses (PDF, DOCX, ODT) to read (issue 19).
--
-- The förvaltning uploads a kommun's remissvar document on the registration page; the row
-- waits here (queued) until the reading worker (remissctl documents read) claims it
-- (running, with a lease), runs remiss-extract on it as a bounded child and the matcher
-- on its text, and stores the text and the proposal (done), or why it could not (failed,
-- error a code the page words in Swedish or English). A worker that dies leaves its row
-- running with a lease that runs out; the next claim takes it again, at most 3 attempts in
-- all. Confirming the proposal stores an ordinary registered response (channel
-- registrerad) with this document as its attachment; confirmed_version names it.
CREATE TABLE document_reads (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	remiss_id	bigint NOT NULL REFERENCES remiss (id) ON DELETE CASCADE,
	org_id		bigint NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	uploaded_by	bigint NOT NULL REFERENCES users (id),
	filename	text NOT NULL CHECK (is_one_line(filename, 255)
			    AND filename !~ '[/\\]' AND filename NOT IN ('.', '..')),
	media_type	text NOT NULL CHECK (media_type IN ('application/pdf',
			    'application/vnd.oasis.opendocument.text',
			    'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
	bytes		bytea NOT NULL,
	sha256		sha256_hex NOT NULL,
	status		text NOT NULL DEFAULT 'queued'
			    CHECK (status IN ('queued', 'running', 'done', 'failed')),
	-- Why it failed: unsupported, corrupt, too_large, encrypted, empty, limits, gave_up,
	-- internal (views/read_view.c words each).
	error		text CHECK (error ~ '^[a-z_]{1,32}$'),
	attempts	int NOT NULL DEFAULT 0 CHECK (attempts BETWEEN 0 AND 100),
	text		text CHECK (length(text) <= 5242880),
	-- The matcher's result (reader_match): overall position, letterhead fields and one
	-- answer per section or question, each with its passage and cue (worker's JSON).
	proposal	jsonb,
	created_at	timestamptz NOT NULL DEFAULT now(),
	started_at	timestamptz,
	finished_at	timestamptz,
	claimed_by	text CHECK (is_one_line(claimed_by, 200)),
	lease_until	timestamptz,
	confirmed_version bigint REFERENCES response_versions (id),
	CONSTRAINT document_reads_sha256_matches CHECK (sha256 = encode(sha256(bytes), 'hex')),
	CONSTRAINT document_reads_done_has_text CHECK (status <> 'done' OR
	    (text IS NOT NULL AND proposal IS NOT NULL)),
	CONSTRAINT document_reads_failed_has_error CHECK (status <> 'failed' OR error IS NOT NULL)
);
-- The worker's claim looks only at what is waiting or running.
CREATE INDEX document_reads_pending ON document_reads (id)
	WHERE status IN ('queued', 'running');
CREATE INDEX document_reads_remiss_org ON document_reads (remiss_id, org_id);

-- Wakes the worker (LISTEN document_reads) when a document is queued; it polls as well.
CREATE FUNCTION document_reads_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('document_reads', '');
	RETURN NULL;
END
$$;

CREATE TRIGGER document_reads_queued AFTER INSERT OR UPDATE OF status
	ON document_reads FOR EACH ROW WHEN (NEW.status = 'queued')
	EXECUTE FUNCTION document_reads_notify();
