import { describe, expect, it } from 'vitest';
import type { Exchange, Recorder } from '../suites/index.ts';
import { interactiveTrigger } from './interactive-trigger.ts';

/** A recorder that sees the system's exchange after `after` reads (the edge: the platform). */
function fakeRecorder(after: number): Recorder {
  let reads = 0;
  return {
    mark: async () => new Date().toISOString(),
    since: async () =>
      ++reads > after
        ? [{ id: 'x', time: '', requestBody: '', responseBody: '', findings: [], record: {} } as Exchange]
        : [],
  };
}

describe('--interactive trigger', () => {
  it('tells the person what to do, waits for the platform to see the exchange, then clears the prompt', async () => {
    const prompts: string[] = [];
    const trigger = interactiveTrigger({
      recorder: fakeRecorder(1),
      prompt: (text) => prompts.push(text),
      timeoutSeconds: 10,
    });
    expect(await trigger('cpr.lookup', { cpr: '0103701111' })).toEqual({ ok: true, observedOnly: true });
    expect(prompts[0]).toBe('Look up the person with CPR number 0103701111 in your system.');
    expect(prompts.at(-1)).toBe('');
  });

  it('reports a timeout when nothing is seen, and refuses what a person cannot do', async () => {
    const trigger = interactiveTrigger({ recorder: fakeRecorder(1000), prompt: () => {}, timeoutSeconds: 0.6 });
    expect(await trigger('sdi.search', { caseUuid: 'c' })).toMatchObject({
      ok: false,
      error: { code: 'waiting-for-person' },
    });
    expect(await trigger('system.advance-clock', { seconds: 1 })).toMatchObject({
      ok: false,
      error: { code: 'unsupported-action' },
    });
  });
});
