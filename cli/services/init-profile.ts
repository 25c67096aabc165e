import type { Catalog } from '../../catalog/index.ts';
import { currentVersion, findIntegration } from '../../catalog/index.ts';
import { parseProfile } from '../../conformance/profile/index.ts';
import { systemUnderTest, type SystemUnderTest } from '../../conformance/profile/index.ts';

/** What `klarmeld init` knows of the supplier's system, from its flags or its questions. */
export interface InitAnswers {
  id: string;
  name: string;
  supplierCvr: string;
  areas: string[];
  useCases: string[];
  integrations: string[];
  /** Operations per integration id, as the contract names them. */
  operations: Record<string, string[]>;
  /** Shell command that starts the system; leave out when the system already runs. */
  start?: string;
  /** URL that answers 2xx once the system is ready (with a start command). */
  ready?: string;
  triggerUrl?: string;
  triggerCommand?: string;
  /** The Beskedfordeler callback (SF1461). */
  callback?: string;
}

/** An id from a name: lower case, letters and digits, words joined by hyphens (Ærø Journal → aeroe-journal). */
export function idFromName(name: string): string {
  const spelled = name.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');
  return spelled
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The defaults the runner's free ports fill in: the trigger and ready URLs beside a start command, the callback for SF1461. */
export function withDefaults(answers: InitAnswers): InitAnswers {
  const filled = { ...answers };
  if (!filled.triggerUrl && !filled.triggerCommand) filled.triggerUrl = 'http://127.0.0.1:${TRIGGER_PORT}/trigger';
  if (filled.start && !filled.ready && filled.triggerUrl?.includes('${TRIGGER_PORT}'))
    filled.ready = 'http://127.0.0.1:${TRIGGER_PORT}/health';
  if (!filled.callback && filled.integrations.includes('SF1461'))
    filled.callback = 'https://127.0.0.1:${CALLBACK_PORT}/beskedfordeler';
  return filled;
}

const q = (text: string) => JSON.stringify(text);
const list = (items: string[]) => `[${items.map((i) => (/^[A-Za-z0-9._-]+$/.test(i) ? i : q(i))).join(', ')}]`;

/**
 * The klarmeld.yaml text, with a comment on each section that says what it is for. Operations
 * not given are listed in a comment from the catalogue, to keep the ones the system uses.
 */
export function profileText(catalog: Catalog, answers: InitAnswers, schemaPath: string): string {
  const lines = [
    '# How klarmeld tests this system: what it is, how to start it and how to ask it to act.',
    '# Run the tests with: npx klarmeld test   (the fields: "Testing your system" on the klarmeld site)',
    `# yaml-language-server: $schema=${schemaPath}`,
    'system:',
    `  id: ${answers.id}`,
    `  name: ${q(answers.name)}`,
    `  supplier: ${q(answers.supplierCvr)}  # the supplier's CVR`,
    `  areas: ${list(answers.areas)}  # SKI 02.19 service areas`,
    `  useCases: ${list(answers.useCases)}`,
    '  # The integrations the system implements: their suites run (with the ones they need, e.g. SF1514).',
    '  integrations:',
  ];
  for (const id of answers.integrations) {
    lines.push(`    - id: ${id}`);
    const given = answers.operations[id] ?? [];
    const integration = findIntegration(catalog, id);
    const known = integration
      ? [...new Set((currentVersion(integration)?.services ?? []).flatMap((s) => s.operations.map((o) => o.name)))]
      : [];
    if (given.length > 0) lines.push(`      operations: ${list(given)}`);
    else if (known.length > 0)
      lines.push(`      # operations: ${list(known)}  (the catalogue's; keep the ones the system uses)`);
  }
  lines.push('target: embedded  # klarmeld starts its test platform (Korsbæk) on a free port');
  if (answers.start) {
    lines.push(
      '# The runner starts the system with KLARMELD_CONNECTION (the connection file), TRIGGER_PORT and CALLBACK_PORT set.',
      'start:',
      `  command: ${q(answers.start)}`,
      ...(answers.ready ? [`  ready: ${q(answers.ready)}`] : []),
      '  timeout: 30',
    );
  }
  lines.push(
    '# POST { "action", "params" } here; the system answers { "ok": true, "result" } or { "ok": false, "error": { "code", "message" } }.',
  );
  lines.push(
    'trigger:',
    answers.triggerUrl ? `  url: ${q(answers.triggerUrl)}` : `  command: ${q(answers.triggerCommand ?? '')}`,
  );
  if (answers.callback)
    lines.push('callbacks:', `  beskedfordeler: ${q(answers.callback)}  # SF1461 pushes here, with mutual TLS`);
  return `${lines.join('\n')}\n`;
}

/** Checks the written text as `klarmeld test` will read it: schema and catalogue. Throws ProfileError. */
export function checkProfileText(catalog: Catalog, text: string, file: string): SystemUnderTest {
  return systemUnderTest(catalog, parseProfile(text, file), file);
}
