import { createElement } from 'react';
import { UsageError } from '../usage-error.ts';
import { parseCommandLine } from './parse-command-line.ts';
import { subcommandHelps } from './subcommand-help.ts';

const HELP = `klarmeld platform: the embedded test platform (KOMBIT's external test environment with Korsbæk Kommune)

Usage:
  klarmeld platform start [--host 127.0.0.1] [--port 8443] [--no-validation]   run it (Ctrl+C stops)
  klarmeld platform system add <name> [--supplier CVR] [--callback URL] [--json] register an it-system, issue its certificate
  klarmeld platform system list [--json]
  klarmeld platform system revoke <uuid|name> [--json]                         revoke its certificate at once
  klarmeld platform agreement add --system <uuid|name> --service <SF or service name> --municipality <CVR> [--json]
  klarmeld platform agreement approve <uuid> [--json]                          approve a pending agreement
  klarmeld platform agreement list [--system <uuid|name>] [--json]
  klarmeld platform message send --to <uuid|name> --type <Beskedtype> [--cvr CVR] [--json]
                                                                              SF1461 push to the system's callback
  klarmeld platform example person-lookup --system <uuid|name> [--pnr PNR]    a PersonLookup envelope with the system's
                                                                              InvocationContext, ready for curl --data-binary
  klarmeld platform exchanges --system <uuid|name> [--since ISO] [--json]     what the platform recorded for a system
  klarmeld platform fixtures [--json]                                         test persons, units and users

Every command takes --data DIR (default .klarmeld/platform in the project). Agreements with
Korsbæk Kommune (11111111) are approved at once (prøvetilslutning); others stay pending.`;

const commands = subcommandHelps(HELP, 'platform');

const options = {
  json: { type: 'boolean', default: false },
  data: { type: 'string' },
  host: { type: 'string', default: '127.0.0.1' },
  port: { type: 'string', default: '8443' },
  validation: { type: 'boolean', default: true },
  supplier: { type: 'string' },
  callback: { type: 'string' },
  system: { type: 'string' },
  service: { type: 'string' },
  municipality: { type: 'string' },
  to: { type: 'string' },
  pnr: { type: 'string', default: '0103701111' },
  since: { type: 'string' },
  type: { type: 'string' },
  cvr: { type: 'string' },
} as const;

type Values = Record<string, string | boolean | undefined>;

const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
const printJson = (value: unknown) => out(JSON.stringify(value, null, 2));

