import type { TestContext } from '../../framework/index.ts';
import type { Exchange } from './environment.ts';

/** Attaches the platform-signed records of these exchanges to the test's result. */
export function attach(context: TestContext, ...exchanges: (Exchange | undefined)[]): void {
  const records = exchanges.filter((e): e is Exchange => Boolean(e)).map((e) => e.record);
  if (records.length > 0) context.exchange(...(records as Parameters<TestContext['exchange']>));
}
