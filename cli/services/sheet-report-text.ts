/**
 * The connection report (tilslutningsrapport) as plain text, for pipes and CI logs: laid out as
 * KOMBIT's example report (seeds/002_…), its headings in KOMBIT's Danish, what is KOMBIT's
 * estimate marked "(KOMBIT skøn)", then klarmeld's own additions (date, source, evidence).
 */
import {
  backingDetail,
  backingKindLabels,
  type ConnectionReport,
  type ReportIntegration,
} from '../../conformance/onboarding/index.ts';

const pad = (text: string, width: number) =>
  text.length >= width ? text.slice(0, width) : text + ' '.repeat(width - text.length);
const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '');
const EXAMPLE = '(projekteksempel)';

/** A title with the project's example mark, unless the title already carries it. */
const marked = (title: string, fictional: boolean) =>
  fictional && !title.includes(EXAMPLE) ? `${title} ${EXAMPLE}` : title;

function integrationLine(i: ReportIntegration): string {
  const where = i.package ?? (i.packageNotGiven ? 'pakke ikke oplyst' : '');
  // The declaration and what backs it are two things (issue 11): the kind of evidence is shown beside every status.
  const detail = i.backing ? backingDetail(i.backing) : '';
  const digest = i.evidence ? `digest ${i.evidence.digest.slice(0, 12)}…` : '';
  const evidence = i.status
    ? `  belæg: ${backingKindLabels[i.backing?.kind ?? 'none'].da}${detail || digest ? ` [${[detail, digest].filter(Boolean).join(', ')}]` : ''}`
    : '';
  const source = i.source === 'catalogue' ? ' (katalog)' : i.source ? ` (${i.source})` : '';
  const spread = i.spread ? `  tilsluttet i ${i.spread.connected} af ${i.spread.of} kommuner` : '';
  return `  ${pad(i.integration, 11)} ${pad(i.title, 50)} ${pad(where, 17)} ${pad(i.code ?? i.label ?? 'ingen status', 24)}${spread}${day(i.at) ? ` ${day(i.at)}` : ''}${source}${i.reason ? ` — ${i.reason}` : ''}${evidence}`;
}

export function reportText(report: ConnectionReport): string {
  const estimate = `(${report.estimate.label})`;
  const lines = [
    `Tilslutningsrapport (connection report): ${report.system.name} (${report.system.id})${report.system.fictional ? ` ${EXAMPLE}` : ''}`,
    '',
    `SKI System navn   ${report.system.name}`,
    `Leverandør        ${report.supplier.name} (CVR ${report.supplier.cvr})${report.supplier.fictional ? ` ${EXAMPLE}` : ''}`,
    `It-system UUID    ${report.system.userSystemUuid}`,
    '',
    `Anvender kommuner (${report.municipalities.length})`,
    ...(report.municipalities.length > 0 ? report.municipalities.map((m) => `  - ${m.name}`) : ['  ingen']),
    '',
    `SKI Ydelsesområde ${report.areas.map((a) => `${a.id} ${a.name}`).join('; ') || 'ingen'}`,
    `SKI Use case(s) ${estimate}`,
    ...(report.useCases.length > 0
      ? report.useCases.map((u) => `  ${u.id}: ${marked(u.title, u.fictional)}`)
      : ['  ingen']),
  ];
  for (const level of ['mandatory', 'supplementary'] as const) {
    const packages = report.packages.filter((p) => p.level === level);
    lines.push('', `${level === 'mandatory' ? 'Obligatoriske' : 'Supplerende'} integrationer ${estimate}`);
    lines.push(
      ...(packages.length > 0 ? packages.map((p) => `  - ${p.id} ${marked(p.title, p.fictional)}`) : ['  ingen']),
    );
  }
  lines.push(
    '',
    'Klarmeldingsoverblik',
    `Ready: ${report.ready.ready} of ${report.ready.mandatory} mandatory integrations`,
  );
  for (const level of ['mandatory', 'supplementary'] as const) {
    const list = report.integrations.filter((i) => i.level === level);
    if (list.length === 0) continue;
    lines.push(
      '',
      `${level === 'mandatory' ? 'Obligatoriske snitflader (mandatory integrations)' : 'Supplerende snitflader (supplementary integrations)'} ${estimate}`,
    );
    lines.push(...list.map(integrationLine));
  }
  const kinds = [...new Set(report.integrations.flatMap((i) => (i.status ? [i.backing?.kind ?? 'none'] : [])))];
  if (kinds.length > 0)
    lines.push(
      '',
      `belæg (evidence): ${kinds.map((k) => `${backingKindLabels[k].da} = ${backingKindLabels[k].en}`).join('; ')}.`,
    );
  if (report.integrations.some((i) => i.source === 'catalogue'))
    lines.push('', '(katalog): a status KOMBIT declared in the catalogue, without date or evidence.');
  if (report.excepted.length > 0) {
    lines.push('', 'Declared exceptions');
    for (const e of report.excepted) lines.push(`  ${pad(e.integration, 11)} ${e.reason}`);
  }
  return `${lines.map((line) => line.trimEnd()).join('\n')}\n`;
}
