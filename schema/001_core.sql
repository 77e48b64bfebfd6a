-- 001_core.sql: organisations, users, remisser with sections and questions, responses in immutable versions, audit log.
--
-- Applied once by `remissctl migrate` inside a transaction (no BEGIN/COMMIT
-- here). The rules of the product live here as constraints and triggers, so
-- that no program, however buggy, can store what the product forbids.

-- The four positions a remissinstans can take, overall and per answer.
CREATE DOMAIN remiss_position AS text
	CHECK (VALUE IN ('tillstyrker', 'tillstyrker-med-andringar', 'avstyrker',
	    'inga-synpunkter'));

-- A lower-case hex SHA-256.
CREATE DOMAIN sha256_hex AS char(64)
	CHECK (VALUE ~ '^[0-9a-f]{64}$');

-- One line of text: no control characters, no outer spaces, not empty.
CREATE FUNCTION is_one_line(s text, maxlen int) RETURNS boolean
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN length(s) BETWEEN 1 AND maxlen AND s = btrim(s)
	    AND s !~ '[[:cntrl:]]';

-- Refuses UPDATE, DELETE and TRUNCATE on tables whose rows are never changed.
CREATE FUNCTION refuse_change() RETURNS trigger
	LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION '% on % refused: its rows are never changed or removed',
	    TG_OP, TG_TABLE_NAME
	    USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TABLE organisations (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	name		text NOT NULL CONSTRAINT organisations_name_check
			    CHECK (is_one_line(name, 200)),
	kind		text NOT NULL DEFAULT 'kommun'
			    CHECK (kind IN ('kommun', 'region', 'annan')),
	-- Swedish organisationsnummer, NNNNNN-NNNN.
	orgnr		text CHECK (orgnr ~ '^[0-9]{6}-[0-9]{4}$'),
	created_at	timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT organisations_name_key UNIQUE (name)
);

