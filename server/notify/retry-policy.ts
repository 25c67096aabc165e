/**
 * When a failed delivery is tried again: exponential back-off (base × 2^(n−1)) up to a cap,
 * and a last attempt after which it stays failed in the log. Pure, so tests pass their own.
 */
export interface RetryPolicy {
  /** The wait after the first failed attempt. */
  baseMs: number;
  /** No wait is longer than this. */
  capMs: number;
  /** Attempts in all, the first included. */
  maxAttempts: number;
}

/** 10 s, 20 s, 40 s … capped at an hour; 12 attempts span about 5 hours. */
export const defaultRetryPolicy: RetryPolicy = { baseMs: 10_000, capMs: 3_600_000, maxAttempts: 12 };

/** The wait after failed attempt number `attempt` (1-based), or undefined when it was the last. */
export function retryDelayMs(attempt: number, policy: RetryPolicy): number | undefined {
  if (attempt >= policy.maxAttempts) return undefined;
  return Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
}
