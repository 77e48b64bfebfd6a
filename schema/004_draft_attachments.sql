-- 004_draft_attachments.sql: files attached to a draft before it is submitted; copied into
-- attachments (immutable) when the draft is sent. Only invited organisations have them.
CREATE TABLE draft_attachments (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	remiss_id	bigint NOT NULL,
	org_id		bigint NOT NULL,
	filename	text NOT NULL CHECK (is_one_line(filename, 255)
			    AND filename !~ '[/\\]' AND filename NOT IN ('.', '..')),
	-- Only the types the product accepts, as decided from the content.
	media_type	text NOT NULL CHECK (media_type IN ('application/pdf',
			    'application/vnd.oasis.opendocument.text',
			    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			    'image/png', 'image/jpeg')),
	bytes		bytea NOT NULL,
	size		bigint NOT NULL CHECK (size > 0 AND size = octet_length(bytes)),
	sha256		sha256_hex NOT NULL CHECK (sha256 = encode(sha256(bytes), 'hex')),
	uploaded_by	bigint REFERENCES users (id) ON DELETE RESTRICT,
	uploaded_at	timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT draft_attachments_invited FOREIGN KEY (remiss_id, org_id)
	    REFERENCES invitations (remiss_id, org_id) ON DELETE CASCADE
);
CREATE INDEX draft_attachments_owner_idx ON draft_attachments (remiss_id, org_id);