CREATE TABLE users (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	email		text NOT NULL CHECK (is_one_line(email, 254)
			    AND email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
	name		text CHECK (is_one_line(name, 200)),
	role		text NOT NULL CHECK (role IN ('kommun', 'granskare',
			    'forvaltning', 'admin')),
	-- Only a remissinstans's user belongs to an organisation.
	org_id		bigint REFERENCES organisations (id) ON DELETE RESTRICT,
	-- A crypt-style hash string; NULL means the user cannot log in.
	password_hash	text CHECK (length(password_hash) BETWEEN 1 AND 512),
	disabled	boolean NOT NULL DEFAULT false,
	created_at	timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT users_org_iff_kommun CHECK ((role = 'kommun') = (org_id IS NOT NULL))
);
-- E-mail addresses are unique whatever their case.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_org_idx ON users (org_id);

CREATE TABLE remiss (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	slug		text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
	title		text NOT NULL CHECK (is_one_line(title, 500)),
	sender		text NOT NULL CHECK (is_one_line(sender, 500)),
	diarienummer	text CHECK (is_one_line(diarienummer, 100)),
	description	text CHECK (length(description) BETWEEN 1 AND 100000),
	opens		date NOT NULL,
	-- sista svarsdag: answers are accepted to the end of this day.
	closes		date NOT NULL,
	status		text NOT NULL DEFAULT 'utkast'
			    CHECK (status IN ('utkast', 'oppen', 'stangd', 'beslutad')),
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT remiss_slug_key UNIQUE (slug),
	CONSTRAINT remiss_closes_after_opens CHECK (closes >= opens)
);

-- An avsnitt of the proposal. A section that leaves the proposal is retired
-- (removed_at), never deleted: answers keep pointing at it.
CREATE TABLE sections (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	remiss_id	bigint NOT NULL REFERENCES remiss (id) ON DELETE CASCADE,
	nr		text NOT NULL
			    CHECK (nr ~ '^[0-9A-Za-z]([0-9A-Za-z._:-]{0,30}[0-9A-Za-z])?$'),
	heading		text NOT NULL CHECK (is_one_line(heading, 500)),
	body		text NOT NULL DEFAULT '' CHECK (length(body) <= 200000),
	-- Order in the proposal (0 first).
	position	int NOT NULL CHECK (position BETWEEN 0 AND 9999),
	removed_at	timestamptz,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	-- Lets questions refer to a section of the same remiss.
	CONSTRAINT sections_id_remiss_key UNIQUE (id, remiss_id)
);
-- Among the live sections of a remiss, a number is used once.
CREATE UNIQUE INDEX sections_live_nr_key ON sections (remiss_id, nr)
	WHERE removed_at IS NULL;

-- A fråga, attached to a section of the same remiss or to the whole remiss.
CREATE TABLE questions (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	remiss_id	bigint NOT NULL REFERENCES remiss (id) ON DELETE CASCADE,
	section_id	bigint,
	qid		text NOT NULL CHECK (qid ~ '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$'),
	kind		text NOT NULL CHECK (kind IN ('fritext', 'stallningstagande',
			    'konsekvens', 'tidshorisont')),
	text		text NOT NULL CHECK (is_one_line(text, 10000)),
	-- Order in the proposal (0 first).
	position	int NOT NULL CHECK (position BETWEEN 0 AND 99999),
	removed_at	timestamptz,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT questions_qid_key UNIQUE (remiss_id, qid),
	CONSTRAINT questions_id_remiss_key UNIQUE (id, remiss_id),
	CONSTRAINT questions_section_same_remiss FOREIGN KEY (section_id, remiss_id)
	    REFERENCES sections (id, remiss_id)
);
CREATE INDEX questions_section_idx ON questions (section_id);

-- The remissinstanser invited to a remiss; one may get a later deadline.
CREATE TABLE invitations (
	remiss_id	bigint NOT NULL REFERENCES remiss (id) ON DELETE CASCADE,
	org_id		bigint NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
	extended_closes	date,
	invited_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (remiss_id, org_id)
);
CREATE INDEX invitations_org_idx ON invitations (org_id);

-- One organisation's remissvar to one remiss: the current draft lives here,
-- every submission is a row of response_versions.
CREATE TABLE responses (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	remiss_id	bigint NOT NULL,
	org_id		bigint NOT NULL,
	-- Optimistic locking of the draft: bumped on every save.
	lock_version	int NOT NULL DEFAULT 0 CHECK (lock_version >= 0),
	draft_position	remiss_position,
	draft_summary	text CHECK (length(draft_summary) <= 100000),
	draft_diarienummer text CHECK (is_one_line(draft_diarienummer, 100)),
	draft_decision_body text CHECK (is_one_line(draft_decision_body, 300)),
	draft_decision_date date,
	draft_contact_name text CHECK (is_one_line(draft_contact_name, 200)),
	draft_contact_email text CHECK (is_one_line(draft_contact_email, 254)),
	draft_contact_phone text CHECK (is_one_line(draft_contact_phone, 50)),
	draft_updated_by bigint REFERENCES users (id) ON DELETE RESTRICT,
	draft_updated_at timestamptz,
	created_at	timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT responses_remiss_org_key UNIQUE (remiss_id, org_id),
	-- Only an invited organisation answers.
	CONSTRAINT responses_invited FOREIGN KEY (remiss_id, org_id)
	    REFERENCES invitations (remiss_id, org_id) ON DELETE RESTRICT
);
CREATE INDEX responses_org_idx ON responses (org_id);

-- A submitted version: immutable once written (trigger below).
CREATE TABLE response_versions (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	response_id	bigint NOT NULL REFERENCES responses (id) ON DELETE RESTRICT,
	version		int NOT NULL CHECK (version >= 1),
	channel		text NOT NULL CHECK (channel IN ('webb', 'xml', 'registrerad')),
	position	remiss_position NOT NULL,
	summary		text CHECK (length(summary) <= 100000),
	decision_body	text CHECK (is_one_line(decision_body, 300)),
	decision_date	date,
	diarienummer	text CHECK (is_one_line(diarienummer, 100)),
	contact_name	text NOT NULL CHECK (is_one_line(contact_name, 200)),
	contact_email	text NOT NULL CHECK (is_one_line(contact_email, 254)
			    AND contact_email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
	contact_phone	text CHECK (is_one_line(contact_phone, 50)),
	-- The canonical XML of this version and its SHA-256 (the receipt's).
	canonical_xml	text NOT NULL CHECK (length(canonical_xml) >= 1),
	sha256		sha256_hex NOT NULL,
	receipt_number	text NOT NULL CHECK (receipt_number ~ '^[0-9]{4}-[0-9]{6,12}$'),
	received_at	timestamptz NOT NULL DEFAULT now(),
	-- The user who submitted or registered it; NULL for an organisation token.
	submitted_by	bigint REFERENCES users (id) ON DELETE RESTRICT,
	-- Idempotency-Key of the request, scoped to this remiss x organisation,
	-- with the SHA-256 of the request body to tell a replay from a reuse.
	idempotency_key	text CHECK (length(idempotency_key) BETWEEN 1 AND 255
			    AND idempotency_key !~ '[[:cntrl:]]'),
	request_sha256	sha256_hex,
	CONSTRAINT response_versions_version_key UNIQUE (response_id, version),
	CONSTRAINT response_versions_receipt_key UNIQUE (receipt_number),
	CONSTRAINT response_versions_idempotency_key UNIQUE (response_id, idempotency_key),
	CONSTRAINT response_versions_idempotency_body
	    CHECK ((idempotency_key IS NULL) = (request_sha256 IS NULL)),
	CONSTRAINT response_versions_decision
	    CHECK (decision_date IS NULL OR decision_body IS NOT NULL)
);

-- An answer to one section or one question, in one submitted version.
CREATE TABLE answers (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	version_id	bigint NOT NULL REFERENCES response_versions (id) ON DELETE RESTRICT,
	section_id	bigint REFERENCES sections (id) ON DELETE RESTRICT,
	question_id	bigint REFERENCES questions (id) ON DELETE RESTRICT,
	-- Order in the submitted document (0 first).
	ord		int NOT NULL CHECK (ord BETWEEN 0 AND 9999),
	-- The stallningstagande for this section (not an order).
	position	remiss_position,
	comment		text CHECK (length(comment) <= 100000),
	proposed_wording text CHECK (length(proposed_wording) <= 100000),
	consequence_region text CHECK (length(consequence_region) <= 100000),
	consequence_kommun text CHECK (length(consequence_kommun) <= 100000),
	short_term	text CHECK (length(short_term) <= 100000),
	long_term	text CHECK (length(long_term) <= 100000),
	CONSTRAINT answers_one_target CHECK ((section_id IS NULL) <> (question_id IS NULL)),
	CONSTRAINT answers_section_once UNIQUE (version_id, section_id),
	CONSTRAINT answers_question_once UNIQUE (version_id, question_id),
	CONSTRAINT answers_ord_key UNIQUE (version_id, ord)
);
CREATE INDEX answers_section_idx ON answers (section_id);
CREATE INDEX answers_question_idx ON answers (question_id);

-- The draft's answers: the same shape, changed freely until submitted.
CREATE TABLE draft_answers (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	response_id	bigint NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
	section_id	bigint REFERENCES sections (id) ON DELETE RESTRICT,
	question_id	bigint REFERENCES questions (id) ON DELETE RESTRICT,
	position	remiss_position,
	comment		text CHECK (length(comment) <= 100000),
	proposed_wording text CHECK (length(proposed_wording) <= 100000),
	consequence_region text CHECK (length(consequence_region) <= 100000),
	consequence_kommun text CHECK (length(consequence_kommun) <= 100000),
	short_term	text CHECK (length(short_term) <= 100000),
	long_term	text CHECK (length(long_term) <= 100000),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT draft_answers_one_target CHECK ((section_id IS NULL) <> (question_id IS NULL)),
	CONSTRAINT draft_answers_section_once UNIQUE (response_id, section_id),
	CONSTRAINT draft_answers_question_once UNIQUE (response_id, question_id)
);
CREATE INDEX draft_answers_section_idx ON draft_answers (section_id);
CREATE INDEX draft_answers_question_idx ON draft_answers (question_id);

-- A file sent with a version (bilaga, or the scanned letter of a registered one).
CREATE TABLE attachments (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	version_id	bigint NOT NULL REFERENCES response_versions (id) ON DELETE RESTRICT,
	ord		int NOT NULL CHECK (ord BETWEEN 0 AND 999),
	filename	text NOT NULL CHECK (is_one_line(filename, 255)
			    AND filename !~ '[/\\]' AND filename NOT IN ('.', '..')),
	media_type	text NOT NULL CHECK (media_type ~
			    '^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$'),
	bytes		bytea NOT NULL,
	size		bigint NOT NULL,
	sha256		sha256_hex NOT NULL,
	CONSTRAINT attachments_ord_key UNIQUE (version_id, ord),
	CONSTRAINT attachments_size_matches CHECK (size = octet_length(bytes)),
	CONSTRAINT attachments_sha256_matches CHECK (sha256 = encode(sha256(bytes), 'hex'))
);

-- Who did what, when. Rows are only ever added (trigger below).
CREATE TABLE audit_log (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	at		timestamptz NOT NULL DEFAULT now(),
	-- "user:12", "token:3", "remissctl", ...
	actor		text NOT NULL CHECK (is_one_line(actor, 200)),
	-- Dotted verb, e.g. "remiss.import".
	action		text NOT NULL CHECK (action ~ '^[a-z][a-z0-9_.-]{0,63}$'),
	object_type	text CHECK (object_type ~ '^[a-z][a-z0-9_]{0,63}$'),
	object_id	text CHECK (is_one_line(object_id, 200)),
	detail		jsonb CHECK (octet_length(detail::text) <= 100000)
);
CREATE INDEX audit_log_object_idx ON audit_log (object_type, object_id);
CREATE INDEX audit_log_at_idx ON audit_log (at);

CREATE TRIGGER audit_log_append_only
	BEFORE UPDATE OR DELETE ON audit_log
	FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_log_no_truncate
	BEFORE TRUNCATE ON audit_log
	FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

CREATE TRIGGER response_versions_immutable
	BEFORE UPDATE OR DELETE ON response_versions
	FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER response_versions_no_truncate
	BEFORE TRUNCATE ON response_versions
	FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

CREATE TRIGGER answers_immutable
	BEFORE UPDATE OR DELETE ON answers
	FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER answers_no_truncate
	BEFORE TRUNCATE ON answers
	FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

CREATE TRIGGER attachments_immutable
	BEFORE UPDATE OR DELETE ON attachments
	FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER attachments_no_truncate
	BEFORE TRUNCATE ON attachments
	FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- An answer (submitted or draft) must be to a live section or question of
-- the remiss its response belongs to.
CREATE FUNCTION answer_target_check() RETURNS trigger
	LANGUAGE plpgsql AS $$
DECLARE
	rid bigint;
BEGIN
	IF TG_TABLE_NAME = 'answers' THEN
		SELECT r.remiss_id INTO rid FROM response_versions v
		    JOIN responses r ON r.id = v.response_id
		    WHERE v.id = NEW.version_id;
	ELSE
		SELECT r.remiss_id INTO rid FROM responses r
		    WHERE r.id = NEW.response_id;
	END IF;
	IF NEW.section_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sections s
	    WHERE s.id = NEW.section_id AND s.remiss_id = rid
	    AND s.removed_at IS NULL) THEN
		RAISE EXCEPTION 'section % is not a live section of remiss %',
		    NEW.section_id, rid USING ERRCODE = 'foreign_key_violation';
	END IF;
	IF NEW.question_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM questions q
	    WHERE q.id = NEW.question_id AND q.remiss_id = rid
	    AND q.removed_at IS NULL) THEN
		RAISE EXCEPTION 'question % is not a live question of remiss %',
		    NEW.question_id, rid USING ERRCODE = 'foreign_key_violation';
	END IF;
	RETURN NEW;
END
$$;

CREATE TRIGGER answers_target
	BEFORE INSERT ON answers
	FOR EACH ROW EXECUTE FUNCTION answer_target_check();
CREATE TRIGGER draft_answers_target
	BEFORE INSERT OR UPDATE OF section_id, question_id ON draft_answers
	FOR EACH ROW EXECUTE FUNCTION answer_target_check();
