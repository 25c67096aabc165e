import { createPublicKey } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { createElement } from 'react';
import { UsageError } from '../usage-error.ts';
import { parseCommandLine } from './parse-command-line.ts';
import { readCatalog } from './read-catalog.ts';

const HELP = `klarmeld sheet: the onboarding sheet (klarmelding per system × integration)

Usage:
  klarmeld sheet show [--supplier CVR] [--area Y14] [--status CODE] [--json]   the matrix (KOMBIT's 18 columns first)
  klarmeld sheet set <system> <SF> <word> [--reason "…"] [--actor NAME]        record KOMBIT's word by hand
  klarmeld sheet history <system> [SF] [--json]                                every event, oldest first
  klarmeld sheet report <system> [--json]                                      the connection report
  klarmeld sheet export --xlsx FILE                                            Excel in KOMBIT's layout + evidence + history
  klarmeld sheet import FILE [--dry-run] [--actor NAME]                        read KOMBIT's workbook (or an export)
  klarmeld sheet programme <system> <category|auto> [--round N] [--reason "…"] [--note "…"]
                                                                               a system's place in the programme, by hand
  klarmeld sheet contest <system> <SF> --reason "…"                            the supplier contests KOMBIT's estimate
  klarmeld sheet decide <system> <SF> upheld|changed [--reason "…"]            KOMBIT decides a contest
  klarmeld sheet record <run.json> [--key PEM_FILE] [--actor NAME]             record a verified run's statuses
  klarmeld sheet trust-key <PEM_FILE|FINGERPRINT> --name "…" [--actor NAME]    trust a platform's signing key
  klarmeld sheet trusted-keys [--json]                                         the keys the sheet trusts

Statuses are KOMBIT's words, in every spelling KOMBIT uses: Klarmeldt, Delvis/Delvist, Forløb N,
Irrelevant, Ensidig, Nej (and the report's 1. Ja, 2. Nej, 5. Delvis); an empty cell is blank.
--status and <word> also take the codes K, D, F, I, E, N. A recorded run keeps the declaration it
shows and, beside it, its evidence: a run on the supplier's own platform, or on a platform KOMBIT
trusts (klarmeld sheet trust-key; --key only checks which key signed the run). klarmeld never
writes "Ensidig" itself: KOMBIT's sources do not define it.

Options:
  --sheet FILE    the sheet (SQLite); default $KLARMELD_SHEET, else .klarmeld/sheet.sqlite here
  --catalog DIR   read the catalogue from DIR instead of the shipped catalog/data
  --json          print plain JSON instead of the formatted view`;

const options = {
  sheet: { type: 'string' },
  catalog: { type: 'string' },
  json: { type: 'boolean', default: false },
  supplier: { type: 'string' },
  area: { type: 'string' },
  status: { type: 'string' },
  reason: { type: 'string' },
  actor: { type: 'string' },
  xlsx: { type: 'string' },
  key: { type: 'string' },
  name: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  round: { type: 'string' },
  note: { type: 'string' },
} as const;

const printJson = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

