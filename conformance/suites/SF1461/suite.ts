import { defineSuite, type TestContext } from '../../framework/index.ts';
import type { PushOutcome, SuiteEnvironment } from '../shared/environment.ts';
import { attach } from '../shared/evidence.ts';
import { callKlarmeldEndpoint } from '../shared/platform-call.ts';
import { act, approvedAgreement, expectOk, fail, skip } from '../shared/steps.ts';
import { nowOf, observe, uuidOf } from '../shared/world.ts';
import { elements, fejlbeskedOf, namespaces } from '../shared/xml-checks.ts';
import { callWithoutCertificate } from './call-without-certificate.ts';
import { haendelsesbesked, testMessageType } from './haendelsesbesked.ts';

function callbackOf(env: SuiteEnvironment) {
  if (!env.callbackUrl) skip('The profile names no callback endpoint (callbacks.beskedfordeler)');
  return env.callbackUrl;
}

function pusherOf(env: SuiteEnvironment) {
  if (!env.beskedfordeler) skip('Needs the embedded platform to push Beskedfordeler messages to the system');
  return env.beskedfordeler;
}

async function push(
  context: TestContext,
  env: SuiteEnvironment,
  options: { messageUuid?: string; body?: string },
): Promise<PushOutcome> {
  const outcome = await pusherOf(env).push(options);
  attach(context, outcome.exchange);
  if (outcome.error) fail(`The push to ${env.callbackUrl ?? 'the callback'} failed: ${outcome.error}`);
  return outcome;
}

