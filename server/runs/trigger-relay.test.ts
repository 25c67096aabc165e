import { describe, expect, it } from 'vitest';
import { SystemUnresponsiveError, TriggerError } from '../../conformance/runner/index.ts';
import { TriggerRelay } from './trigger-relay.ts';

describe('TriggerRelay: the trigger of a run the server judges, carried by the CLI', () => {
  it("hands each request to the CLI's poll and reads the system's reply by the trigger protocol", async () => {
    const relay = new TriggerRelay(30);
    const asked = relay.trigger('lookup-person', { cpr: '0101011234' });
    const request = await relay.next(5_000);
    expect(request).toMatchObject({ action: 'lookup-person', params: { cpr: '0101011234' } });
    // A poll lost on the way is harmless: polling again gets the same request.
    expect(await relay.next(0)).toEqual(request);
    expect(relay.answer(request!.id, { reply: '{"ok":true,"result":{"name":"Jens"}}' })).toBe(true);
    await expect(asked).resolves.toEqual({ ok: true, result: { name: 'Jens' } });
    expect(relay.answer(request!.id, { reply: '{"ok":true}' })).toBe(false);
  });

  it('fails the test on a reply that is not the trigger protocol, as a local hook would', async () => {
    const relay = new TriggerRelay(30);
    const asked = relay.trigger('lookup-person', {});
    relay.answer((await relay.next(5_000))!.id, { reply: 'I am not JSON' });
    await expect(asked).rejects.toBeInstanceOf(TriggerError);
  });

  it('ends as an environment error when the system gave no answer, and asks nothing more after', async () => {
    const relay = new TriggerRelay(30);
    const asked = relay.trigger('lookup-person', {});
    relay.answer((await relay.next(5_000))!.id, {
      unanswered: 'The trigger at http://127.0.0.1:1/trigger gave no answer',
    });
    await expect(asked).rejects.toBeInstanceOf(SystemUnresponsiveError);
    await expect(relay.trigger('lookup-person', {})).rejects.toThrow(/did not answer an earlier trigger/);
    expect(await relay.next(0)).toBeUndefined();
  });

  it('gives a request no answer once the run ended, and releases the pollers', async () => {
    const relay = new TriggerRelay(30);
    const polling = relay.next(60_000);
    relay.end();
    expect(await polling).toBeUndefined();
    await expect(relay.trigger('lookup-person', {})).rejects.toBeInstanceOf(SystemUnresponsiveError);
  });
});
