import { mkdtempSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { UnsignedExchange } from '../exchange-record.ts';

/**
 * Exchange number `i` as the recorder's tests store it: one second apart from 2026-01-01, a tiny
 * SOAP request and answer; `fields` replaces any of it (a system, a time, bodies of a real size).
 */
export function testExchange(i: number, fields: Partial<UnsignedExchange> = {}): UnsignedExchange {
  return {
    id: `id-${i}`,
    time: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    systemUuid: 'sys-a',
    systemName: 'A',
    method: 'POST',
    path: '/p',
    status: 200,
    latencyMs: 1,
    findings: [],
    request: { contentType: 'text/xml', size: 4, body: `<a>${i}</a>`, truncated: false },
    response: { contentType: 'text/xml', size: 4, body: '<b/>', truncated: false },
    ...fields,
  };
}

/**
 * Fresh folders for a test file's databases, removed after each test: `folder()` makes one,
 * `database()` opens a new SQLite file in one. Call it once at the top of the file.
 */
export function useTempFolders(prefix: string): { folder(): string; database(): DatabaseSync } {
  const made: string[] = [];
  afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
  return { folder, database: () => new DatabaseSync(join(folder(), 'p.sqlite')) };
}