export const sf1461Suite = defineSuite<SuiteEnvironment>({
  id: 'sf1461',
  integration: 'SF1461',
  title: 'Modtag beskeder via Beskedfordeler (BeskedFåTilsendt push)',
  titleDa: 'Modtag beskeder via Beskedfordeler (push med BeskedFåTilsendt)',
  version: '1.1.0',
  requirementsFile: new URL('./requirements.yaml', import.meta.url),
  groups: [
    {
      id: 'platform',
      title: 'The platform can reach the system',
      titleDa: 'Platformen kan nå systemet',
      tests: [
        {
          id: 'agreement-and-callback',
          title: 'The system has an approved BeskedModtag agreement and a registered callback endpoint',
          titleDa: 'Systemet har en godkendt serviceaftale på BeskedModtag og et registreret callback-endpoint',
          verifies: ['SF1461-R01'],
          async run(context, env) {
            context.input('agreement', approvedAgreement(env, 'SF1461').uuid);
            if (!env.callbackUrl)
              context.environment(
                'callback-missing',
                'The profile names no callback endpoint (callbacks.beskedfordeler in klarmeld.yaml), so the Beskedfordeler cannot push to the system',
              );
            context.input('callback', env.callbackUrl);
          },
        },
      ],
    },
    {
      id: 'push',
      title: 'The system receives pushed messages correctly',
      titleDa: 'Systemet tager korrekt imod beskeder, der pushes til det',
      tests: [
        {
          id: 'answers-quickly',
          title: 'The system answers a push within 3 seconds',
          titleDa: 'Systemet besvarer et push inden for 3 sekunder',
          verifies: ['SF1461-R08'],
          requires: ['beskedfordeler'],
          // First of the pushes: a system that opens its store or warms up on its first push makes the
          // Beskedfordeler wait then, and the first push is where that shows.
          async run(context, env) {
            const started = nowOf(env);
            await push(context, env, { messageUuid: uuidOf(env) });
            const ms = nowOf(env) - started;
            context.log(`answered in ${ms.toFixed(0)} ms`);
            if (ms > 3000)
              fail(`The system took ${(ms / 1000).toFixed(1)} s to answer; the Beskedfordeler expects a prompt answer`);
          },
        },
        {
          id: 'callback-requires-client-certificate',
          title: 'The callback endpoint refuses a caller without a client certificate',
          titleDa: 'Callback-endpointet afviser en kalder uden klientcertifikat',
          verifies: ['SF1461-R02'],
          requires: ['callback', 'beskedfordeler'],
          async run(context, env) {
            const callbackUrl = callbackOf(env);
            // First as the Beskedfordeler, with the platform's certificate: a refusal below proves
            // something only of a callback that answers a caller it should let in.
            const admitted = await pusherOf(env).push({ messageUuid: uuidOf(env) });
            attach(context, admitted.exchange);
            if (admitted.error || admitted.status === undefined) {
              fail(
                `The callback at ${callbackUrl} did not answer the Beskedfordeler's own certificate either (${admitted.error ?? 'no HTTP answer'}), so it cannot receive pushes`,
              );
            }
            const body = haendelsesbesked({ messageUuid: uuidOf(env) });
            const answer = await observe(env, 'callback-without-certificate', { url: callbackUrl }, () =>
              callWithoutCertificate(callbackUrl, { body, timeoutMs: 5000 }),
            );
            if (answer.kind === 'answered')
              fail(
                `The callback answered HTTP ${answer.status} to a caller without a certificate; it must require 2-way TLS and refuse such a caller in the TLS handshake`,
              );
            if (answer.kind === 'inconclusive') {
              context.environment(
                'callback-probe-inconclusive',
                `The callback answered the platform's certificate, but the call without a certificate ended without a TLS refusal (${answer.detail}), so whether it requires a certificate cannot be seen`,
              );
            }
            context.log(`refused as it should be (${answer.kind}): ${answer.detail}`);
          },
        },
        {
          id: 'platform-delivery',
          title: "The platform's own Beskedfordeler delivers a test message and the system acknowledges it",
          titleDa: 'Platformens egen Beskedfordeler leverer en testbesked, og systemet kvitterer for den',
          verifies: ['SF1461-R01', 'SF1461-R03'],
          requires: ['beskedfordeler'],
          async run(context, env) {
            const marker = await env.recorder?.mark();
            const reply = await callKlarmeldEndpoint(env, '/klarmeld/messages', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ type: 'Test/TestbeskedType1', cvr: env.system.municipalityCvr }),
            });
            if (reply.status === 404)
              context.skip('This platform has no Beskedfordeler delivery endpoint (POST /klarmeld/messages)');
            const deliveries =
              (
                JSON.parse(reply.body) as {
                  deliveries?: { status: string; attempts: { statusKode?: number; error?: string }[] }[];
                }
              ).deliveries ?? [];
            if (reply.status === 400)
              return context.environment(
                'delivery-refused',
                `The platform would not deliver: ${reply.body.slice(0, 300)}`,
              );
            const failed = deliveries.find((d) => d.status !== 'delivered');
            if (failed || deliveries.length === 0) {
              const last = failed?.attempts.at(-1);
              fail(
                `The platform could not deliver to the callback: ${last?.error ?? `StatusKode ${last?.statusKode ?? 'none'}`}`,
              );
            }
            context.log(`delivered in ${deliveries[0]!.attempts.length} attempt(s)`);
            // The platform records each delivery attempt as an exchange of the receiving system: the evidence.
            if (env.recorder && marker)
              attach(context, ...(await env.recorder.since(marker)).filter((e) => e.integration === 'SF1461'));
          },
        },
        {
          id: 'message-acknowledged',
          title: 'A well-formed message is acknowledged with StatusKode 20',
          titleDa: 'Systemet kvitterer for en korrekt besked med StatusKode 20',
          verifies: ['SF1461-R03'],
          requires: ['beskedfordeler'],
          async run(context, env) {
            const messageUuid = uuidOf(env);
            context.input('messageUuid', messageUuid);
            const outcome = await push(context, env, { messageUuid });
            if (outcome.statusKode !== 20)
              fail(
                `The system answered StatusKode ${outcome.statusKode ?? 'none'} (HTTP ${outcome.status}) to a well-formed message: ${fejlbeskedOf(outcome.responseBody) ?? outcome.responseBody.slice(0, 200)}`,
              );
          },
        },
        {
          id: 'answer-matches-contract',
          title: 'The answer is a ModtagBeskedOutput with StandardRetur',
          titleDa: 'Svaret er et ModtagBeskedOutput med StandardRetur',
          verifies: ['SF1461-R04'],
          requires: ['beskedfordeler'],
          async run(context, env) {
            const outcome = await push(context, env, { messageUuid: uuidOf(env) });
            if (elements(outcome.responseBody, namespaces.sts, 'ModtagBeskedOutput').length === 0)
              fail(
                `The answer has no ModtagBeskedOutput (namespace urn:oio:sts:1.0.0): ${outcome.responseBody.slice(0, 200)}`,
              );
            if (elements(outcome.responseBody, namespaces.sagdok, 'StandardRetur').length === 0)
              fail('The ModtagBeskedOutput has no StandardRetur');
          },
        },
        {
          id: 'malformed-message-rejected',
          title: 'A message without BeskedId is answered with a StatusKode other than 20 and a FejlbeskedTekst',
          titleDa: 'En besked uden BeskedId besvares med en anden StatusKode end 20 og en FejlbeskedTekst',
          verifies: ['SF1461-R05'],
          requires: ['beskedfordeler'],
          async run(context, env) {
            const outcome = await push(context, env, {
              body: haendelsesbesked({ messageUuid: uuidOf(env), omit: 'BeskedId' }),
            });
            if (outcome.statusKode === undefined)
              fail(
                `The system did not answer with a StandardRetur (HTTP ${outcome.status}): ${outcome.responseBody.slice(0, 200)}`,
              );
            if (outcome.statusKode === 20)
              fail('The system acknowledged (StatusKode 20) a message it cannot have read: it has no BeskedId');
            if (!fejlbeskedOf(outcome.responseBody))
              fail(`StatusKode ${outcome.statusKode} came without a FejlbeskedTekst saying what was wrong`);
          },
        },
        {
          id: 'not-xml-rejected',
          title: 'A body that is not XML is answered with a StatusKode other than 20',
          titleDa: 'En besked, hvis indhold ikke er XML, besvares med en anden StatusKode end 20',
          verifies: ['SF1461-R05'],
          requires: ['beskedfordeler'],
          async run(context, env) {
            const outcome = await push(context, env, { body: 'this is not a Haendelsesbesked' });
            if (outcome.statusKode === 20) fail('The system acknowledged (StatusKode 20) a body that is not XML');
            if (outcome.statusKode === undefined)
              fail(
                `The system did not answer with a StandardRetur (HTTP ${outcome.status}): ${outcome.responseBody.slice(0, 200)}`,
              );
          },
        },
        {
          id: 'message-available',
          title: 'An acknowledged message is available in the system with its Beskedtype',
          titleDa: 'En besked, systemet har kvitteret for, er tilgængelig i systemet med sin Beskedtype',
          verifies: ['SF1461-R07'],
          requires: ['beskedfordeler', 'trigger'],
          async run(context, env) {
            const messageUuid = uuidOf(env);
            const pushed = await push(context, env, { messageUuid });
            if (pushed.statusKode !== 20)
              context.skip(
                `The system did not acknowledge the message (StatusKode ${pushed.statusKode ?? 'none'}), so there is no acknowledged message to look for; sf1461.push.message-acknowledged judges that`,
              );
            const { outcome } = await act(env, 'beskedfordeler.received', { messageUuid });
            const message = expectOk(outcome, 'Asking for the received message') as {
              messageUuid?: string;
              messageType?: string;
            } | null;
            if (!message) fail(`The system acknowledged message ${messageUuid} but does not have it`);
            if (message.messageUuid !== undefined && String(message.messageUuid).toLowerCase() !== messageUuid)
              fail(`Asked for message ${messageUuid}, the system showed message ${message.messageUuid}`);
            if (!message.messageType) fail('The system kept the message without its Beskedtype');
            if (String(message.messageType).toLowerCase() !== testMessageType)
              fail(
                `The system kept the message with Beskedtype ${message.messageType}; it was pushed with ${testMessageType}`,
              );
          },
        },
        {
          id: 'duplicate-processed-once',
          title: 'The same message delivered twice is processed once',
          titleDa: 'Den samme besked, leveret to gange, behandles kun én gang',
          verifies: ['SF1461-R06'],
          requires: ['beskedfordeler', 'trigger'],
          async run(context, env) {
            const messageUuid = uuidOf(env);
            context.input('messageUuid', messageUuid);
            const first = await push(context, env, { messageUuid });
            const second = await push(context, env, { messageUuid });
            if (first.statusKode !== 20 || second.statusKode !== 20)
              fail(
                `A repeated delivery must be acknowledged too; the system answered ${first.statusKode} and ${second.statusKode}`,
              );
            const { outcome } = await act(env, 'beskedfordeler.received', {});
            const all = expectOk(outcome, 'Listing received messages') as { messageUuid: string }[];
            const copies = (Array.isArray(all) ? all : []).filter((m) => m.messageUuid === messageUuid).length;
            if (copies !== 1)
              fail(
                `The system holds message ${messageUuid} ${copies} times after two deliveries; it must process it once`,
              );
          },
        },
      ],
    },
  ],
});
