import type { TestContext } from '../../framework/index.ts';
import type { Exchange, TriggerOutcome } from '../shared/environment.ts';
import { fail, skip } from '../shared/steps.ts';

/**
 * The data test's verdict, the same for SOAP and REST operations: a refused request had nothing to
 * show; an answer without Korsbæk's values is the platform's fault (environment); otherwise the
 * system must have succeeded and shown every value the answer held (`returned`).
 */
export function expectDataShown(
  context: TestContext,
  call: { service: string; operation: string; data: string[] },
  exchange: Exchange,
  outcome: TriggerOutcome,
  returned: string[],
): void {
  const { service, operation, data } = call;
  if (exchange.fault)
    fail(
      `The platform refused the ${operation} request (${exchange.fault.code}: ${exchange.fault.text.slice(0, 160)}), so the system had no data to show`,
    );
  if (returned.length === 0)
    context.environment(
      'platform-no-data',
      `The platform's answer to ${operation} holds none of Korsbæk's values (${data.join(', ')})`,
    );
  if (!outcome.ok)
    fail(
      `The system reported ${outcome.error.code}: ${outcome.error.message}; ${service} answered ${operation} with data`,
    );
  if (outcome.observedOnly)
    skip(
      'With --interactive the runner cannot see what the system showed; check by eye that it shows the data returned',
    );
  const shown = JSON.stringify(outcome.result ?? null);
  const missing = returned.filter((v) => !shown.includes(JSON.stringify(v).slice(1, -1)));
  if (missing.length > 0)
    fail(
      `The system did not show ${missing.join(', ')}, which ${service} returned for ${operation} (it showed ${shown.slice(0, 200)})`,
    );
}
