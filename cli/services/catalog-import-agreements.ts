/**
 * `klarmeld catalog import-agreements`: an agreement list (from Fælleskommunalt Administrations-
 * modul or the platform's registry: one row per service agreement, with the it-system, the
 * integration or service, the municipality and the status) becomes the catalogue's
 * service-agreements.yaml, from which reports give udbredelse per system. The list is a snapshot:
 * it replaces the previous one. A row is mapped by system (id, name or it-system UUID),
 * integration (SF id or KOMBIT's column header "SF 1470 - …") and municipality (CVR or name);
 * a row that does not map is kept verbatim under `unmapped`, with why. Pure: catalogue and table in.
 */
import type { Catalog } from '../../catalog/index.ts';
import { isApprovedAgreement, type ServiceAgreement } from '../../catalog/index.ts';
import type { Table } from './catalog-import-systems-read.ts';
import { foldHeader } from './catalog-import-systems-columns.ts';

type Column = 'system' | 'integration' | 'municipality' | 'status';
const aliases: Record<Column, string[]> = {
  system: [
    'system',
    'itsystem',
    'anvendersystem',
    'systemnavn',
    'skisystem',
    'skisystemnavn',
    'usersystemuuid',
    'systemid',
  ],
  integration: ['integration', 'sf', 'sfnummer', 'snitflade', 'service', 'integrationid'],
  municipality: ['kommune', 'myndighed', 'municipality', 'kommunecvr', 'myndighedcvr', 'cvr', 'municipalitycvr'],
  status: ['status', 'aftalestatus', 'serviceaftalestatus', 'state'],
};

export interface AgreementsPlan {
  file: string;
  agreements: ServiceAgreement[];
  unmapped: { row: number; reason: string; cells: Record<string, string> }[];
  /** Approved agreements per system, for the summary. */
  systems: { system: string; agreements: number; approved: number }[];
  missingColumns: Column[];
}

const fold = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFC')
    .replace(/\s+kommune$/, '')
    .replace(/[^a-z0-9æøå-]/g, '');

export function planAgreementImport(catalog: Catalog, table: Table, file: string): AgreementsPlan {
  const folded = table.headers.map(foldHeader);
  const index = Object.fromEntries(
    (Object.keys(aliases) as Column[]).map((c) => [c, folded.findIndex((h) => aliases[c].includes(h))]),
  ) as Record<Column, number>;
  const missingColumns = (Object.keys(index) as Column[]).filter((c) => index[c] < 0);
  const plan: AgreementsPlan = { file, agreements: [], unmapped: [], systems: [], missingColumns };
  const systems = new Map<string, string>();
  for (const s of catalog.systems)
    (systems.set(s.id, s.id), systems.set(fold(s.name), s.id), systems.set(s.userSystemUuid, s.id));
  const integrations = new Set(catalog.integrations.map((i) => i.id));
  const municipalities = new Map<string, string>();
  for (const m of catalog.municipalities) (municipalities.set(m.cvr, m.cvr), municipalities.set(fold(m.name), m.cvr));
  const integrationOf = (cell: string) => {
    const sf = /^SF\s?(\d{4}(?:_[A-Z](?:_\d{2})?)?)\b/i.exec(cell.trim());
    const id = sf ? `SF${sf[1]!.toUpperCase()}` : cell.trim().split(/\s+-\s+/)[0]!;
    return integrations.has(id) ? id : undefined;
  };
  for (const { row, cells } of table.rows) {
    const cell = (c: Column) => (index[c] >= 0 ? (cells[index[c]] ?? '') : '');
    const verbatim = Object.fromEntries(
      table.headers
        .map((h, i): [string, string] => [h || `column ${i + 1}`, cells[i] ?? ''])
        .filter(([, v]) => v !== ''),
    );
    const system = systems.get(cell('system')) ?? systems.get(fold(cell('system')));
    const integration = integrationOf(cell('integration'));
    const municipality =
      municipalities.get(cell('municipality').replace(/\s/g, '')) ?? municipalities.get(fold(cell('municipality')));
    const status = cell('status');
    const why = [
      !system && `the catalogue has no system "${cell('system')}"`,
      !integration && `the catalogue has no integration "${cell('integration')}"`,
      !municipality && `the catalogue has no municipality "${cell('municipality')}"`,
      !status && 'the row has no status',
    ].filter(Boolean);
    if (why.length) plan.unmapped.push({ row, reason: `${why.join('; ')}.`, cells: verbatim });
    else plan.agreements.push({ system: system!, integration: integration!, municipality: municipality!, status });
  }
  const bySystem = new Map<string, { agreements: number; approved: number }>();
  for (const a of plan.agreements) {
    const entry = bySystem.get(a.system) ?? { agreements: 0, approved: 0 };
    entry.agreements++;
    if (isApprovedAgreement(a)) entry.approved++;
    bySystem.set(a.system, entry);
  }
  plan.systems = [...bySystem].map(([system, n]) => ({ system, ...n }));
  return plan;
}

/** service-agreements.yaml for a plan: the list replaces the previous one (it is a snapshot). */
export function agreementsYaml(plan: AgreementsPlan, source: string): string {
  const q = (v: string) => JSON.stringify(v);
  const lines = [
    '$schema: ../schema/generated/service-agreements.schema.json',
    'sources:',
    `  - ${q(source)}`,
    plan.agreements.length ? 'agreements:' : 'agreements: []',
    ...plan.agreements.map(
      (a) =>
        `  - { system: ${q(a.system)}, integration: ${q(a.integration)}, municipality: ${q(a.municipality)}, status: ${q(a.status)} }`,
    ),
    plan.unmapped.length ? 'unmapped:' : 'unmapped: []',
    ...plan.unmapped.flatMap((u) => [
      `  - row: ${u.row}`,
      `    reason: ${q(u.reason)}`,
      `    cells: {${Object.entries(u.cells)
        .map(([k, v]) => ` ${q(k)}: ${q(v)}`)
        .join(',')} }`,
    ]),
  ];
  return `${lines.join('\n')}\n`;
}
