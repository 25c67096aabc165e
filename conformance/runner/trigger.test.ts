import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyOutcome } from '../framework/index.ts';
import { commandTrigger, httpTrigger, SystemUnresponsiveError, TriggerError } from './trigger.ts';

let server: Server | undefined;
let dir: string | undefined;
afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('trigger hooks', () => {
  it('posts { action, params } to the URL and reads the reply', async () => {
    server = createServer(async (req, res) => {
      let body = '';
      for await (const chunk of req) body += chunk;
      const { action, params } = JSON.parse(body) as { action: string; params: { cpr: string } };
      res.end(
        JSON.stringify(
          action === 'cpr.lookup'
            ? { ok: true, result: { cpr: params.cpr } }
            : { ok: false, error: { code: 'unsupported-action', message: '' } },
        ),
      );
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const trigger = httpTrigger(`http://127.0.0.1:${(server.address() as { port: number }).port}/`, 5);
    expect(await trigger('cpr.lookup', { cpr: '0103701111' })).toEqual({ ok: true, result: { cpr: '0103701111' } });
    expect(await trigger('sdi.search', {})).toMatchObject({ ok: false, error: { code: 'unsupported-action' } });
  });

  it('says what to check when the trigger URL does not answer', async () => {
    await expect(httpTrigger('http://127.0.0.1:1/trigger', 2)('cpr.lookup', {})).rejects.toThrow(
      /Is the system running, and is trigger.url in the profile right/,
    );
  });

  it('runs a command with the request on stdin and reads JSON from stdout; nonsense is a trigger error', async () => {
    dir = await mkdtemp(join(tmpdir(), 'trigger-'));
    await writeFile(
      join(dir, 'hook.mjs'),
      'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);console.log(JSON.stringify({ok:true,result:r.action}))});',
    );
    const trigger = commandTrigger(`"${process.execPath}" hook.mjs`, dir, 10);
    expect(await trigger('sdi.import-case', { caseUuid: 'x' })).toEqual({ ok: true, result: 'sdi.import-case' });
    await expect(commandTrigger('echo not json', dir, 5)('cpr.lookup', {})).rejects.toBeInstanceOf(TriggerError);
  });

  it('judges a hook that exits without reading its stdin by its reply, never crashing on EPIPE', async () => {
    dir ??= await mkdtemp(join(tmpdir(), 'trigger-'));
    // A large request makes the write outlast the hook, so the pipe is closed under it every time.
    const big = { blob: 'x'.repeat(4 * 1024 * 1024) };
    for (let i = 0; i < 5; i++) {
      expect(await commandTrigger('echo \'{"ok":true,"result":"done"}\'', dir, 10)('cpr.lookup', big)).toEqual({
        ok: true,
        result: 'done',
      });
    }
  });

  it('is an environment problem, not a supplier failure, when nothing listens at the trigger URL: a dead system cannot be tested', async () => {
    const dead = await httpTrigger('http://127.0.0.1:1/trigger', 2)('cpr.lookup', {}).catch((error: unknown) => error);
    expect(dead).toBeInstanceOf(SystemUnresponsiveError);
    expect(classifyOutcome(dead)).toEqual({
      result: 'error',
      blame: 'environment',
      code: 'system-unresponsive',
      message: expect.stringMatching(
        /^The system's trigger at http:\/\/127\.0\.0\.1:1\/trigger gave no answer to "cpr\.lookup" \(connection refused/,
      ),
    });
  });

  it("is the supplier's failure when the hook answers nonsense, and the message quotes the answer", async () => {
    dir ??= await mkdtemp(join(tmpdir(), 'trigger-'));
    const nonsense = await commandTrigger(
      'echo "<html>oops</html>"; echo broken >&2; exit 4',
      dir,
      5,
    )('sdi.search', {}).catch((error: unknown) => error);
    const outcome = classifyOutcome(nonsense);
    expect(outcome).toMatchObject({ result: 'fail', blame: 'supplier' });
    expect(outcome.message).toContain(
      'the trigger command "echo "<html>oops</html>"; echo broken >&2; exit 4" (exit 4) answered "sdi.search"',
    );
    expect(outcome.message).toContain('<html>oops</html>');
    expect(outcome.message).toContain('it wrote: broken');
    expect(outcome.message).not.toMatch(/bug in klarmeld/);
  });
});
