import { createInbox } from './beskedfordeler.ts';
import { createCallbackServer } from './callback-server.ts';
import { systemClock } from './clock.ts';
import { readConfig } from './config.ts';
import { createServices } from './services.ts';
import { ActionError, createTriggerServer } from './trigger-server.ts';
import { createWebLogin } from './web-login.ts';

/**
 * The reference supplier system: a small fagsystem that looks persons up in CPR (SF1520),
 * reads the municipality's organisation (SF1500), indexes its cases (SF1470), gets its tokens
 * from the STS (SF1514), receives Beskedfordeler messages (SF1461) and logs its users in and out
 * through the Context Handler (SF1511, SF1515). klarmeld's runner
 * drives it through the trigger endpoint, as a user would through its screens.
 */
const config = readConfig(process.env);
const clock = systemClock();
const { faults } = config;
const inbox = createInbox(faults);
const services = await createServices(config, clock);

const str = (value: unknown, name: string): string => {
  if (typeof value !== 'string') throw new ActionError('bad-params', `Give ${name} as a string`);
  return value;
};

// The web pages share the trigger's port; their addresses need it once the server listens.
const webLogin = createWebLogin(
  config,
  clock,
  () => `http://127.0.0.1:${(trigger.address() as { port: number }).port}`,
);
const trigger = createTriggerServer(
  {
    'sts.get-token': async (p) => {
      const entityId = str(p.entityId, 'entityId');
      try {
        const token = p.fresh === true ? await services.tokens.issue(entityId) : await services.tokens.get(entityId);
        return faults.has('token-not-reported')
          ? undefined
          : { assertionId: token.assertionId, notOnOrAfter: token.notOnOrAfter.toISOString() };
      } catch (error) {
        if (faults.has('token-refusal-ignored') && error instanceof ActionError) return {};
        throw error;
      }
    },
    'cpr.lookup': (p) => services.cpr(str(p.cpr, 'cpr')),
    'organisation.read-user': async (p) => {
      const user = await services.organisation.readUser(str(p.uuid, 'uuid'));
      return faults.has('user-not-shown') ? undefined : user;
    },
    'organisation.search-units': (p) =>
      services.organisation.searchUnits(typeof p.name === 'string' ? p.name : undefined),
    'sdi.import-case': (p) =>
      services.sdi.importCase({
        caseUuid: p.caseUuid as string | undefined,
        caseReference: p.caseReference as string | undefined,
        title: str(p.title, 'title'),
      }),
    'sdi.search': (p) => services.sdi.search({ caseUuid: p.caseUuid as string | undefined }),
    'sdi.remove-case': (p) => services.sdi.removeCase(str(p.caseUuid, 'caseUuid')),
    'contract.call': (p) =>
      services.contract({
        integration: str(p.integration, 'integration'),
        operation: str(p.operation, 'operation'),
        ...(typeof p.service === 'string' && { service: p.service }),
        ...(typeof p.values === 'object' && p.values !== null ? { values: p.values as Record<string, string> } : {}),
      }),
    'beskedfordeler.received': async (p) =>
      typeof p.messageUuid === 'string' ? (inbox.get(p.messageUuid) ?? null) : inbox.list(),
    'system.advance-clock': async (p) => {
      clock.advance(Number(p.seconds));
      return { now: clock.now().toISOString() };
    },
    'web.describe': async () => webLogin.addresses(),
  },
  webLogin.handle,
);
const callback = createCallbackServer(config.callbackTls, inbox, () => clock.now(), faults);

trigger.listen(config.triggerPort, '127.0.0.1');
callback.listen(config.callbackPort, '127.0.0.1');
await Promise.all([
  new Promise((r) => trigger.once('listening', r)),
  new Promise((r) => callback.once('listening', r)),
]);
const port = (server: typeof trigger | typeof callback) => (server.address() as { port: number }).port;
process.stdout.write(
  `reference system ready: trigger http://127.0.0.1:${port(trigger)}/trigger, callback https://127.0.0.1:${port(callback)}/beskedfordeler${config.faults.size > 0 ? `, faults ${[...config.faults].join(', ')}` : ''}\n`,
);

const stop = () => {
  trigger.close();
  callback.close();
  callback.closeAllConnections();
  trigger.closeAllConnections();
  void services.close().finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
