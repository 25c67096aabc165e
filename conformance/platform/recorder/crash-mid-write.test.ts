import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { exchangeDigest } from '../../evidence/index.ts';
import { openDatabase } from '../store/open-database.ts';
import { loadOrCreateSigner } from '../store/signing-key.ts';
import { ExchangeRecorder } from './exchange-recorder.ts';
import { useTempFolders } from './testing/recorded-exchanges.ts';

const at = (file: string) => new URL(file, import.meta.url).href;

// The writer as the writer thread runs it, in a process of its own that says after each commit how
// many exchanges are stored, until it is killed.
const child = `
import { openDatabase } from ${JSON.stringify(at('../store/open-database.ts'))};
import { exchangeWriter } from ${JSON.stringify(at('./exchange-writer.ts'))};
const db = openDatabase(process.argv[1]);
const write = exchangeWriter(db);
const body = (i, n) => '<x i="' + i + '">' + 'q'.repeat(n) + '</x>';
for (let n = 0; ; n += 50) {
  write(Array.from({ length: 50 }, (_, j) => ({
    id: 'id-' + (n + j), time: new Date(Date.UTC(2026, 0, 1, 0, 0, (n + j) % 3600)).toISOString(),
    systemUuid: (n + j) % 2 ? 'sys-a' : 'sys-b', systemName: 'A', method: 'POST', path: '/p', status: 200, latencyMs: 1,
    findings: [],
    request: { contentType: 'text/xml', size: 900, body: body(n + j, 880), truncated: false },
    response: { contentType: 'text/xml', size: 2000, body: body(n + j, 1980), truncated: false },
  })));
  process.stdout.write(n + 50 + '\\n');
}`;

const { folder } = useTempFolders('recorder-crash-');

/** Runs the writer until it has acknowledged at least `target` exchanges, kills it (SIGKILL) and says how many it acknowledged. */
function writeAndKill(dir: string, target: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const writer = spawn(process.execPath, ['--input-type=module', '-e', child, dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let acknowledged = 0;
    let errors = '';
    writer.stderr.on('data', (d: Buffer) => (errors += d.toString()));
    writer.stdout.on('data', (d: Buffer) => {
      const lines = d.toString().trim().split('\n');
      acknowledged = Math.max(acknowledged, Number(lines.at(-1)));
      if (acknowledged >= target) writer.kill('SIGKILL');
    });
    writer.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve(acknowledged) : reject(new Error(`writer exited ${code}: ${errors}`)),
    );
  });
}

describe('a writer killed mid-write', () => {
  it('leaves an intact database with every acknowledged exchange, in order, digest-true and findable', async () => {
    const dir = folder();
    // Past one digest merge (4,096), so the kill may land in an insert, a commit, a checkpoint or a merge.
    const acknowledged = await writeAndKill(dir, 5000);

    const db = openDatabase(dir);
    expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    const rows = db.prepare('SELECT seq, id, digest, record FROM exchanges ORDER BY seq').all() as {
      seq: number;
      id: string;
      digest: string;
      record: string;
    }[];
    expect(rows.length).toBeGreaterThanOrEqual(acknowledged);
    expect(rows.every((r, i) => r.seq === i + 1 && r.id === `id-${i}`)).toBe(true);
    expect(rows.every((r) => exchangeDigest(JSON.parse(r.record) as Record<string, unknown>) === r.digest)).toBe(true);

    const recorder = new ExchangeRecorder(db, loadOrCreateSigner(db));
    const mine = rows.filter((_, i) => i % 2 === 1).map((r) => r.digest);
    expect(recorder.unknownDigests('sys-a', mine)).toEqual([]);
    const since = '2026-01-01T00:30:00.000Z';
    const expected = rows.filter((r, i) => i % 2 === 1 && (JSON.parse(r.record) as { time: string }).time >= since);
    const got = [...recorder.pages({ systemUuid: 'sys-a', since, limit: 1000 })].flat();
    expect(got.map((e) => e.id)).toEqual(expected.map((r) => r.id));
    await recorder.close();
    db.close();
  });
});
