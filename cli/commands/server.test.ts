import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { klarmeld } from '../testing/klarmeld.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const temp = tempDirs();

describe('klarmeld server', () => {
  it('starts with nothing configured, says where the admin token is, answers with it, and stops on SIGTERM', async () => {
    const dir = await temp.make('klarmeld-server-command-');
    const child = spawn(
      process.execPath,
      [join(root, 'bin/klarmeld.js'), 'server', '--port', '0', '--platform-port', '0', '--json'],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c;
        if (out.includes('\n')) resolve(out.split('\n')[0]!);
      });
      child.once('close', () => reject(new Error(`klarmeld server ended before it listened: ${stderr}`)));
    });
    try {
      const facts = JSON.parse(line) as {
        url: string;
        adminTokenFile: string;
        adminTokenCreated: boolean;
        dataDir: string;
      };
      expect(facts.dataDir).toBe(join(dir, '.klarmeld/server'));
      expect(facts.adminTokenCreated).toBe(true);
      const token = (await readFile(facts.adminTokenFile, 'utf8')).trim();
      const me = await fetch(new URL('/api/whoami', facts.url), { headers: { authorization: `Bearer ${token}` } });
      expect(((await me.json()) as { identity: { role: string } }).identity.role).toBe('kombit');
      expect((await fetch(new URL('/api/whoami', facts.url))).status).toBe(401);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited, stderr).toBe(0);
  }, 60_000);

  it('refuses a --database it cannot use, with exit 2 and what to give instead', async () => {
    const { exit, stderr } = await klarmeld(
      'server',
      '--database',
      'mysql://db/klarmeld',
      '--data',
      await temp.make('klarmeld-server-command-'),
    );
    expect(exit).toBe(2);
    expect(stderr).toMatch(/give a postgres:\/\/ URL or the path of a SQLite file/);
  });
});
