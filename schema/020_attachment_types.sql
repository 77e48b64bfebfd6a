-- 020_attachment_types.sql: one allowlist of attachment types for every channel (issue 16).
-- core/filetype.c decides a file's type from its content: PDF, ODT, DOCX, PNG, JPEG, and now
-- UTF-8 plain text (.txt), which the XML API always took and the web form now takes too. The
-- API used to store whatever type a document declared (text/html, image/svg+xml, ...); the
-- database now refuses any other type for new rows as well, and for the redacted copies the
-- förvaltning uploads in place of an attachment (015). Rows stored before are kept as they
-- are (NOT VALID: versions and redactions never change) and served as
-- application/octet-stream (handlers/files.c).
ALTER TABLE draft_attachments DROP CONSTRAINT draft_attachments_media_type_check;
ALTER TABLE draft_attachments ADD CONSTRAINT draft_attachments_media_type_check
	CHECK (media_type IN ('application/pdf',
	    'application/vnd.oasis.opendocument.text',
	    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	    'image/png', 'image/jpeg', 'text/plain'));
ALTER TABLE attachments ADD CONSTRAINT attachments_media_type_allowed
	CHECK (media_type IN ('application/pdf',
	    'application/vnd.oasis.opendocument.text',
	    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	    'image/png', 'image/jpeg', 'text/plain')) NOT VALID;
ALTER TABLE redactions ADD CONSTRAINT redactions_replacement_type_allowed
	CHECK (replacement_type IS NULL OR replacement_type IN ('application/pdf',
	    'application/vnd.oasis.opendocument.text',
	    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	    'image/png', 'image/jpeg', 'text/plain')) NOT VALID;
