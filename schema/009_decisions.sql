-- 009_decisions.sql: the beslutsförslag: per section a decision with the revised text, the
-- motivation, the answers it rests on and a status; sections can be added.
--
-- Applied once by `remissctl migrate` inside a transaction. A decision about a section of the
-- proposal points at it; a new section ("ny") has its own number and heading instead.

CREATE TABLE decisions (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	remiss_id	bigint NOT NULL REFERENCES remiss (id) ON DELETE CASCADE,
	section_id	bigint REFERENCES sections (id) ON DELETE RESTRICT,
	kind		text NOT NULL CHECK (kind IN ('oforandrad', 'andrad', 'struken', 'ny')),
	nr		text CHECK (nr ~ '^[0-9A-Za-z]([0-9A-Za-z._:-]{0,30}[0-9A-Za-z])?$'),
	heading		text CHECK (is_one_line(heading, 500)),
	revised_text	text NOT NULL DEFAULT '' CHECK (length(revised_text) <= 200000),
	motivation	text NOT NULL DEFAULT '' CHECK (length(motivation) <= 100000),
	status		text NOT NULL DEFAULT 'utkast' CHECK (status IN ('utkast', 'klar')),
	-- Optimistic locking: bumped on every save.
	lock_version	int NOT NULL DEFAULT 0 CHECK (lock_version >= 0),
	updated_by	bigint NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
	updated_at	timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT decisions_new_iff_no_section CHECK ((kind = 'ny') = (section_id IS NULL)),
	CONSTRAINT decisions_new_named CHECK (section_id IS NOT NULL
	    OR (nr IS NOT NULL AND heading IS NOT NULL)),
	CONSTRAINT decisions_changed_has_text CHECK (kind NOT IN ('andrad', 'ny')
	    OR length(btrim(revised_text)) > 0)
);
CREATE UNIQUE INDEX decisions_section_key ON decisions (section_id) WHERE section_id IS NOT NULL;
CREATE UNIQUE INDEX decisions_new_nr_key ON decisions (remiss_id, nr) WHERE section_id IS NULL;

-- The answers a decision rests on (section NULL: the response as a whole).
CREATE TABLE decision_refs (
	decision_id	bigint NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
	response_id	bigint NOT NULL REFERENCES responses (id) ON DELETE RESTRICT,
	section_id	bigint REFERENCES sections (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX decision_refs_key ON decision_refs (decision_id, response_id,
	COALESCE(section_id, 0));
