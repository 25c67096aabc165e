import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { serveStatic } from './demo-serve.ts';

let dir: string;
let close: (() => Promise<void>) | undefined;
afterAll(async () => {
  await close?.();
  await rm(dir, { recursive: true, force: true });
});

describe('the demo serving the built site', () => {
  it('answers pages and their index.html, 404 for the rest, and nothing outside the folder', async () => {
    dir = await mkdtemp(join(tmpdir(), 'site-'));
    await mkdir(join(dir, 'dist', 'integration'), { recursive: true });
    await writeFile(join(dir, 'dist', 'index.html'), '<h1>klarmeld</h1>');
    await writeFile(join(dir, 'dist', 'integration', 'index.html'), '<h1>SF1520</h1>');
    await writeFile(join(dir, 'secret.txt'), 'no');
    const { url, server } = await serveStatic(join(dir, 'dist'));
    close = () => new Promise((resolve) => server.close(() => resolve()));
    const get = async (path: string) => {
      const response = await request(new URL(path, url));
      return { status: response.statusCode, text: await response.body.text(), type: response.headers['content-type'] };
    };
    expect(await get('/')).toMatchObject({ status: 200, text: '<h1>klarmeld</h1>', type: 'text/html; charset=utf-8' });
    expect((await get('/integration/')).text).toBe('<h1>SF1520</h1>');
    expect((await get('/nope')).status).toBe(404);
    expect([403, 404]).toContain((await get('/../secret.txt')).status);
    expect([403, 404]).toContain((await get('/%2e%2e/secret.txt')).status);
  });
});
