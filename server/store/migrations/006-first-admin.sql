-- One first admin (the KOMBIT identity a server writes at its first start, created_by ''):
-- instances starting at once on an empty database make one between them (server/admin-token.ts).
CREATE UNIQUE INDEX server_identities_first_admin ON server_identities (created_by) WHERE created_by = '';
