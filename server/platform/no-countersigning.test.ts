import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { afterEach, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../index.ts';
import { api } from '../testing/api-client.ts';

let server: RunningServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it("never countersigns a supplier's own results with the key KOMBIT trusts: the server's platform has no evidence-signing route", async () => {
  dir = await mkdtemp(join(tmpdir(), 'klarmeld-no-countersign-'));
  server = await startServer({ dataDir: dir });
  const admin = (await readFile(server.adminToken.file, 'utf8')).trim();
  const a = (await api(server.url, admin, 'POST', '/api/identities', { role: 'supplier', cvr: '99990006' })).json.token;
  const { tls } = (await api(server.url, a, 'POST', '/api/systems', { system: 'reference-system' })).json;
  // The supplier holds its system's certificate: the platform knows it (its recorder answers) …
  const agent = new Agent({ connect: { ca: tls.caPem, cert: tls.certPem, key: tls.keyPem } });
  try {
    const exchanges = await request(new URL('/klarmeld/exchanges?limit=1', server.platformUrl), { dispatcher: agent });
    await exchanges.body.text();
    expect(exchanges.statusCode).toBe(200);
    // … but asking it to sign a results digest of the supplier's choosing gets nothing signed.
    const sign = await request(new URL('/klarmeld/evidence/sign', server.platformUrl), {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ runId: 'mine', system: 'reference-system', resultsDigest: 'a'.repeat(64), exchanges: [] }),
    });
    const text = await sign.body.text();
    expect(sign.statusCode).toBe(404);
    expect(text).not.toContain('signature');
  } finally {
    await agent.close();
  }
});
