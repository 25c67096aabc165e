/**
 * The system's clock. The conformance runner can move it forward (action system.advance-clock)
 * to see the token cache renew a token without waiting eight hours.
 */
export interface Clock {
  now(): Date;
  advance(seconds: number): void;
}

export function systemClock(): Clock {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    advance: (seconds) => {
      offsetMs += seconds * 1000;
    },
  };
}
