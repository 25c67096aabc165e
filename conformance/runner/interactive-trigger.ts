import type { Recorder, TriggerOutcome } from '../suites/index.ts';

/** What a person is asked to do in their own system for each action. */
const asks: Record<string, (params: Record<string, unknown>) => string> = {
  'sts.get-token': (p) =>
    `Make your system get a new token from the STS for ${String(p.entityId)} (e.g. log the integration in again).`,
  'cpr.lookup': (p) => `Look up the person with CPR number ${String(p.cpr)} in your system.`,
  'organisation.read-user': (p) =>
    `Open the user ${String(p.uuid)} from the municipality's organisation in your system.`,
  'organisation.search-units': (p) =>
    `Search the municipality's organisation units${p.name ? ` for "${String(p.name)}"` : ''} in your system.`,
  'sdi.import-case': (p) =>
    p.caseReference === undefined
      ? `Create the case "${String(p.title)}" with UUID ${String(p.caseUuid)} so your system indexes it.`
      : `Save the case "${String(p.title)}" with case number ${String(p.caseReference)} (create it the first time) so your system indexes it.`,
  'sdi.search': (p) => `Search the case index for case ${String(p.caseUuid)} in your system.`,
  'sdi.remove-case': (p) => `Delete case ${String(p.caseUuid)} so your system removes it from the index.`,
};

/**
 * The trigger of `--interactive`: asks a person (through `prompt`, shown by the UI) to act, then
 * waits until the platform records an exchange from the system, or the time runs out (the test
 * then waits for the person: result `wait`). Actions a
 * person cannot do (moving the clock, reading the system's inbox) are reported as unsupported,
 * so the tests that need them are skipped, never passed.
 */
export function interactiveTrigger(options: {
  recorder: Recorder;
  prompt: (text: string, secondsLeft: number) => void;
  timeoutSeconds: number;
}) {
  return async (action: string, params: Record<string, unknown>): Promise<TriggerOutcome> => {
    const ask = asks[action];
    if (!ask)
      return { ok: false, error: { code: 'unsupported-action', message: `A person cannot do "${action}" on request` } };
    const marker = await options.recorder.mark();
    const deadline = Date.now() + options.timeoutSeconds * 1000;
    while (Date.now() < deadline) {
      options.prompt(ask(params), Math.ceil((deadline - Date.now()) / 1000));
      const seen = await options.recorder.since(marker);
      if (seen.length > 0) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        options.prompt('', 0);
        return { ok: true, observedOnly: true };
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    options.prompt('', 0);
    return {
      ok: false,
      error: {
        code: 'waiting-for-person',
        message: `Waiting for a person: the platform saw nothing from the system within ${options.timeoutSeconds} s of asking "${ask(params)}"`,
      },
    };
  };
}
