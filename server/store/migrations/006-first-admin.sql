-- One first admin (the KOMBIT identity a server writes at its first start, created_by ''):
-- instances starting at once on an empty database make one between them (server/admin-token.ts).
-- A database from before, where two were made at once, keeps both tokens working: the later
-- ones become issued by the first.
UPDATE server_identities SET created_by = first.id::text
  FROM (SELECT id FROM server_identities WHERE created_by = '' ORDER BY created_at, id LIMIT 1) AS first
  WHERE server_identities.created_by = '' AND server_identities.id <> first.id;
CREATE UNIQUE INDEX server_identities_first_admin ON server_identities (created_by) WHERE created_by = '';
