import { randomUUID } from 'node:crypto';
import type { SuiteEnvironment } from './environment.ts';

/**
 * What a test reads from outside its doors, through the environment: a check that read the
 * clock or made an id itself would see another value when `klarmeld verify` replays it. An
 * environment without a world (a suite's own unit tests) reads the real ones.
 */

export function nowOf(env: SuiteEnvironment): number {
  return env.world ? env.world.now() : Date.now();
}

export function uuidOf(env: SuiteEnvironment): string {
  return env.world ? env.world.uuid() : randomUUID();
}

export function observe<T>(
  env: SuiteEnvironment,
  kind: string,
  ask: Record<string, unknown>,
  live: () => Promise<T>,
): Promise<T> {
  return env.world ? env.world.observe(kind, ask, live) : live();
}

export function sleep(env: SuiteEnvironment, ms: number): Promise<void> {
  return env.world ? env.world.sleep(ms) : new Promise((resolve) => setTimeout(resolve, ms));
}
