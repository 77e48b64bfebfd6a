-- 021_people_and_mail.sql: organisations of every kind with their registry mailbox and contacts,
-- people who belong to any organisation, the referensgrupp per remiss, one-time links, the
-- e-mail outbox and the remiss's own documents (issue 18).
--
-- Applied once by `remissctl migrate` inside a transaction. docs/security.md has the rules:
-- a one-time link's token is kept only as its SHA-256, like sessions and API tokens; a queued
-- message that carries such a link is emptied once delivered (mail_outbox.secret).

-- A remissinstans is any organisation that answers: a kommun, a region, a state agency
-- (myndighet), an association (förening or intresseorganisation) or another.
ALTER TABLE organisations DROP CONSTRAINT organisations_kind_check;
ALTER TABLE organisations ADD CONSTRAINT organisations_kind_check
	CHECK (kind IN ('kommun', 'region', 'myndighet', 'forening', 'annan'));
-- The registry's mailbox (registrator, kommunstyrelsen's diarium): official mail goes here.
ALTER TABLE organisations ADD COLUMN registry_email text
	CHECK (is_one_line(registry_email, 254)
	    AND registry_email ~ '^[^@[:space:]]+@[^@[:space:]]+$');
ALTER TABLE organisations ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- A contact person of an organisation: gets the dispatch and the reminders, need not have an
-- account.
CREATE TABLE org_contacts (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	org_id		bigint NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	name		text NOT NULL CHECK (is_one_line(name, 200)),
	email		text NOT NULL CHECK (is_one_line(email, 254)
			    AND email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
	title		text CHECK (is_one_line(title, 200)),
	created_at	timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX org_contacts_email_key ON org_contacts (org_id, lower(email));

-- Any user may belong to an organisation (a granskare of the Region, a förvaltning official);
-- a remissinstans's user (role kommun) must. org_admin: may invite and remove the
-- organisation's people and manage its API tokens, without the förvaltning.
ALTER TABLE users DROP CONSTRAINT users_org_iff_kommun;
ALTER TABLE users ADD CONSTRAINT users_respondent_has_org
	CHECK (role <> 'kommun' OR org_id IS NOT NULL);
ALTER TABLE users ADD COLUMN org_admin boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD CONSTRAINT users_org_admin_has_org
	CHECK (NOT org_admin OR org_id IS NOT NULL);
ALTER TABLE users ADD COLUMN invited_by bigint REFERENCES users (id) ON DELETE SET NULL;

-- The referensgrupp of a remiss: who reviews it. A member of any role (a kommun's
-- representative too) reviews this remiss; a granskare, förvaltning or admin reviews every
-- remiss by role (docs/security.md).
CREATE TABLE remiss_reviewers (
	remiss_id	bigint NOT NULL REFERENCES remiss (id) ON DELETE CASCADE,
	user_id		bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	added_by	bigint REFERENCES users (id) ON DELETE SET NULL,
	added_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (remiss_id, user_id)
);
CREATE INDEX remiss_reviewers_user_idx ON remiss_reviewers (user_id);

-- The remisslista: the address the dispatch of this remiss goes to, when not the
-- organisation's registry mailbox; when the dispatch and the last reminder went.
ALTER TABLE invitations ADD COLUMN dispatch_email text
	CHECK (is_one_line(dispatch_email, 254)
	    AND dispatch_email ~ '^[^@[:space:]]+@[^@[:space:]]+$');
ALTER TABLE invitations ADD COLUMN dispatched_at timestamptz;
ALTER TABLE invitations ADD COLUMN reminded_at timestamptz;

-- Reminders go this many days before each organisation's deadline (0: none).
ALTER TABLE remiss ADD COLUMN reminder_days int NOT NULL DEFAULT 7
	CHECK (reminder_days BETWEEN 0 AND 60);
ALTER TABLE remiss ADD COLUMN dispatched_at timestamptz;

-- A one-time link: an invitation's activation (the person sets their own password) or a
-- password reset. Only the SHA-256 of the token is kept; used_at makes it single use.
CREATE TABLE one_time_links (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	token_hash	sha256_hex NOT NULL,
	user_id		bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	purpose		text NOT NULL CHECK (purpose IN ('activation', 'reset')),
	created_at	timestamptz NOT NULL DEFAULT now(),
	expires_at	timestamptz NOT NULL,
	used_at		timestamptz,
	remote_addr	client_addr,
	CONSTRAINT one_time_links_token_hash_key UNIQUE (token_hash),
	CONSTRAINT one_time_links_expiry CHECK (expires_at > created_at)
);
CREATE INDEX one_time_links_user_idx ON one_time_links (user_id, purpose, created_at);

-- A password-reset request as asked, whether or not the address has an account: counted per
-- address and per client to throttle, without telling who has an account.
CREATE TABLE reset_requests (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	email_lower	text NOT NULL CHECK (length(email_lower) BETWEEN 1 AND 254
			    AND email_lower = lower(email_lower)),
	remote_addr	client_addr,
	at		timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reset_requests_email_idx ON reset_requests (email_lower, at);
CREATE INDEX reset_requests_addr_idx ON reset_requests (remote_addr, at);

-- The transactional outbox: a message is queued in the same transaction as the event that
-- causes it, and the sender (remissctl mail send) delivers it with retries and backoff.
CREATE TABLE mail_outbox (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kind		text NOT NULL CHECK (kind IN ('invitation', 'reset', 'dispatch',
			    'reminder', 'receipt', 'digest', 'test')),
	to_addr		text NOT NULL CHECK (is_one_line(to_addr, 254)
			    AND to_addr ~ '^[^@[:space:]<>,;]+@[^@[:space:]<>,;]+$'),
	lang		text NOT NULL DEFAULT 'sv' CHECK (lang IN ('sv', 'en')),
	subject		text NOT NULL CHECK (is_one_line(subject, 500)),
	body_text	text CHECK (length(body_text) <= 1000000),
	body_html	text CHECK (length(body_html) <= 2000000),
	-- The Message-ID without angle brackets, fixed when queued: a retry sends the same one.
	message_id	text NOT NULL CHECK (is_one_line(message_id, 250)),
	-- A second message with the same key is not queued (one reminder per deadline ...).
	dedupe_key	text CHECK (is_one_line(dedupe_key, 300)),
	-- The body carries a one-time link: emptied once delivered or given up.
	secret		boolean NOT NULL DEFAULT false,
	-- Auto-Submitted: auto-generated (every message but a person's own invitation).
	automatic	boolean NOT NULL DEFAULT true,
	remiss_id	bigint REFERENCES remiss (id) ON DELETE SET NULL,
	org_id		bigint REFERENCES organisations (id) ON DELETE SET NULL,
	user_id		bigint REFERENCES users (id) ON DELETE SET NULL,
	created_at	timestamptz NOT NULL DEFAULT now(),
	attempts	int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
	next_attempt_at	timestamptz NOT NULL DEFAULT now(),
	last_error	text CHECK (length(last_error) <= 2000),
	sent_at		timestamptz,
	-- Given up after the last attempt: shown to the förvaltning, who may retry it.
	failed_at	timestamptz,
	CONSTRAINT mail_outbox_message_id_key UNIQUE (message_id),
	CONSTRAINT mail_outbox_dedupe_key UNIQUE (dedupe_key),
	CONSTRAINT mail_outbox_body CHECK (sent_at IS NOT NULL OR failed_at IS NOT NULL
	    OR NOT secret OR body_text IS NOT NULL)
);
-- The sender's queue: what is due and neither sent nor given up.
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at)
	WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX mail_outbox_remiss_idx ON mail_outbox (remiss_id, kind);

-- The remiss's own documents: the proposal (förslag) and its missiv, and other files, as PDF
-- or DOCX; listed on the remiss's page, linked in the dispatch, in the exports and in the
-- e-archive package.
CREATE TABLE remiss_documents (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	remiss_id	bigint NOT NULL REFERENCES remiss (id) ON DELETE CASCADE,
	kind		text NOT NULL CHECK (kind IN ('forslag', 'missiv', 'bilaga')),
	title		text CHECK (is_one_line(title, 300)),
	filename	text NOT NULL CHECK (is_one_line(filename, 255)
			    AND filename !~ '[/\\]' AND filename NOT IN ('.', '..')),
	media_type	text NOT NULL CHECK (media_type IN ('application/pdf',
			    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			    'application/vnd.oasis.opendocument.text')),
	bytes		bytea NOT NULL,
	size		bigint NOT NULL CHECK (size = length(bytes)),
	sha256		sha256_hex NOT NULL,
	uploaded_by	bigint REFERENCES users (id) ON DELETE SET NULL,
	created_at	timestamptz NOT NULL DEFAULT now(),
	-- A withdrawn document is kept for the record and no longer listed.
	removed_at	timestamptz
);
CREATE INDEX remiss_documents_remiss_idx ON remiss_documents (remiss_id)
	WHERE removed_at IS NULL;
