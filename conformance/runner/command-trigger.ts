import { spawn, type ChildProcess } from 'node:child_process';
import { supplierEnv } from './supplier-env.ts';
import { replyLimitBytes, sizeText } from './read-capped.ts';
import {
  parseReply,
  stopAfterSilence,
  SystemUnresponsiveError,
  TriggerError,
  unansweredAdvice,
  type Trigger,
} from './trigger-reply.ts';

/** How much of a hook's stderr a message quotes; the rest is dropped as it arrives. */
const stderrKeptBytes = 4096;

/**
 * A trigger that runs a command with `{ action, params }` on stdin and reads the JSON reply
 * from stdout. The command runs in its own process group: when it outlives `timeoutSeconds`
 * (no answer: SystemUnresponsiveError, which ends the run) or prints more than the limit (the
 * supplier's failure), the whole group is killed, so nothing it started keeps running.
 */
export function commandTrigger(
  command: string,
  cwd: string,
  timeoutSeconds: number,
  options: { limitBytes?: number } = {},
): Trigger {
  const limit = options.limitBytes ?? replyLimitBytes;
  return stopAfterSilence(
    (action, params) =>
      new Promise((resolvePromise, reject) => {
        const child = spawn(command, {
          cwd,
          shell: true,
          detached: true,
          env: supplierEnv(process.env),
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        const stdout: Buffer[] = [];
        let received = 0;
        let stderr = '';
        let settled = false;
        const settle = (outcome: () => void) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          outcome();
        };
        const timer = setTimeout(() => {
          killGroup(child);
          settle(() =>
            reject(
              new SystemUnresponsiveError(
                `The trigger command "${command}" gave no answer to "${action}" within ${timeoutSeconds} s, so klarmeld stopped it. ` +
                  unansweredAdvice(
                    timeoutSeconds,
                    'Check that the command ends once it has printed its reply, and that the system behind it runs.',
                  ),
              ),
            ),
          );
        }, timeoutSeconds * 1000);
        child.stdout!.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received <= limit) return void stdout.push(chunk);
          killGroup(child);
          settle(() =>
            reject(
              new TriggerError(
                `The trigger command "${command}" answered "${action}" with more than ${sizeText(limit)} on stdout: klarmeld stopped reading after ${sizeText(received)} and stopped the command. ` +
                  `A trigger reply is a small JSON object ({ "ok": true, "result": … }); it began: ${(stdout[0] ?? chunk).subarray(0, 200).toString('utf8')}`,
              ),
            ),
          );
        });
        child.stderr!.on('data', (chunk: Buffer) => {
          if (stderr.length < stderrKeptBytes)
            stderr += chunk.toString('utf8').slice(0, stderrKeptBytes - stderr.length);
        });
        child.on('error', (error) =>
          settle(() => reject(new TriggerError(`The trigger command "${command}" could not start: ${error.message}`))),
        );
        child.on('close', (code) =>
          settle(() => {
            try {
              resolvePromise(
                parseReply(
                  Buffer.concat(stdout).toString('utf8'),
                  `the trigger command "${command}" (exit ${code}) answered "${action}"`,
                ),
              );
            } catch (error) {
              reject(
                new TriggerError(
                  `${(error as Error).message}${stderr ? `; it wrote: ${stderr.trim().slice(0, 300)}` : ''}`,
                ),
              );
            }
          }),
        );
        // A hook may exit without reading its stdin (it needs no params, or it failed early):
        // writing to the closed pipe then fails with EPIPE, which without a listener would crash
        // the whole run. Its reply (or its silence) is judged when it closes, as for any hook.
        child.stdin!.on('error', () => {});
        child.stdin!.end(JSON.stringify({ action, params }));
      }),
  );
}

/** Kills the command and everything it started (its process group). */
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
