import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangeDigest, verifyDigest } from '../../evidence/index.ts';
import { recorderClient } from '../../suites/index.ts';
import type { AddedSystem } from '../admin/platform-admin.ts';
import { agentFor, startTestPlatform } from '../testing/test-platform.ts';
import type { RunningPlatform } from './start-platform.ts';

const pageBytes = 256 * 1024;

interface Page {
  systemUuid: string;
  exchanges: { id: string; systemUuid: string; request: { body: string }; digest: string; signature: string }[];
  next?: string;
}

describe('GET /klarmeld/exchanges with many large exchanges', () => {
  let platform: RunningPlatform;
  let a: AddedSystem;
  let b: AddedSystem;

  beforeAll(async () => {
    platform = await startTestPlatform({ limits: { exchangesPageBytes: pageBytes } });
    a = await platform.admin.addSystem({ name: 'A' });
    b = await platform.admin.addSystem({ name: 'B' });
    // 40 exchanges of ~60 KiB each for A (a POST to a path without a service is recorded too), a few of B's in between.
    const agentA = agentFor(a);
    const agentB = agentFor(b);
    for (let i = 0; i < 40; i += 1) {
      const post = (agent: typeof agentA, body: string) =>
        request(`${platform.url}/service/none`, {
          method: 'POST',
          body,
          headers: { 'content-type': 'text/xml' },
          dispatcher: agent,
        }).then((r) => r.body.dump());
      await post(agentA, `<n i="${i}">${'ø'.repeat(30 * 1024)}</n>`);
      if (i % 10 === 0) await post(agentB, `<b i="${i}"/>`);
    }
  });
  afterAll(async () => platform?.stop());

  async function readAll(system: AddedSystem, first: string) {
    const agent = agentFor(system);
    const pages: { bytes: number; chunked: boolean; page: Page }[] = [];
    for (let url: string | undefined = first; url !== undefined; url = pages.at(-1)!.page.next) {
      const res = await request(new URL(url, platform.url), { dispatcher: agent });
      const text = await res.body.text();
      expect(res.statusCode).toBe(200);
      pages.push({
        bytes: Buffer.byteLength(text),
        chunked: res.headers['transfer-encoding'] === 'chunked',
        page: JSON.parse(text) as Page,
      });
    }
    return pages;
  }

  it('pages them by count and by bytes; following next gives every exchange once, in order', async () => {
    const pages = await readAll(a, '/klarmeld/exchanges?limit=1000');
    const all = pages.flatMap((p) => p.page.exchanges);
    expect(all.map((e) => /<n i="(\d+)"/.exec(e.request.body)?.[1])).toEqual(
      Array.from({ length: 40 }, (_, i) => String(i)),
    );
    expect(new Set(all.map((e) => e.id)).size).toBe(40);
    expect(all.every((e) => e.systemUuid === a.systemUuid)).toBe(true);
    // Each page stays under the byte bound (40 × ~61 KiB would be 2.4 MB in one answer), streamed.
    expect(pages.length).toBeGreaterThan(5);
    for (const p of pages) expect(p.bytes).toBeLessThanOrEqual(pageBytes);
    expect(pages.every((p) => p.chunked && p.page.systemUuid === a.systemUuid)).toBe(true);
    expect(pages.at(-1)!.page.next).toBeUndefined();
    // Still evidence: each exchange's digest and signature verify.
    const key = await (
      await request(`${platform.url}/.well-known/klarmeld/signing-key`, { dispatcher: agentFor(a) })
    ).body.text();
    for (const e of [all[0]!, all[39]!]) {
      expect(exchangeDigest(e as unknown as Record<string, unknown>)).toBe(e.digest);
      expect(verifyDigest(e.digest, e.signature, key)).toBe(true);
    }
  });

  it('pages by count too, keeps since across pages, and never shows another system its exchanges', async () => {
    const bPages = await readAll(b, '/klarmeld/exchanges?limit=3');
    expect(bPages.map((p) => p.page.exchanges.map((e) => /<b i="(\d+)"/.exec(e.request.body)?.[1]))).toEqual([
      ['0', '10', '20'],
      ['30'],
    ]);

    const everything = (await readAll(a, '/klarmeld/exchanges?limit=1000')).flatMap(
      (p) => p.page.exchanges,
    ) as unknown as { time: string; id: string }[];
    const since = everything[25]!.time;
    const later = (await readAll(a, `/klarmeld/exchanges?since=${encodeURIComponent(since)}&limit=3`)).flatMap(
      (p) => p.page.exchanges,
    ) as unknown as { time: string; id: string }[];
    expect(later.map((e) => e.id)).toEqual(everything.filter((e) => e.time >= since).map((e) => e.id));

    // Cut by count (3 of ~61 KiB fit in a page), in order from the given time on.
    expect(later.length).toBeGreaterThanOrEqual(14);
  });

  it('the conformance runner’s recorder client follows next and gets every exchange since its marker', async () => {
    const exchanges = await recorderClient(platform.url, agentFor(a)).since('2000-01-01T00:00:00.000Z');
    expect(exchanges.map((e) => /<n i="(\d+)"/.exec(e.requestBody)?.[1])).toEqual(
      Array.from({ length: 40 }, (_, i) => String(i)),
    );
  });

  it('refuses a cursor it did not make', async () => {
    const res = await request(`${platform.url}/klarmeld/exchanges?after=-1`, { dispatcher: agentFor(a) });
    expect(res.statusCode).toBe(400);
    expect(((await res.body.json()) as { code: string }).code).toBe('exchanges.bad-after');
  });
});
