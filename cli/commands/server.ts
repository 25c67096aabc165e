import { resolve } from 'node:path';
import { UsageError } from '../usage-error.ts';
import { parseCommandLine } from './parse-command-line.ts';

const HELP = `klarmeld server: KOMBIT's service: the test platform, the judge, the onboarding sheet and a JSON API

Usage:
  klarmeld server [--port N] [--platform-port N] [--host H] [--data DIR] [--database URL] [--run-lease S]
                  [--smtp URL] [--smtp-from ADDRESS] [--certificate-warning DAYS] [--json]

Starts with nothing configured. On first start it writes KOMBIT's admin API token (owner-only)
into the data folder and says where; KOMBIT issues supplier and municipality tokens with it
(POST /api/identities). Suppliers then run their systems with
  klarmeld test --service URL --token TOKEN --record
and the server runs the suites, judges the run on its own platform, signs it with the key in
its data folder and records it in its sheet. Stop it with Ctrl-C.

Options:
  --port N            the JSON API's port (default 8440; 0 picks a free one)
  --platform-port N   the test platform's port (default 8443; 0 picks a free one)
  --host H            where both listen (default 127.0.0.1)
  --data DIR          the data folder (default .klarmeld/server)
  --database URL      postgres://… keeps everything in PostgreSQL; default SQLite in the data folder
  --run-lease S       with several instances on one database: a run whose instance gives no sign
                      of life for S seconds is ended as lost by another (default 30)
  --smtp URL          send e-mail notifications through this SMTP server: smtp://host:port,
                      smtp://user:password@host:587 (password only after STARTTLS) or
                      smtps://user:password@host (TLS); without it e-mail subscriptions wait
                      (webhooks need nothing: POST /api/subscriptions)
  --smtp-from ADDRESS the e-mails' sender (default klarmeld@<this machine>)
  --certificate-warning DAYS
                      notify of a system certificate this many days before it expires (default 30)
  --json              print where it listens as one JSON line`;

const options = {
  port: { type: 'string', default: '8440' },
  'platform-port': { type: 'string', default: '8443' },
  host: { type: 'string', default: '127.0.0.1' },
  data: { type: 'string', default: '.klarmeld/server' },
  database: { type: 'string' },
  'run-lease': { type: 'string', default: '30' },
  smtp: { type: 'string' },
  'smtp-from': { type: 'string' },
  'certificate-warning': { type: 'string', default: '30' },
  json: { type: 'boolean', default: false },
} as const;

const portOf = (flag: string, text: string) => {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`--${flag} ${text} is not a port number (0 to 65535).`);
  return port;
};

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, { help: HELP, options, takes: 'options' });
  if ('exit' in parsed) return parsed.exit;
  const { values } = parsed;
  const port = portOf('port', values.port);
  const platformPort = portOf('platform-port', values['platform-port']);
  const dataDir = resolve(values.data);
  const runLeaseSeconds = Number(values['run-lease']);
  if (!/^\d+$/.test(values['run-lease']) || runLeaseSeconds < 1)
    throw new UsageError(`--run-lease ${values['run-lease']} is not a number of seconds (1 or more).`);
  const { startServer, DatabaseOptionError, PostgresStoreError, parseSmtpUrl } = await import('../../server/index.ts');
  const warnDays = Number(values['certificate-warning']);
  if (!/^\d+$/.test(values['certificate-warning']))
    throw new UsageError(`--certificate-warning ${values['certificate-warning']} is not a number of days (0 or more).`);
  if (values.smtp) {
    try {
      parseSmtpUrl(values.smtp);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  const notify = {
    certificateWarningDays: warnDays,
    ...(values.smtp ? { smtp: values.smtp } : {}),
    ...(values['smtp-from'] ? { from: values['smtp-from'] } : {}),
  };
  let server;
  try {
    server = await startServer({
      dataDir,
      host: values.host,
      port,
      platformPort,
      runLeaseSeconds,
      notify,
      ...(values.database ? { database: values.database } : {}),
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (error instanceof DatabaseOptionError) throw new UsageError(e.message);
    // PostgreSQL unreachable, or a schema this klarmeld cannot upgrade: the message says what to do.
    if (error instanceof PostgresStoreError) {
      process.stderr.write(`${e.message}\n`);
      return 3;
    }
    if (e.code === 'EADDRINUSE' || e.code === 'EACCES') {
      process.stderr.write(
        `Cannot listen on ${values.host} (${e.code}: ${e.message}). Is another klarmeld server running? Choose another --port or --platform-port.\n`,
      );
      return 3;
    }
    throw error;
  }
  const facts = {
    url: server.url,
    platformUrl: server.platformUrl,
    dataDir,
    adminTokenFile: server.adminToken.file,
    adminTokenCreated: server.adminToken.created,
    keyFingerprint: server.keyFingerprint,
  };
  process.stdout.write(
    values.json
      ? `${JSON.stringify(facts)}\n`
      : [
          `klarmeld server listens on ${server.url} (web front at /, JSON API under /api) and ${server.platformUrl} (test platform, mutual TLS).`,
          `Data folder: ${dataDir}`,
          server.adminToken.created
            ? `KOMBIT's admin token was written to ${server.adminToken.file} (owner-only); keep it secret.`
            : `KOMBIT's admin token is in ${server.adminToken.file}.`,
          `Runs are signed with platform key ${server.keyFingerprint} (trusted by this server's sheet).`,
          'Stop with Ctrl-C.',
          '',
        ].join('\n'),
  );
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await server.stop();
  if (!values.json) process.stdout.write('klarmeld server stopped.\n');
  return 0;
}
