/**
 * A run in flight on this server: its trigger relay and the progress events the CLI follows
 * (long-polled by position, so a poll lost on the way loses nothing).
 */
import type { RunEvent } from '../../conformance/framework/index.ts';
import type { RunState } from '../store/server-store.ts';
import { TriggerRelay } from './trigger-relay.ts';

export class ActiveRun {
  readonly relay: TriggerRelay;
  readonly events: RunEvent[] = [];
  state: RunState = 'open';
  private waiters: (() => void)[] = [];

  readonly id: string;
  readonly systemId: string;
  readonly supplierCvr: string;

  constructor(id: string, systemId: string, supplierCvr: string, triggerTimeoutSeconds: number) {
    this.id = id;
    this.systemId = systemId;
    this.supplierCvr = supplierCvr;
    this.relay = new TriggerRelay(triggerTimeoutSeconds);
  }

  push(event: RunEvent): void {
    this.events.push(event);
    this.wake();
  }

  end(state: Exclude<RunState, 'open'>): void {
    this.state = state;
    this.relay.end();
    this.wake();
  }

  /** The events after position `after`, waiting up to `waitMs` for one when there is none yet and the run is open. */
  async eventsAfter(after: number, waitMs: number): Promise<{ events: RunEvent[]; next: number; state: RunState }> {
    if (this.events.length <= after && this.state === 'open') {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, waitMs);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.waiters.push(done);
      });
    }
    return { events: this.events.slice(after), next: this.events.length, state: this.state };
  }

  private wake(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }
}
