import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { sessionLifetimeMs, spStore } from './sp-store.ts';

const session = (sessionIndex: string) => ({ sessionIndex, entityId: 'https://sp.example', nameId: 'C=DK,CN=Bo' });

describe("the Context Handler's sessions (review finding 11: the table grew without end)", () => {
  it('keeps a session for its logout a working day, and drops older ones when the next login opens', () => {
    const store = spStore(new DatabaseSync(':memory:'));
    const t0 = new Date('2026-12-02T08:00:00Z');
    store.openSession(session('_old'), t0);
    store.openSession(session('_recent'), new Date(t0.getTime() + sessionLifetimeMs - 1000));
    store.openSession(session('_now'), new Date(t0.getTime() + sessionLifetimeMs + 1000));
    expect(store.closeSession(session('_old'))).toBe(false);
    expect(store.closeSession(session('_recent'))).toBe(true);
    expect(store.closeSession(session('_now'))).toBe(true);
  });

  it('adds the column to a table made before it, keeping its sessions', () => {
    const db = new DatabaseSync(':memory:');
    db.exec(`CREATE TABLE context_handler_sessions (
      session_index TEXT PRIMARY KEY, entity_id TEXT NOT NULL, name_id TEXT NOT NULL)`);
    db.prepare('INSERT INTO context_handler_sessions VALUES (?, ?, ?)').run(
      '_before',
      'https://sp.example',
      'C=DK,CN=Bo',
    );
    const store = spStore(db);
    expect(store.closeSession(session('_before'))).toBe(true);
  });
});
