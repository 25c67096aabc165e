import { readFile } from 'node:fs/promises';
import { createServer, type RequestListener, type Server } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { classifyOutcome } from '../framework/index.ts';
import { isAlive } from './testing/stand-in-system.ts';
import { commandTrigger, httpTrigger } from './trigger.ts';

const temp = tempDirs();
const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/trigger`;
}

const outcomeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => classifyOutcome(error),
  );

describe('a trigger reply that never ends', () => {
  it("is cut off at 256 KiB and fails the test (the supplier's), saying what came and the cap; the connection is closed", async () => {
    let closed: Promise<void> | undefined;
    const url = await serve((req, res) => {
      req.resume();
      closed = new Promise((resolve) => res.once('close', () => resolve()));
      const chunk = Buffer.alloc(64 * 1024, 'x');
      res.write('{"ok":true,"result":"');
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
      };
      res.on('drain', pump);
      pump();
    });
    const outcome = await outcomeOf(httpTrigger(url, 10)('cpr.lookup', {}));
    expect(outcome).toMatchObject({ result: 'fail', blame: 'supplier' });
    expect(outcome?.message).toMatch(
      /answered "cpr\.lookup" with HTTP 200 and a reply of more than 256 KiB: klarmeld stopped reading after \d+(\.\d)? KiB/,
    );
    expect(outcome?.message).toContain('it began: {"ok":true,"result":"xxx');
    await closed;
  });

  it('from a trigger command is cut off too, and the command and what it started are killed', async () => {
    const dir = await temp.make('trigger-limits-');
    const pidFile = join(dir, 'background.pid');
    const trigger = commandTrigger(`sleep 300 & echo $! > ${pidFile}; yes '{"ok":true}'`, dir, 10);
    const outcome = await outcomeOf(trigger('sdi.search', {}));
    expect(outcome).toMatchObject({ result: 'fail', blame: 'supplier' });
    expect(outcome?.message).toMatch(
      /with more than 256 KiB on stdout: klarmeld stopped reading after .* and stopped the command/,
    );
    const background = Number(await readFile(pidFile, 'utf8'));
    await expect.poll(() => isAlive(background), { timeout: 3000 }).toBe(false);
  });
});

describe('a system that does not answer', () => {
  it('ends the test as an environment problem (system-unresponsive) and is not asked again: the next call fails at once', async () => {
    let asked = 0;
    const url = await serve((req) => {
      req.resume();
      asked += 1;
    });
    const trigger = httpTrigger(url, 1);
    expect(await outcomeOf(trigger('cpr.lookup', {}))).toEqual({
      result: 'error',
      blame: 'environment',
      code: 'system-unresponsive',
      message: expect.stringContaining(
        `The system's trigger at ${url} gave no answer to "cpr.lookup" (no complete reply within 1 s)`,
      ),
    });
    const again = await outcomeOf(trigger('sdi.search', {}));
    expect(again).toMatchObject({ result: 'error', blame: 'environment', code: 'system-unresponsive' });
    expect(again?.message).toMatch(/^Not asked "sdi\.search": the system did not answer an earlier trigger/);
    expect(asked).toBe(1);
  });

  it('counts a reply that trickles in past the timeout as no answer, however steadily it trickles', async () => {
    const url = await serve((req, res) => {
      req.resume();
      res.write('{');
      const drip = setInterval(() => (res.destroyed ? clearInterval(drip) : res.write(' ')), 100);
    });
    expect(await outcomeOf(httpTrigger(url, 1)('cpr.lookup', {}))).toMatchObject({
      result: 'error',
      blame: 'environment',
      code: 'system-unresponsive',
    });
  });

  it('through a trigger command that hangs: environment problem, and the command and what it started are killed', async () => {
    const dir = await temp.make('trigger-limits-');
    const pidFile = join(dir, 'background.pid');
    const outcome = await outcomeOf(
      commandTrigger(`sleep 300 & echo $! > ${pidFile}; sleep 300`, dir, 1)('cpr.lookup', {}),
    );
    expect(outcome).toMatchObject({ result: 'error', blame: 'environment', code: 'system-unresponsive' });
    expect(outcome?.message).toContain('gave no answer to "cpr.lookup" within 1 s, so klarmeld stopped it');
    const background = Number(await readFile(pidFile, 'utf8'));
    await expect.poll(() => isAlive(background), { timeout: 3000 }).toBe(false);
  });
});