async function render(element: Parameters<typeof import('../ui/render.ts').renderOnce>[0]) {
  const { renderOnce } = await import('../ui/render.ts');
  renderOnce(element, process.stdout);
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, { help: HELP, options, takes: 'command' });
  if ('exit' in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  const { resolveSheetPath } = await import('../../conformance/onboarding/sheet-path.ts');
  const sheetPath = resolveSheetPath({ flag: values.sheet, env: process.env, cwd: process.cwd() });
  const actor = values.actor ?? userInfo().username;
  const tty = process.stdout.isTTY === true;
  const args = (min: number, max: number, what: string) => {
    if (rest.length < min || rest.length > max) throw new UsageError(`"klarmeld sheet ${command}" takes ${what}.\n\n${HELP}`);
  };
  const views = await import('../services/sheet-views.ts');
  try {
    switch (command) {
      case 'show': {
        args(0, 0, 'no arguments (filter with --supplier, --area, --status)');
        const catalog = await readCatalog(values.catalog);
        const view = views.sheetMatrix(catalog, sheetPath, { supplier: values.supplier, area: values.area, status: values.status });
        const programme = (await import('../services/sheet-programme.ts')).sheetProgramme(catalog, sheetPath);
        if (values.json) printJson({ ...view, programme });
        else {
          if (tty) await render(createElement((await import('../ui/sheet-matrix.ts')).SheetMatrixView, { view }));
          else process.stdout.write((await import('../services/sheet-text.ts')).matrixText(view));
          process.stdout.write(`\n${(await import('../services/sheet-programme-text.ts')).programmeText(programme)}`);
        }
        return 0;
      }
      case 'history': {
        args(1, 2, 'a system id and optionally an integration, e.g. jobcenter-plus SF1520');
        const view = views.sheetHistory(await readCatalog(values.catalog), sheetPath, rest[0]!, rest[1]?.toUpperCase());
        if (values.json) printJson(view);
        else process.stdout.write((await import('../services/sheet-text.ts')).historyText(view));
        return 0;
      }
      case 'report': {
        args(1, 1, 'one system id, e.g. jobcenter-plus');
        const catalog = await readCatalog(values.catalog);
        const report = views.sheetReport(catalog, sheetPath, rest[0]!);
        // Contests of KOMBIT's estimate show on the report until KOMBIT decides them.
        const contests = (await import('../services/sheet-programme.ts')).systemContests(sheetPath, report.system.id);
        if (values.json) printJson({ ...report, contests });
        else {
          if (tty) {
            const legend = views.sheetMatrix(catalog, sheetPath, {}).legend;
            await render(createElement((await import('../ui/sheet-report.ts')).SheetReportView, { report, legend }));
          } else process.stdout.write((await import('../services/sheet-text.ts')).reportText(report));
          process.stdout.write((await import('../services/sheet-programme-text.ts')).contestsText(contests));
        }
        return 0;
      }
      case 'set': {
        args(3, 3, 'a system, an integration and a status, e.g. jobcenter-plus SF1520 irrelevant --reason "Kommunen efterspørger det ikke"');
        const { setStatus } = await import('../services/sheet-changes.ts');
        const [system, integration, status] = rest as [string, string, string];
        const outcome = setStatus(await readCatalog(values.catalog), sheetPath, { system, integration, status, reason: values.reason, actor });
        if (values.json) printJson(outcome);
        else if (outcome.event) process.stdout.write(`Recorded ${outcome.event.system} ${outcome.event.integration}: ${outcome.event.word ? `"${outcome.event.word}"` : 'blank'} (${outcome.event.status || 'blank'})${outcome.event.reason ? ` (${outcome.event.reason})` : ''} in ${sheetPath}\n`);
        else process.stderr.write(`Nothing recorded:\n${outcome.problems.map((p) => `  - ${p.message}`).join('\n')}\n`);
        return outcome.event ? 0 : 2;
      }
      case 'programme': {
        args(2, 2, 'a system and a programme category (or auto), e.g. jobcenter-plus administrativt-fjernet --reason "Produktet er gået ud af markedet"');
        const { setProgramme } = await import('../services/sheet-programme.ts');
        const event = setProgramme(await readCatalog(values.catalog), sheetPath, { system: rest[0]!, category: rest[1]!, round: values.round, reason: values.reason, note: values.note, actor });
        if (values.json) printJson(event);
        else process.stdout.write(`Recorded ${event.system}: ${event.category || 'derived from the cells again'}${event.round ? ` ${event.round}` : ''}${event.reason ? ` — ${event.reason}` : ''} in ${sheetPath}\n`);
        return 0;
      }
      case 'contest':
      case 'decide': {
        const deciding = command === 'decide';
        args(deciding ? 3 : 2, deciding ? 3 : 2, deciding ? 'a system, an integration and upheld or changed' : 'a system and an integration, and --reason "…"');
        const programme = await import('../services/sheet-programme.ts');
        const catalog = await readCatalog(values.catalog);
        const request = { system: rest[0]!, integration: rest[1]!, reason: values.reason ?? '', actor };
        const event = deciding ? programme.decideContest(catalog, sheetPath, { ...request, decision: rest[2]! }) : programme.contestEstimate(catalog, sheetPath, request);
        if (values.json) printJson(event);
        else process.stdout.write(`Recorded ${event.system} ${event.integration}: ${event.kind === 'contest' ? event.reason : `decided ${event.decision} (${event.reason})`} in ${sheetPath}\n`);
        return 0;
      }
      case 'export': {
        args(0, 0, 'no arguments, and --xlsx FILE');
        if (!values.xlsx) throw new UsageError('Say where to write the workbook: klarmeld sheet export --xlsx sheet.xlsx');
        const { exportSheet } = await import('../services/sheet-changes.ts');
        const outcome = await exportSheet(await readCatalog(values.catalog), sheetPath, values.xlsx);
        if (values.json) printJson(outcome);
        else process.stdout.write(`Wrote ${outcome.file}: ${outcome.systems} systems × ${outcome.integrations} integrations, ${outcome.events} history events.\n`);
        return 0;
      }
      case 'import': {
        args(1, 1, 'one workbook, e.g. sheet.xlsx');
        const { importSheet } = await import('../services/sheet-changes.ts');
        const outcome = await importSheet(await readCatalog(values.catalog), sheetPath, rest[0]!, actor, { dryRun: values['dry-run'] });
        if (values.json) printJson(outcome);
        else process.stdout.write((await import('../services/sheet-import-text.ts')).importText(outcome));
        return outcome.problems.length > 0 ? 1 : 0;
      }
      case 'record': {
        args(1, 1, 'one run document, e.g. run.json (from klarmeld test --json)');
        const { verifyRunFile, VerifyInputError } = await import('../services/verify-run-file.ts');
        const catalog = await readCatalog(values.catalog);
        const report = await verifyRunFile(rest[0]!, { keyFile: values.key, catalog }).catch((error: unknown) => {
          throw error instanceof VerifyInputError ? new UsageError(error.message) : error;
        });
        const { recordRun, RecordError } = await import('../services/sheet-record-run.ts');
        const { SheetStore } = await import('../../conformance/onboarding/index.ts');
        const { formatRecorded } = await import('../ui/test-summary.ts');
        const store = SheetStore.open(sheetPath);
        try {
          let outcome;
          try {
            outcome = recordRun(store, catalog, report, values.actor);
          } catch (error) {
            // A run for a system the catalogue does not know: the user's input, not a crash.
            throw error instanceof RecordError ? new UsageError(error.message) : error;
          }
          if (values.json) printJson({ ...outcome, keySource: report.keySource, keyFingerprint: report.keyFingerprint });
          else if (!outcome.verified && outcome.skipped) process.stderr.write(`${outcome.skipped.message}\n`);
          else {
            const { backingOf, backingText } = await import('../../conformance/onboarding/index.ts');
            for (const e of outcome.events) process.stdout.write(`Recorded ${e.system} ${e.integration}: ${e.word ?? e.status} (${e.evidence?.shallPassed}/${e.evidence?.shallTotal} SHALL passed, run ${e.evidence?.runId}); belæg: ${backingText(backingOf(e.evidence))}\n`);
            for (const n of outcome.notRecorded) process.stdout.write(`Not recorded ${n.integration}: ${n.why}\n`);
            process.stdout.write(`${formatRecorded(outcome)}\n`);
          }
          return outcome.verified ? 0 : 1;
        } finally {
          store.close();
        }
      }
      case 'trust-key': {
        args(1, 1, 'a platform key: its PEM file or its fingerprint (as klarmeld verify prints it), and --name');
        const { trustPlatformKey } = await import('../services/sheet-record-run.ts');
        const { TrustedKeyError } = await import('../../conformance/onboarding/index.ts');
        const given = rest[0]!;
        const key = existsSync(given) ? { publicKey: await readPublicKeyPem(given) } : { fingerprint: given };
        if ('fingerprint' in key && /[/\\]|\.pem$/i.test(given)) throw new UsageError(`${given}: no such file. Give the platform's public key (PEM file) or its 64-hex-digit fingerprint.`);
        try {
          const { key: trusted, added } = trustPlatformKey(sheetPath, { ...key, name: values.name ?? '', addedBy: actor });
          if (values.json) printJson({ ...trusted, added });
          else process.stdout.write(`${added ? 'Trusted' : 'Already trusted'}: platform key ${trusted.fingerprint} ("${trusted.name}", added by ${trusted.addedBy} ${trusted.addedAt}) in ${sheetPath}\n`);
          return 0;
        } catch (error) {
          if (error instanceof TrustedKeyError) throw new UsageError(error.message);
          throw error;
        }
      }
      case 'trusted-keys': {
        args(0, 0, 'no arguments');
        const { trustedPlatformKeys } = await import('../services/sheet-record-run.ts');
        const keys = trustedPlatformKeys(sheetPath);
        if (values.json) printJson(keys);
        else process.stdout.write(keys.length === 0 ? `The sheet ${sheetPath} trusts no platform key: every recorded run is backed by the supplier's own platform.\n` : keys.map((k) => `${k.fingerprint}  ${k.name} (added by ${k.addedBy} ${k.addedAt})\n`).join(''));
        return 0;
      }
      default:
        throw new UsageError(`Unknown command "klarmeld sheet ${command}".\n\n${HELP}`);
    }
  } catch (error) {
    if (error instanceof views.SheetRequestError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * A platform's public key from a PEM file, checked before the sheet trusts it: a file that is not
 * a key, or is a private key (which nobody should hand around), is a usage error, not a crash.
 */
async function readPublicKeyPem(file: string): Promise<string> {
  const text = await readFile(file, 'utf8');
  if (/PRIVATE KEY-----/.test(text)) throw new UsageError(`${file} holds a private key. Give the platform's public key (GET /.well-known/klarmeld/signing-key), never its private key.`);
  try {
    createPublicKey(text);
  } catch {
    throw new UsageError(`${file} is not a public key in PEM form. Give the platform's public key (GET /.well-known/klarmeld/signing-key) or its fingerprint.`);
  }
  return text;
}
