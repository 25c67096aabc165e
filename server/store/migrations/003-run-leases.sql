-- Many instances, one database (server/cluster/): one row per run in flight. Its owner renews
-- expires_at while it judges; when that time has passed, any instance ends the run as lost (an
-- environment problem, never a pass). system_id UNIQUE: two instances cannot run one system at
-- once. The row is deleted when the run ends, so the table holds only the runs in flight.
CREATE TABLE server_run_leases (
  run_id text PRIMARY KEY,
  system_id text NOT NULL UNIQUE,
  owner text NOT NULL,
  owner_url text NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX server_run_leases_expiry ON server_run_leases (expires_at);
CREATE INDEX server_run_leases_owner ON server_run_leases (owner);
