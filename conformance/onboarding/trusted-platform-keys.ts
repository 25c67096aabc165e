/**
 * The platform keys the sheet trusts. A run's evidence is signed by the platform that ran it,
 * and anyone can run a platform (`klarmeld test` starts one with a fresh key every time), so a
 * signature earns a status only when its key is on this list. KOMBIT adds the keys of the
 * platforms it answers for; each entry says who added it and when.
 */
import type { DatabaseSync } from 'node:sqlite';

export interface TrustedPlatformKey {
  /** sha256 hex of the key's DER SPKI (`keyFingerprint` in conformance/evidence). */
  fingerprint: string;
  /** What the key belongs to, e.g. "KOMBIT external test environment". */
  name: string;
  addedBy: string;
  /** ISO 8601, UTC. */
  addedAt: string;
}

export type NewTrustedPlatformKey = Omit<TrustedPlatformKey, 'addedAt'>;

/** A fingerprint is not 64 lower-case hex digits, or the name or who adds it is empty. */
export class TrustedKeyError extends Error {
  override name = 'TrustedKeyError';
  readonly code: 'fingerprint-invalid' | 'name-missing' | 'added-by-missing';

  constructor(code: TrustedKeyError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

interface KeyRow {
  fingerprint: string;
  name: string;
  added_by: string;
  added_at: string;
}

const toKey = (row: KeyRow): TrustedPlatformKey => ({
  fingerprint: row.fingerprint,
  name: row.name,
  addedBy: row.added_by,
  addedAt: row.added_at,
});

/** The key as stored (fingerprint lower-case, name and adder trimmed); throws TrustedKeyError saying what to give. Shared with the server's PostgreSQL sheet. */
export function checkTrustedKey(key: NewTrustedPlatformKey): NewTrustedPlatformKey {
  const fingerprint = key.fingerprint.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(fingerprint)) {
    throw new TrustedKeyError(
      'fingerprint-invalid',
      `"${key.fingerprint}" is not a key fingerprint: give the 64 hex digits of the key's SHA-256 fingerprint, as klarmeld verify prints it.`,
    );
  }
  if (!key.name.trim())
    throw new TrustedKeyError(
      'name-missing',
      'Name the platform the key belongs to, e.g. "KOMBIT external test environment".',
    );
  if (!key.addedBy.trim())
    throw new TrustedKeyError(
      'added-by-missing',
      'Say who trusts the key (an actor name): the sheet keeps it with the key.',
    );
  return { fingerprint, name: key.name.trim(), addedBy: key.addedBy.trim() };
}

/** Adds a key; a key already trusted is left as it was (`added` false) with its first name, adder and time. */
export function addTrustedKey(
  db: DatabaseSync,
  key: NewTrustedPlatformKey,
  at: Date,
): { key: TrustedPlatformKey; added: boolean } {
  const entry = checkTrustedKey(key);
  const inserted = db
    .prepare(
      'INSERT INTO trusted_platform_keys (fingerprint, name, added_by, added_at) VALUES (?, ?, ?, ?) ON CONFLICT (fingerprint) DO NOTHING RETURNING *',
    )
    .get(entry.fingerprint, entry.name, entry.addedBy, at.toISOString()) as KeyRow | undefined;
  if (inserted) return { key: toKey(inserted), added: true };
  return { key: findTrustedKey(db, entry.fingerprint)!, added: false };
}

export function findTrustedKey(db: DatabaseSync, fingerprint: string): TrustedPlatformKey | undefined {
  const row = db.prepare('SELECT * FROM trusted_platform_keys WHERE fingerprint = ?').get(fingerprint.toLowerCase()) as
    KeyRow | undefined;
  return row ? toKey(row) : undefined;
}

/** Every trusted key, oldest first. */
export function listTrustedKeys(db: DatabaseSync): TrustedPlatformKey[] {
  return (
    db.prepare('SELECT * FROM trusted_platform_keys ORDER BY added_at, fingerprint').all() as unknown as KeyRow[]
  ).map(toKey);
}