/** `klarmeld platform <command>`: parses options, calls one service, prints text or JSON. */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, { help: HELP, options, takes: 'command', allowNegative: true, group: { name: 'platform', commands } });
  if ('exit' in parsed) return parsed.exit;
  const values = parsed.values as Values;
  const [command, sub, ...rest] = parsed.positionals;
  const { platformDataDir } = await import('../services/platform-data-dir.ts');
  const dataDir = platformDataDir(values.data as string | undefined);
  if (command === 'start') return start(dataDir, values);
  if (command === 'fixtures') {
    const { listFixtures } = await import('../services/platform-fixtures.ts');
    const fixtures = await listFixtures();
    if (values.json) printJson(fixtures);
    else {
      const { renderOnce } = await import('../ui/render.ts');
      const { PlatformFixturesView } = await import('../ui/platform-fixtures.ts');
      renderOnce(createElement(PlatformFixturesView, { fixtures }), process.stdout);
    }
    return 0;
  }
  if (command === 'message') return message(dataDir, sub, rest, values);
  if (command === 'example') return example(dataDir, sub, rest, values);
  if (command === 'exchanges') return exchanges(dataDir, sub, values);
  if (command !== 'system' && command !== 'agreement') throw new UsageError(`Unknown command "platform ${command}".\n\n${HELP}`);
  checkAdminArguments(command, sub, rest, values);
  const { openPlatformAdmin, PlatformAdminError } = await import('../services/platform-admin.ts');
  const text = await import('../ui/platform-text.ts');
  const session = await openPlatformAdmin(dataDir);
  try {
    const need = (name: 'system' | 'service' | 'municipality') => {
      const v = values[name];
      if (typeof v !== 'string' || v === '') throw new UsageError(`"platform agreement add" needs --${name}.\n\n${HELP}`);
      return v;
    };
    const emit = (value: unknown, plain: string) => (values.json ? printJson(value) : out(plain));
    if (command === 'system') {
      const [verb, arg] = [sub, rest[0]];
      if (verb === 'add' && arg && rest.length === 1) {
        const added = await session.admin.addSystem({ name: arg, supplierCvr: values.supplier as string | undefined, callback: values.callback as string | undefined });
        emit(added, text.systemAddedText(added));
      } else if (verb === 'revoke' && arg && rest.length === 1) {
        const revoked = session.admin.revokeSystem(arg);
        emit(revoked, `Revoked ${revoked.revoked} certificate(s) of ${revoked.name} (${revoked.systemUuid}). Its connections are refused from now on.`);
      } else if (verb === 'list' && rest.length === 0) {
        const list = session.registry.listSystems().map((s) => ({ ...s, revoked: session.registry.certificatesOf(s.uuid).every((c) => c.revoked) }));
        emit(list, text.systemListText(list));
      } else throw new UsageError(`Use "platform system add <name>", "platform system list" or "platform system revoke <uuid|name>".\n\n${HELP}`);
    } else {
      if (sub === 'add' && rest.length === 0) {
        const added = session.admin.addAgreement({ system: need('system'), service: need('service'), municipalityCvr: need('municipality') });
        emit(added, text.agreementText(added, 'Created'));
      } else if (sub === 'approve' && rest.length === 1) {
        const approved = session.admin.approveAgreement(rest[0]!);
        emit(approved, text.agreementText(approved, 'Approved'));
      } else if (sub === 'list' && rest.length === 0) {
        const list = session.admin.agreements(values.system as string | undefined);
        emit(list, text.agreementListText(list));
      } else throw new UsageError(`Use "platform agreement add|approve|list".\n\n${HELP}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof PlatformAdminError) {
      if (values.json) printJson({ code: error.code, message: error.message });
      else process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    session.close();
  }
}

/** Refuses malformed system/agreement commands before the data directory is opened (or created). */
function checkAdminArguments(command: string, sub: string | undefined, rest: string[], values: Values): void {
  const shapes: Record<string, Record<string, number>> = {
    system: { add: 1, list: 0, revoke: 1 },
    agreement: { add: 0, approve: 1, list: 0 },
  };
  const expected = sub === undefined ? undefined : shapes[command]?.[sub];
  if (expected === undefined || rest.length !== expected) {
    throw new UsageError(`"platform ${[command, sub].filter(Boolean).join(' ')}" is not a valid command line.\n\n${HELP}`);
  }
  if (command === 'agreement' && sub === 'add') {
    for (const name of ['system', 'service', 'municipality']) {
      if (typeof values[name] !== 'string' || values[name] === '') throw new UsageError(`"platform agreement add" needs --${name}.\n\n${HELP}`);
    }
  }
}

/**
 * `platform example person-lookup`: the SOAP envelope a new user can POST with curl, filled with
 * the system's UUID and its approved SF1520 agreement with Korsbæk.
 */
async function example(dataDir: string, sub: string | undefined, rest: string[], values: Values): Promise<number> {
  if (sub !== 'person-lookup' || rest.length > 0 || typeof values.system !== 'string') {
    throw new UsageError(`Use "platform example person-lookup --system <uuid|name> [--pnr PNR]".\n\n${HELP}`);
  }
  const { openPlatformAdmin } = await import('../services/platform-admin.ts');
  const { personLookupEnvelope } = await import('../../conformance/clients/cpr/person-lookup-envelope.ts');
  const session = await openPlatformAdmin(dataDir);
  try {
    const system = session.registry.findSystem(values.system);
    const agreement = system && session.registry.agreementsOf(system.uuid).find((a) => a.integration === 'SF1520' && a.status === 'approved' && a.serviceUuid);
    if (!system || !agreement) {
      process.stderr.write(`${system ? `It-system ${system.name} has no approved SF1520 agreement` : `No it-system ${values.system}`}. Run: klarmeld platform agreement add --system "${values.system}" --service SF1520 --municipality 11111111\n`);
      return 1;
    }
    out(personLookupEnvelope({
      pnr: String(values.pnr),
      invocation: { serviceAgreementUuid: agreement.uuid, userSystemUuid: system.uuid, userUuid: '0b7e4b2c-1d5a-4f8e-9c3d-2a6b8e0f1c4d', serviceUuid: agreement.serviceUuid! },
    }));
    return 0;
  } finally {
    session.close();
  }
}

/** `platform exchanges`: the signed exchanges recorded for one system (the same records `GET /klarmeld/exchanges` gives that system). */
async function exchanges(dataDir: string, sub: string | undefined, values: Values): Promise<number> {
  if (sub !== undefined || typeof values.system !== 'string') throw new UsageError(`Use "platform exchanges --system <uuid|name> [--since ISO]".\n\n${HELP}`);
  if (typeof values.since === 'string' && Number.isNaN(Date.parse(values.since))) throw new UsageError(`--since ${values.since} is not an ISO 8601 time, e.g. 2026-01-01T00:00:00Z.`);
  const { openPlatformAdmin } = await import('../services/platform-admin.ts');
  const { ExchangeRecorder } = await import('../../conformance/platform/recorder/exchange-recorder.ts');
  const { loadOrCreateSigner } = await import('../../conformance/platform/store/signing-key.ts');
  const session = await openPlatformAdmin(dataDir);
  try {
    const system = session.registry.findSystem(values.system);
    if (!system) {
      process.stderr.write(`No it-system ${values.system}. List them with: klarmeld platform system list\n`);
      return 1;
    }
    const recorder = new ExchangeRecorder(session.database, loadOrCreateSigner(session.database));
    const since = typeof values.since === 'string' ? new Date(values.since).toISOString() : undefined;
    // Every exchange, page by page (the recorder reads at most 1000 at a time).
    const list = [...recorder.pages({ systemUuid: system.uuid, since, limit: 1000 })].flat();
    if (values.json) printJson({ systemUuid: system.uuid, exchanges: list });
    else {
      out(list.length === 0 ? `No exchanges recorded for ${system.name}.` : list.map((e) =>
        `${e.time}  ${String(e.status).padEnd(3)}  ${(e.integration ?? '-').padEnd(7)} ${(e.operation ?? e.path).padEnd(16)} ${e.latencyMs.toFixed(1).padStart(7)} ms` +
        `${e.fault ? `  fault ${e.fault.code}: ${e.fault.text}` : ''}${e.findings.length ? `  (${e.findings.length} finding${e.findings.length > 1 ? 's' : ''})` : ''}`).join('\n'));
    }
    return 0;
  } finally {
    session.close();
  }
}

/** `platform message send`: the Beskedfordeler pushes to the system's callback endpoint(s), with retries; exit 1 when not delivered. */
async function message(dataDir: string, sub: string | undefined, rest: string[], values: Values): Promise<number> {
  if (sub !== 'send' || rest.length > 0 || typeof values.to !== 'string' || typeof values.type !== 'string') {
    throw new UsageError(`Use "platform message send --to <uuid|name> --type <Beskedtype>".\n\n${HELP}`);
  }
  const { openPlatformAdmin } = await import('../services/platform-admin.ts');
  const { messageDeps } = await import('../../conformance/platform/services/beskedfordeler/index.ts');
  const { sendMessage, MessageError } = await import('../../conformance/platform/services/beskedfordeler/send-message.ts');
  const session = await openPlatformAdmin(dataDir);
  try {
    const deps = await messageDeps({ registry: session.registry, database: session.database, pki: session.pki, clock: () => new Date() });
    const deliveries = await sendMessage(deps, { to: values.to, type: values.type, ...(typeof values.cvr === 'string' ? { cvr: values.cvr } : {}) });
    if (values.json) printJson({ deliveries });
    else out(deliveries.map((d) => `${d.status.padEnd(9)} ${d.url}  besked ${d.beskedId}  ${d.attempts.length} attempt(s)`).join('\n'));
    return deliveries.every((d) => d.status === 'delivered') ? 0 : 1;
  } catch (error) {
    if (!(error instanceof MessageError)) throw error;
    if (values.json) printJson({ code: error.code, message: error.message });
    else process.stderr.write(`${error.message}\n`);
    return 1;
  } finally {
    session.close();
  }
}

async function start(dataDir: string, values: Values): Promise<number> {
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${values.port} is not a port number (0 to 65535).`);
  const { startPlatform } = await import('../../conformance/platform/server/start-platform.ts');
  const { startedText } = await import('../ui/platform-text.ts');
  let platform;
  try {
    platform = await startPlatform({ dataDir, host: values.host as string, port, validation: values.validation !== false });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'catalogue-clash') {
      process.stderr.write(`${e.message}\n`);
      return 3;
    }
    if (e.code === 'EADDRINUSE' || e.code === 'EACCES') {
      process.stderr.write(`Cannot listen on ${values.host}:${port} (${e.code}). Is another platform running? Choose another --port.\n`);
      return 3;
    }
    throw error;
  }
  out(values.json ? JSON.stringify({ url: platform.url, caPath: platform.caPath, dataDir, services: platform.paths, problems: platform.problems }) : startedText({ ...platform, dataDir }));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await platform.stop();
  out('klarmeld test platform stopped.');
  return 0;
}
