import { UsageError } from '../usage-error.ts';
import { parseCommandLine } from './parse-command-line.ts';

const HELP = `klarmeld verify: check a run document's evidence offline

Usage:
  klarmeld verify <run.json> [--key PEM_FILE | --platform URL] [--catalog DIR] [--json]

Checks every exchange against its digest and the platform's signature, the summary against the
results, and the platform's attestation over the whole document: a single edited result,
message, exchange or status is reported. It also checks whom the evidence is about: the run's
system must be the one the platform attested, every exchange must be that it-system's, and the
catalogue's it-system UUID of the run's system must be the attested one. And it re-derives every
verdict: each test of each suite klarmeld ships runs again, offline, against the run's tape of
what it did; a verdict that differs, a shipped test left out, or a tape that does not hold what
the test asks for makes the run not valid. A suite version this klarmeld does not ship cannot be
re-derived and is reported so (not valid): verify such a run with the release that made it.
Exit 0 valid, 1 not valid, 2 usage, 3 platform unreachable.

Options:
  --key FILE       pin the platform's public key (PEM) instead of trusting the one in the run
  --platform URL   fetch and pin the key from a running platform (/.well-known/klarmeld/signing-key)
  --cert FILE, --cert-key FILE, --ca FILE
                   client certificate, its key and the CA for the platform's mutual TLS
  --catalog DIR    the catalogue that names the systems (default: the catalogue klarmeld ships)
  --json           print the verification report as JSON`;

const options = {
  key: { type: 'string' },
  platform: { type: 'string' },
  cert: { type: 'string' },
  'cert-key': { type: 'string' },
  ca: { type: 'string' },
  catalog: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, { help: HELP, options, takes: 'arguments' });
  if ('exit' in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(`Give exactly one run document.\n\n${HELP}`);
  if (values.key && values.platform)
    throw new UsageError('Pin the key either with --key or with --platform, not both.');
  const { verifyRunFile, VerifyInputError, PlatformKeyError } = await import('../services/verify-run-file.ts');
  const { readCatalog } = await import('./read-catalog.ts');
  const catalog = await readCatalog(values.catalog);
  let report;
  try {
    report = await verifyRunFile(positionals[0]!, {
      catalog,
      keyFile: values.key,
      platformUrl: values.platform,
      tls: { cert: values.cert, key: values['cert-key'], ca: values.ca },
    });
  } catch (error) {
    if (error instanceof VerifyInputError) throw new UsageError(error.message);
    if (error instanceof PlatformKeyError) {
      process.stderr.write(`${error.message}\n`);
      return 3;
    }
    throw error;
  }
  const { document: _document, ...plain } = report;
  if (values.json) {
    process.stdout.write(`${JSON.stringify(plain, null, 2)}\n`);
    return report.ok ? 0 : 1;
  }
  const { verifyReportText } = await import('../services/verify-report-text.ts');
  process.stdout.write(verifyReportText(report, process.stdout.isTTY === true));
  return report.ok ? 0 : 1;
}
