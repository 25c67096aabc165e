import { userInfo } from 'node:os';
import { UsageError } from '../usage-error.ts';
import { parseCommandLine } from './parse-command-line.ts';
import { sheetOptions, type SheetCommand } from './sheet/sheet-context.ts';

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

/** Each command's file, loaded only when it runs. */
const commands: Record<string, () => Promise<SheetCommand>> = {
  show: async () => (await import('./sheet/show.ts')).show,
  history: async () => (await import('./sheet/history.ts')).history,
  report: async () => (await import('./sheet/report.ts')).report,
  set: async () => (await import('./sheet/set.ts')).set,
  programme: async () => (await import('./sheet/programme.ts')).programme,
  contest: async () => (await import('./sheet/contest.ts')).contest,
  decide: async () => (await import('./sheet/decide.ts')).decide,
  export: async () => (await import('./sheet/export.ts')).exportSheet,
  import: async () => (await import('./sheet/import.ts')).importSheet,
  record: async () => (await import('./sheet/record.ts')).record,
  'trust-key': async () => (await import('./sheet/trust-key.ts')).trustKey,
  'trusted-keys': async () => (await import('./sheet/trusted-keys.ts')).trustedKeys,
};

/** `klarmeld sheet <command>`: parses the options, finds the sheet and hands both to the command. */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, { help: HELP, options: sheetOptions, takes: 'command' });
  if ('exit' in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  const { resolveSheetPath } = await import('../../conformance/onboarding/index.ts');
  const sheetPath = resolveSheetPath({ flag: values.sheet, env: process.env, cwd: process.cwd() });
  const args = (min: number, max: number, what: string) => {
    if (rest.length < min || rest.length > max)
      throw new UsageError(`"klarmeld sheet ${command}" takes ${what}.\n\n${HELP}`);
  };
  const views = await import('../services/sheet-views.ts');
  const load = command !== undefined && Object.hasOwn(commands, command) ? commands[command] : undefined;
  if (!load) throw new UsageError(`Unknown command "klarmeld sheet ${command}".\n\n${HELP}`);
  try {
    const handle = await load();
    return await handle({
      values,
      rest,
      sheetPath,
      actor: values.actor ?? userInfo().username,
      tty: process.stdout.isTTY === true,
      args,
    });
  } catch (error) {
    if (error instanceof views.SheetRequestError) throw new UsageError(error.message);
    throw error;
  }
}
