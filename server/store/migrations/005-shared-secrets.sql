-- Secrets every instance on this database shares (the web front's session key): 32 random bytes
-- per name, written by the first instance that asks; the others read the same. Deleting a row
-- rotates it (every web session made with it ends).
CREATE TABLE server_shared_secrets (
  name text PRIMARY KEY,
  value bytea NOT NULL CHECK (length(value) = 32),
  created_at timestamptz NOT NULL
);
