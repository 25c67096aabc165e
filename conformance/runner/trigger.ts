/**
 * How the runner asks the system under test to act: an HTTP trigger or a command trigger
 * (profile `trigger.url` / `trigger.command`), and what their replies and silences mean.
 */
export { commandTrigger } from './command-trigger.ts';
export { httpTrigger, type HttpTriggerOptions } from './http-trigger.ts';
export { stopAfterSilence, SystemUnresponsiveError, TriggerError, type Trigger } from './trigger-reply.ts';
