/**
 * One PGlite (PostgreSQL compiled to WebAssembly, in this process) shaped as the small part of
 * pg.Pool the server's PostgreSQL store uses, so the bench drives the very same store code and
 * migrations on it. PGlite has one connection: a checked-out client holds it until released
 * (a transaction), and every other query waits its turn.
 */
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

export function pgliteAsPool(db: PGlite): pg.Pool {
  let tail: Promise<void> = Promise.resolve();
  const turn = async (): Promise<() => void> => {
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const before = tail;
    tail = before.then(() => mine);
    await before;
    return release;
  };
  // A statement list without parameters (a migration) needs exec; a statement with them, query.
  const run = async (sql: string, params?: unknown[]) => {
    if (params && params.length > 0) return db.query(sql, params);
    const results = await db.exec(sql);
    return results.at(-1) ?? { rows: [], fields: [], affectedRows: 0 };
  };
  const pool = {
    async query(sql: string, params?: unknown[]) {
      const release = await turn();
      try {
        return await run(sql, params);
      } finally {
        release();
      }
    },
    async connect() {
      const release = await turn();
      return { query: run, release };
    },
    on() {
      return pool;
    },
    async end() {
      await db.close();
    },
  };
  return pool as unknown as pg.Pool;
}
