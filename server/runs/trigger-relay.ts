/**
 * The trigger of a run the server judges: the system runs on the supplier's machine, so each
 * request is queued here; the supplier's CLI long-polls for it, forwards it to its local system
 * with its own trigger hook, and posts the system's reply back. The server reads the reply by the
 * trigger protocol itself (nonsense fails the test, as with a local hook); the CLI only carries it.
 *
 * No reply in time, or a CLI that says the system did not answer, ends the run as an environment
 * error (SystemUnresponsiveError, once: later requests fail at once), never a pass.
 */
import { randomUUID } from 'node:crypto';
import {
  parseReply,
  stopAfterSilence,
  SystemUnresponsiveError,
  TriggerError,
  unansweredAdvice,
  type Trigger,
} from '../../conformance/runner/index.ts';
import type { TriggerReply } from '../../conformance/profile/index.ts';

/** One request as the CLI receives it. */
export interface RelayedRequest {
  id: string;
  action: string;
  params: Record<string, unknown>;
}

/**
 * What the CLI posts back: the system's reply as it came (text); or that the system answered
 * nonsense the CLI could not carry (`failed`: the test fails, blamed on the supplier); or why the
 * system gave no answer at all (`unanswered`: the run ends as an environment error).
 */
export type RelayAnswer = { reply: string } | { failed: string } | { unanswered: string };

interface Pending {
  request: RelayedRequest;
  settle: (answer: RelayAnswer | undefined) => void;
}

export class TriggerRelay {
  /** The trigger the suites use. */
  readonly trigger: Trigger;
  private pending: Pending | undefined;
  private waiters: ((request: RelayedRequest | undefined) => void)[] = [];
  private ended = false;
  private endReason: string | undefined;

  /** `timeoutSeconds`: how long a request may take from queued to answered (the system's own timeout plus the relay's). */
  readonly timeoutSeconds: number;

  constructor(timeoutSeconds: number) {
    this.timeoutSeconds = timeoutSeconds;
    this.trigger = stopAfterSilence((action, params) => this.ask(action, params));
  }

  /**
   * The request waiting for the CLI, as soon as there is one (within `waitMs`); undefined when
   * none came or the run ended. Asking again before answering gets the same request again, so a
   * poll lost on the way is harmless.
   */
  next(waitMs: number): Promise<RelayedRequest | undefined> {
    if (this.pending || this.ended) return Promise.resolve(this.pending?.request);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== wake);
        resolve(undefined);
      }, waitMs);
      const wake = (request: RelayedRequest | undefined) => {
        clearTimeout(timer);
        resolve(request);
      };
      this.waiters.push(wake);
    });
  }

  /** Delivers the CLI's answer to the request `id`; false when no such request waits (late, or answered already). */
  answer(id: string, answer: RelayAnswer): boolean {
    if (!this.pending || this.pending.request.id !== id) return false;
    this.pending.settle(answer);
    return true;
  }

  /**
   * No more requests go to the CLI: pollers are released, and a request still waiting (or asked
   * later) gets no answer; `why` (e.g. the supplier cancelled) is what the run's error then says.
   */
  end(why?: string): void {
    this.ended = true;
    this.endReason ??= why;
    this.pending?.settle(why ? { unanswered: why } : undefined);
    for (const wake of this.waiters.splice(0)) wake(undefined);
  }

  private ask(action: string, params: Record<string, unknown>): Promise<TriggerReply> {
    const request: RelayedRequest = { id: randomUUID(), action, params };
    return new Promise<TriggerReply>((resolve, reject) => {
      const timer = setTimeout(() => settle(undefined), this.timeoutSeconds * 1000);
      const settle = (answer: RelayAnswer | undefined) => {
        clearTimeout(timer);
        if (this.pending?.request === request) this.pending = undefined;
        if (answer && 'reply' in answer) {
          try {
            resolve(parseReply(answer.reply, `The system answered "${action}" (relayed by klarmeld test)`));
          } catch (error) {
            reject(error);
          }
          return;
        }
        if (answer && 'failed' in answer) return reject(new TriggerError(answer.failed));
        const why =
          answer && 'unanswered' in answer
            ? answer.unanswered
            : `No answer to "${action}" came back from the supplier's klarmeld test within ${this.timeoutSeconds} s: the CLI that relays the trigger stopped polling, or the system did not answer it`;
        reject(
          new SystemUnresponsiveError(
            `${why} ${unansweredAdvice(this.timeoutSeconds, "Is klarmeld test still running on the supplier's machine, and is its system up?")}`,
          ),
        );
      };
      if (this.ended) return settle(this.endReason ? { unanswered: this.endReason } : undefined);
      this.pending = { request, settle };
      for (const wake of this.waiters.splice(0)) wake(request);
    });
  }
}
