import type { Agent } from 'undici';
import type { Profile } from '../profile/index.ts';
import type { SuiteEnvironment } from '../suites/index.ts';
import { recorderClient } from '../suites/index.ts';
import { tapingEnvironment } from '../suites/index.ts';
import type { FlakyLink } from './flaky-link.ts';
import { interactiveTrigger } from './interactive-trigger.ts';
import type { PlatformSession } from './platform-session.ts';
import { callbackPusher } from './pusher.ts';
import { commandTrigger, httpTrigger } from './trigger.ts';
import type { Trigger } from './trigger-reply.ts';

/**
 * What the suites get: the system, the platform as the system reaches it, and the doors the
 * run has (recorder, trigger, network cuts, Beskedfordeler pushes), with the reason for each
 * door it lacks, so the tests that need it are skipped, never passed.
 */
export function suiteEnvironment(input: {
  session: PlatformSession;
  system: { id: string };
  profile: Profile;
  dispatcher: Agent;
  link: FlakyLink | undefined;
  interactive: { timeoutSeconds: number; prompt: (text: string, secondsLeft: number) => void } | undefined;
  loadedDir: string;
  /** What the runner knows of the system it started (e.g. that it exited), for the message when it does not answer. */
  systemState?: () => string | undefined;
  /** A trigger the caller provides (klarmeld server's relay); it wins over the profile's hook. */
  trigger?: Trigger;
}): { environment: SuiteEnvironment; unavailable: Record<string, string>; cleanup: () => Promise<void> } {
  const { session, system, profile, dispatcher, link } = input;
  const municipalityCvr = profile.platform.municipality;
  const recorder = session.recorder ? recorderClient(session.baseUrl, dispatcher) : undefined;
  const trigger = input.trigger
    ? input.trigger
    : input.interactive && recorder
      ? interactiveTrigger({ recorder, ...input.interactive })
      : profile.trigger?.url
        ? httpTrigger(
            profile.trigger.url,
            profile.trigger.timeout,
            input.systemState ? { systemState: input.systemState } : {},
          )
        : profile.trigger?.command
          ? commandTrigger(profile.trigger.command, input.loadedDir, profile.trigger.timeout)
          : undefined;
  const callbackUrl = profile.callbacks.beskedfordeler;
  const pusher =
    session.push && callbackUrl ? callbackPusher({ callbackUrl, municipalityCvr, push: session.push }) : undefined;

  const environment: SuiteEnvironment = {
    target: session.target,
    system: {
      id: system.id,
      userSystemUuid: session.userSystemUuid,
      municipalityCvr,
      certPem: session.certPem,
      keyPem: session.keyPem,
    },
    platform: { baseUrl: session.baseUrl, dispatcher, urls: session.urls, agreements: session.agreements },
    ...(recorder ? { recorder } : {}),
    ...(trigger ? { trigger } : {}),
    ...(link ? { network: link } : {}),
    ...(pusher ? { beskedfordeler: pusher } : {}),
    ...(callbackUrl ? { callbackUrl } : {}),
    caPem: session.caPem,
  };
  const unavailable: Record<string, string> = {};
  if (!recorder)
    unavailable.recorder =
      session.target === 'external-test'
        ? "Needs the embedded platform's recorder to see what the system sent; KOMBIT's external test environment does not show it"
        : 'The platform does not let the runner read its recorded exchanges';
  if (!trigger)
    unavailable.trigger =
      'The profile has no trigger hook (trigger.url or trigger.command) and the run is not --interactive';
  if (!link)
    unavailable.network =
      'The runner can cut connections only for a system it starts itself, connected to the embedded platform';
  if (!pusher)
    unavailable.beskedfordeler =
      'Only the embedded platform pushes Beskedfordeler messages on request, and only to a callback named in the profile';
  if (!callbackUrl) unavailable.callback = 'The profile names no callback endpoint (callbacks.beskedfordeler)';

  // Taped, so `klarmeld verify` can run each test body again against what it saw (issue 13).
  return {
    environment: tapingEnvironment(environment),
    unavailable,
    // Nothing of the runner's to close: each push's connection is the platform's.
    cleanup: async () => {},
  };
}
