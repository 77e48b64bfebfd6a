-- 002_auth.sql: login sessions, API tokens (stored hashed) and failed logins for throttling.
--
-- Applied once by `remissctl migrate` inside a transaction (no BEGIN/COMMIT
-- here). No secret is stored: sessions and API tokens keep only the SHA-256
-- of their token, so a copy of the database logs nobody in. The audit log
-- stays append-only through the triggers of 001_core.sql (UPDATE, DELETE and
-- TRUNCATE on audit_log are refused for every role that does not own them).

-- A client address as the web server saw it (IPv4, IPv6 or "unix:").
CREATE DOMAIN client_addr AS text
	CHECK (length(VALUE) BETWEEN 1 AND 100 AND VALUE !~ '[[:cntrl:][:space:]]');

-- A browser login. The cookie holds the token; idle and absolute expiry are
-- checked against last_seen_at and created_at by the lookup.
CREATE TABLE sessions (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	token_hash	sha256_hex NOT NULL,
	user_id		bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	-- The CSRF token of this session: no credential on its own.
	csrf		text NOT NULL CHECK (csrf ~ '^[0-9a-f]{64}$'),
	created_at	timestamptz NOT NULL DEFAULT now(),
	last_seen_at	timestamptz NOT NULL DEFAULT now(),
	remote_addr	client_addr,
	CONSTRAINT sessions_token_hash_key UNIQUE (token_hash),
	CONSTRAINT sessions_seen_after_created CHECK (last_seen_at >= created_at)
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_last_seen_idx ON sessions (last_seen_at);

-- A Bearer token of an organisation (acts as its kommun role) or of a user
-- (acts with that user's role). Revoked tokens are kept for the record.
CREATE TABLE api_tokens (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	token_hash	sha256_hex NOT NULL,
	org_id		bigint REFERENCES organisations (id) ON DELETE RESTRICT,
	user_id		bigint REFERENCES users (id) ON DELETE CASCADE,
	label		text CHECK (is_one_line(label, 200)),
	created_at	timestamptz NOT NULL DEFAULT now(),
	last_used_at	timestamptz,
	revoked_at	timestamptz,
	CONSTRAINT api_tokens_token_hash_key UNIQUE (token_hash),
	CONSTRAINT api_tokens_one_owner CHECK ((org_id IS NULL) <> (user_id IS NULL))
);
CREATE INDEX api_tokens_org_idx ON api_tokens (org_id);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

-- One failed password login. Counted per account and per address over the
-- last 15 minutes to throttle guessing; an account's rows go at its next
-- successful login, everyone's after a day. email_lower is NULL when what
-- was typed could not be an address at all.
CREATE TABLE login_failures (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	email_lower	text CHECK (length(email_lower) BETWEEN 1 AND 254
			    AND email_lower = lower(email_lower)),
	remote_addr	client_addr,
	at		timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_email_idx ON login_failures (email_lower, at);
CREATE INDEX login_failures_addr_idx ON login_failures (remote_addr, at);
CREATE INDEX login_failures_at_idx ON login_failures (at);
