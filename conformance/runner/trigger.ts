import { spawn } from 'node:child_process';
import { request, type Dispatcher } from 'undici';
import { TestFailure } from '../framework/errors.ts';
import { triggerReply, type TriggerAction, type TriggerReply } from '../profile/actions.ts';

/** Asks the system under test to perform one action and resolves to its reply. */
export type Trigger = (action: TriggerAction | (string & {}), params: Record<string, unknown>) => Promise<TriggerReply>;

/**
 * The trigger hook could not be reached or answered nonsense. The hook is part of the supplier's
 * system, so this is a TestFailure: the test ends `fail` (blame `supplier`) with this message,
 * which names the hook (its URL or command) and what it answered.
 */
export class TriggerError extends TestFailure {
  override name = 'TriggerError';
  readonly code = 'trigger-failed';
}

/** A trigger that POSTs `{ action, params }` as JSON to the system's URL (through undici). */
export function httpTrigger(url: string, timeoutSeconds: number, dispatcher?: Dispatcher): Trigger {
  return async (action, params) => {
    let text: string;
    let status: number;
    try {
      const response = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action, params }),
        headersTimeout: timeoutSeconds * 1000,
        bodyTimeout: timeoutSeconds * 1000,
        ...(dispatcher ? { dispatcher } : {}),
      });
      status = response.statusCode;
      text = await response.body.text();
    } catch (error) {
      throw new TriggerError(
        `The system's trigger at ${url} did not answer "${action}" (${(error as Error).message}). Is the system running, and is trigger.url in the profile right?`,
      );
    }
    return parseReply(text, `${url} answered "${action}" with HTTP ${status}`);
  };
}

/** A trigger that runs a command with `{ action, params }` on stdin and reads the JSON reply from stdout. */
export function commandTrigger(command: string, cwd: string, timeoutSeconds: number): Trigger {
  return (action, params) =>
    new Promise((resolvePromise, reject) => {
      const child = spawn(command, { cwd, shell: true, stdio: ['pipe', 'pipe', 'pipe'], timeout: timeoutSeconds * 1000 });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
      child.on('error', (error) => reject(new TriggerError(`The trigger command "${command}" could not start: ${error.message}`)));
      child.on('close', (code) => {
        try {
          resolvePromise(parseReply(stdout, `the trigger command "${command}" (exit ${code}) answered "${action}"`));
        } catch (error) {
          reject(new TriggerError(`${(error as Error).message}${stderr ? `; it wrote: ${stderr.trim().slice(0, 300)}` : ''}`));
        }
      });
      // A hook may exit without reading its stdin (it needs no params, or it failed early):
      // writing to the closed pipe then fails with EPIPE, which without a listener would crash
      // the whole run. Its reply (or its silence) is judged when it closes, as for any hook.
      child.stdin.on('error', () => {});
      child.stdin.end(JSON.stringify({ action, params }));
    });
}

function parseReply(text: string, what: string): TriggerReply {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new TriggerError(`${what}, but not with JSON: ${text.slice(0, 200)}`);
  }
  const parsed = triggerReply.safeParse(json);
  if (!parsed.success) {
    throw new TriggerError(`${what} with ${text.slice(0, 200)}; expected { "ok": true, "result": … } or { "ok": false, "error": { "code", "message" } }`);
  }
  return parsed.data;
}
