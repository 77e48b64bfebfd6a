-- 010_meetings.sql: dialogmöten: meetings the förvaltning and the referensgrupp hold with one or
-- more organisations about a remiss (date, participants, notes), linked to sections and themes.
--
-- Applied once by `remissctl migrate` inside a transaction. A meeting belongs to one remiss; the
-- organisations that took part are existing organisation rows, the participants free text (a
-- name and a role or organisation as the notes would write it). Every change is one transaction
-- with an audit row (handlers/meetings.c); edit_version is the optimistic lock of the form.

CREATE TABLE meetings (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	remiss_id	bigint NOT NULL REFERENCES remiss (id) ON DELETE CASCADE,
	held_on		date NOT NULL CHECK (held_on BETWEEN '2000-01-01' AND '2199-12-31'),
	title		text CHECK (is_one_line(title, 200)),
	place		text CHECK (is_one_line(place, 200)),
	notes		text NOT NULL DEFAULT '' CHECK (length(notes) <= 100000),
	-- Optimistic locking: starts at 1, bumped on every save.
	edit_version	int NOT NULL DEFAULT 1 CHECK (edit_version >= 1),
	created_by	bigint NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_by	bigint NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
	updated_at	timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meetings_remiss_idx ON meetings (remiss_id, held_on, id);

-- The organisations that took part (at least one; the form requires it).
CREATE TABLE meeting_orgs (
	meeting_id	bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	org_id		bigint NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
	PRIMARY KEY (meeting_id, org_id)
);
CREATE INDEX meeting_orgs_org_idx ON meeting_orgs (org_id);

-- The people who took part, in the order given.
CREATE TABLE meeting_participants (
	meeting_id	bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	ord		int NOT NULL CHECK (ord BETWEEN 0 AND 999),
	name		text NOT NULL CHECK (is_one_line(name, 200)),
	-- Role and/or organisation ("Socialchef, Laholms kommun"); '' if not given.
	role		text NOT NULL DEFAULT '' CHECK (role = '' OR is_one_line(role, 200)),
	PRIMARY KEY (meeting_id, ord)
);

-- The sections a meeting was about. Sections are normally retired, not
-- deleted; if one is deleted the link goes with it, the meeting stays.
CREATE TABLE meeting_sections (
	meeting_id	bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	section_id	bigint NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
	PRIMARY KEY (meeting_id, section_id)
);
CREATE INDEX meeting_sections_section_idx ON meeting_sections (section_id);

-- The themes a meeting touched. A theme merged into another moves its links
-- (handlers/review_themes.c); a deleted theme takes its links with it.
CREATE TABLE meeting_themes (
	meeting_id	bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	theme_id	bigint NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
	PRIMARY KEY (meeting_id, theme_id)
);
CREATE INDEX meeting_themes_theme_idx ON meeting_themes (theme_id);
