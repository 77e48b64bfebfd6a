-- 006_review.sql: the referensgrupp's workspace: themes, tags on answers or passages,
-- threaded annotations, read marks, and full-text search over submitted answers.
--
-- An "answer" in the review is one organisation's answer to one section or question
-- (response + section or question), or its response as a whole (both NULL: the overall
-- position and summary). The review always shows the latest submitted version; tags and
-- annotations remember the version they were made on and re-anchor their quoted passage
-- in the latest text when shown.

-- Every text of an answer as one string, for search and analysis.
CREATE FUNCTION answer_text(comment text, proposed_wording text, consequence_region text,
    consequence_kommun text, short_term text, long_term text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN concat_ws(E'\n', comment, proposed_wording, consequence_region,
	    consequence_kommun, short_term, long_term);

CREATE INDEX answers_fts_idx ON answers USING gin (to_tsvector('swedish'::regconfig,
	answer_text(comment, proposed_wording, consequence_region, consequence_kommun,
	    short_term, long_term)));
CREATE INDEX response_versions_fts_idx ON response_versions USING gin
	(to_tsvector('swedish'::regconfig, COALESCE(summary, '')));

CREATE TABLE themes (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	remiss_id	bigint NOT NULL REFERENCES remiss (id) ON DELETE CASCADE,
	-- Themes nest one level: a parent has no parent (trigger below).
	parent_id	bigint REFERENCES themes (id) ON DELETE RESTRICT,
	name		text NOT NULL CHECK (is_one_line(name, 200)),
	description	text CHECK (length(description) BETWEEN 1 AND 10000),
	created_by	bigint REFERENCES users (id) ON DELETE RESTRICT,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT themes_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE UNIQUE INDEX themes_name_key ON themes (remiss_id, lower(name));
CREATE INDEX themes_parent_idx ON themes (parent_id);

CREATE FUNCTION themes_one_level() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.parent_id IS NOT NULL THEN
		IF EXISTS (SELECT 1 FROM themes WHERE id = NEW.parent_id
		    AND (parent_id IS NOT NULL OR remiss_id <> NEW.remiss_id)) THEN
			RAISE EXCEPTION 'a theme nests one level, within its remiss'
			    USING ERRCODE = 'check_violation';
		END IF;
		IF EXISTS (SELECT 1 FROM themes WHERE parent_id = NEW.id) THEN
			RAISE EXCEPTION 'a theme with sub-themes cannot be nested'
			    USING ERRCODE = 'check_violation';
		END IF;
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER themes_one_level BEFORE INSERT OR UPDATE OF parent_id ON themes
	FOR EACH ROW EXECUTE FUNCTION themes_one_level();

-- Which field of an answer a passage was quoted from.
CREATE DOMAIN answer_field AS text CHECK (VALUE IN ('kommentar', 'forslag',
	'konsekvens_region', 'konsekvens_kommun', 'kortsiktigt', 'langsiktigt',
	'sammanfattning'));

-- Where a tag or annotation points: an answer, optionally a quoted passage of one field.
-- The passage is kept as its exact text with some context and offsets (characters) in
-- the version it was made on, so it can be found again in a later version.
CREATE TABLE tags (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	theme_id	bigint NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
	response_id	bigint NOT NULL REFERENCES responses (id) ON DELETE RESTRICT,
	section_id	bigint REFERENCES sections (id) ON DELETE RESTRICT,
	question_id	bigint REFERENCES questions (id) ON DELETE RESTRICT,
	version_id	bigint NOT NULL REFERENCES response_versions (id) ON DELETE RESTRICT,
	field		answer_field,
	quote		text CHECK (length(quote) BETWEEN 1 AND 10000),
	prefix		text CHECK (length(prefix) <= 64),
	suffix		text CHECK (length(suffix) <= 64),
	start_pos	int CHECK (start_pos >= 0),
	end_pos		int,
	created_by	bigint REFERENCES users (id) ON DELETE RESTRICT,
	created_at	timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT tags_one_target CHECK (section_id IS NULL OR question_id IS NULL),
	CONSTRAINT tags_passage CHECK ((quote IS NULL) = (field IS NULL)
	    AND (quote IS NULL) = (start_pos IS NULL) AND (quote IS NULL) = (end_pos IS NULL)
	    AND (end_pos IS NULL OR end_pos > start_pos))
);
CREATE INDEX tags_theme_idx ON tags (theme_id);
CREATE INDEX tags_target_idx ON tags (response_id, section_id, question_id);
-- A whole answer is tagged to a theme once.
CREATE UNIQUE INDEX tags_whole_once ON tags (theme_id, response_id,
	COALESCE(section_id, 0), COALESCE(question_id, 0)) WHERE quote IS NULL;

CREATE TABLE annotations (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	remiss_id	bigint NOT NULL REFERENCES remiss (id) ON DELETE CASCADE,
	-- A reply belongs to the thread of its parent and has no anchor of its own.
	parent_id	bigint REFERENCES annotations (id) ON DELETE CASCADE,
	response_id	bigint REFERENCES responses (id) ON DELETE RESTRICT,
	section_id	bigint REFERENCES sections (id) ON DELETE RESTRICT,
	question_id	bigint REFERENCES questions (id) ON DELETE RESTRICT,
	version_id	bigint REFERENCES response_versions (id) ON DELETE RESTRICT,
	field		answer_field,
	quote		text CHECK (length(quote) BETWEEN 1 AND 10000),
	prefix		text CHECK (length(prefix) <= 64),
	suffix		text CHECK (length(suffix) <= 64),
	start_pos	int CHECK (start_pos >= 0),
	end_pos		int,
	body		text NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 20000),
	created_by	bigint NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
	created_at	timestamptz NOT NULL DEFAULT now(),
	resolved_at	timestamptz,
	resolved_by	bigint REFERENCES users (id) ON DELETE RESTRICT,
	CONSTRAINT annotations_thread CHECK ((parent_id IS NULL) = (response_id IS NOT NULL)
	    AND (parent_id IS NULL) = (version_id IS NOT NULL)),
	CONSTRAINT annotations_one_target CHECK (section_id IS NULL OR question_id IS NULL),
	CONSTRAINT annotations_passage CHECK ((quote IS NULL) = (field IS NULL)
	    AND (quote IS NULL) = (start_pos IS NULL) AND (quote IS NULL) = (end_pos IS NULL)
	    AND (end_pos IS NULL OR end_pos > start_pos)),
	CONSTRAINT annotations_resolved CHECK ((resolved_at IS NULL) = (resolved_by IS NULL)
	    AND (parent_id IS NULL OR resolved_at IS NULL))
);
CREATE INDEX annotations_target_idx ON annotations (response_id, section_id, question_id);
CREATE INDEX annotations_open_idx ON annotations (remiss_id) WHERE parent_id IS NULL
	AND resolved_at IS NULL;
CREATE INDEX annotations_parent_idx ON annotations (parent_id);

-- "I have read this answer": per user, so the group can split and track the work.
CREATE TABLE answer_reads (
	user_id		bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	response_id	bigint NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
	section_id	bigint REFERENCES sections (id) ON DELETE CASCADE,
	version_id	bigint NOT NULL REFERENCES response_versions (id) ON DELETE CASCADE,
	read_at		timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX answer_reads_key ON answer_reads (user_id, response_id,
	COALESCE(section_id, 0));
