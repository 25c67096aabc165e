/** The conformance runner's public API (DESIGN.md §2). */
export { runAndAttest } from './attested-run.ts';
export { connectionFor } from './connection-file.ts';
export { connectionEnv } from './connection.ts';
export type { SystemConnection } from './connection.ts';
export { startFlakyLink } from './flaky-link.ts';
export type { FlakyLink } from './flaky-link.ts';
export { freePort } from './free-port.ts';
export type { PlatformSession } from './platform-session.ts';
export { callbackPusher } from './pusher.ts';
export { runConformance } from './run-conformance.ts';
export type { ConformanceOptions } from './run-conformance.ts';
export { externalTestOrigin, serviceEndpoints, serviceUrls } from './service-urls.ts';
export { SystemStartError, startSystem } from './system-process.ts';
export type { SystemProcess } from './system-process.ts';
export {
  SystemUnresponsiveError,
  TriggerError,
  parseReply,
  stopAfterSilence,
  unansweredAdvice,
} from './trigger-reply.ts';
export type { Trigger } from './trigger-reply.ts';
export { commandTrigger, httpTrigger } from './trigger.ts';
