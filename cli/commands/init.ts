import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { UsageError } from '../usage-error.ts';
import { parseCommandLine } from './parse-command-line.ts';
import { readCatalog } from './read-catalog.ts';

const HELP = `klarmeld init: write the klarmeld.yaml that describes your system to klarmeld test

Usage:
  klarmeld init --name NAME --cvr CVR --integrations SF1520[,SF1500 …] [--start COMMAND] [options]

Asks for what the flags leave out when it runs in a terminal; with the flags it asks nothing.
The system need not be in KOMBIT's catalogue: klarmeld test then runs the suites of the
integrations named here. It never overwrites a profile.

Options:
  --name NAME            the system's name
  --cvr CVR              the supplier's CVR number (eight digits)
  --id ID                the system's id (default: from the name, e.g. acme-journal); a catalogue id
                         makes it that catalogue system
  --area Y65             SKI 02.19 service area (repeat, or separate with commas)
  --use-case Y65.I.1     SKI 02.19 use case (repeat, or separate with commas)
  --integrations IDS     the integrations the system implements, e.g. SF1520,SF1500
  --operations ID:OPS    the operations of one integration it uses, e.g. SF1520:PersonLookup (repeat)
  --start COMMAND        the shell command that starts the system (leave out when it already runs)
  --ready URL            answers 2xx once the system is ready (default .../health on the trigger port)
  --trigger-url URL      where the runner POSTs its actions (default http://127.0.0.1:\${TRIGGER_PORT}/trigger)
  --trigger-command CMD  or a command that reads an action on stdin and prints the answer
  --callback URL         the Beskedfordeler callback (default with SF1461: https://127.0.0.1:\${CALLBACK_PORT}/beskedfordeler)
  --profile FILE         where to write it (default klarmeld.yaml)

Exit codes: 0 written, 2 usage or profile problem (nothing written).`;

const options = {
  name: { type: 'string' },
  cvr: { type: 'string' },
  id: { type: 'string' },
  area: { type: 'string', multiple: true },
  'use-case': { type: 'string', multiple: true },
  integrations: { type: 'string', multiple: true },
  operations: { type: 'string', multiple: true },
  start: { type: 'string' },
  ready: { type: 'string' },
  'trigger-url': { type: 'string' },
  'trigger-command': { type: 'string' },
  callback: { type: 'string' },
  profile: { type: 'string', default: 'klarmeld.yaml' },
} as const;

/** Comma-separated, repeated or both: one list, trimmed, without blanks. */
const items = (values: string[] | undefined) =>
  (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, { help: HELP, options, takes: 'options' });
  if ('exit' in parsed) return parsed.exit;
  const { values } = parsed;
  const file = values.profile;
  if (existsSync(file))
    throw new UsageError(
      `${file} exists already: klarmeld init does not overwrite a profile. Edit it, remove it first, or write another with --profile FILE`,
    );
  if (!existsSync(dirname(resolve(file))))
    throw new UsageError(`${file}: the folder ${dirname(resolve(file))} does not exist`);
  if (values['trigger-url'] && values['trigger-command'])
    throw new UsageError('Give the trigger either --trigger-url or --trigger-command, not both');

  const asked = {
    name: values.name,
    cvr: values.cvr,
    integrations: items(values.integrations).map((i) => i.toUpperCase()),
    start: values.start,
  };
  const missing = [
    !asked.name && '--name',
    !asked.cvr && '--cvr',
    asked.integrations.length === 0 && '--integrations',
  ].filter(Boolean);
  if (missing.length > 0) {
    if (!process.stdin.isTTY)
      throw new UsageError(`Give ${missing.join(', ')}: without a terminal klarmeld init cannot ask.\n\n${HELP}`);
    await ask(asked);
  }
  const operations: Record<string, string[]> = {};
  for (const entry of values.operations ?? []) {
    const [id, ops] = entry.split(':');
    if (!id || !ops)
      throw new UsageError(
        `--operations ${entry}: write the integration, a colon and its operations, e.g. SF1520:PersonLookup`,
      );
    operations[id.toUpperCase()] = items([ops]);
  }
  const { idFromName, profileText, checkProfileText, withDefaults } = await import('../services/init-profile.ts');
  const { profileSchemaFile } = await import('../../conformance/profile/index.ts');
  const { ProfileError } = await import('../../conformance/profile/index.ts');
  const answers = withDefaults({
    id: values.id ?? idFromName(asked.name ?? ''),
    name: asked.name ?? '',
    supplierCvr: asked.cvr ?? '',
    areas: items(values.area),
    useCases: items(values['use-case']),
    integrations: asked.integrations,
    operations,
    ...(asked.start ? { start: asked.start } : {}),
    ...(values.ready ? { ready: values.ready } : {}),
    ...(values['trigger-url'] ? { triggerUrl: values['trigger-url'] } : {}),
    ...(values['trigger-command'] ? { triggerCommand: values['trigger-command'] } : {}),
    ...(values.callback ? { callback: values.callback } : {}),
  });
  const catalog = await readCatalog(undefined);
  const text = profileText(catalog, answers, relative(dirname(resolve(file)), profileSchemaFile));
  let system;
  try {
    system = checkProfileText(catalog, text, file);
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    process.stderr.write(`Nothing written: the profile would not be valid.\n${error.message}\n`);
    return 2;
  }
  // 'wx': another process may have written the file since the check above; never overwrite it.
  await writeFile(file, text, { flag: 'wx' });
  const scope = system.listed
    ? `${system.name}, as KOMBIT's catalogue lists it (its required integrations decide the suites)`
    : `${system.name}, which KOMBIT's catalogue does not list: tested as the profile describes it`;
  process.stdout.write(
    `Wrote ${file} for ${scope}.\nIntegrations tested: ${system.integrations.join(', ')}.\nNext: npx klarmeld test${file === 'klarmeld.yaml' ? '' : ` --profile ${file}`}\n`,
  );
  return 0;
}

/** Asks in the terminal for what the flags left out. */
async function ask(answers: {
  name?: string | undefined;
  cvr?: string | undefined;
  integrations: string[];
  start?: string | undefined;
}): Promise<void> {
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    answers.name ||= (await terminal.question("The system's name: ")).trim();
    answers.cvr ||= (await terminal.question("The supplier's CVR number (eight digits): ")).trim();
    if (answers.integrations.length === 0)
      answers.integrations = items([
        await terminal.question('The integrations it implements (e.g. SF1520,SF1500): '),
      ]).map((i) => i.toUpperCase());
    answers.start ||=
      (await terminal.question('The command that starts it (empty: it runs already): ')).trim() || undefined;
  } finally {
    terminal.close();
  }
}
