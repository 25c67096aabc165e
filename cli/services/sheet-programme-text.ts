/** Plain-text forms of the programme overview and a system's contests (for `sheet show` and `sheet report`). */
import type { ContestEvent, ProgrammeOverview } from '../../conformance/onboarding/index.ts';

export function programmeText(overview: ProgrammeOverview): string {
  const width = Math.max(...overview.categories.map((c) => c.label.length));
  const most = Math.max(1, ...overview.categories.map((c) => c.count));
  const lines = ['Onboardingsprogrammet (systemer pr. kategori):'];
  for (const c of overview.categories)
    lines.push(
      `  ${c.label.padEnd(width)}  ${String(c.count).padStart(4)}  ${'█'.repeat(Math.round((c.count / most) * 30))}`,
    );
  const manual = overview.systems.filter((s) => s.source === 'manual');
  if (manual.length > 0) {
    lines.push('Set by hand:');
    for (const s of manual)
      lines.push(
        `  ${s.system}: ${s.category}${s.round ? ` ${s.round}` : ''}${s.reason ? ` — ${s.reason}` : ''} (${s.actor}, ${s.at?.slice(0, 10)})`,
      );
  }
  const declared = overview.systems.filter((s) => s.source === 'catalogue');
  if (declared.length > 0) {
    lines.push('Declared by KOMBIT in the catalogue (systems.yaml):');
    for (const s of declared)
      lines.push(`  ${s.system}: ${s.category}${s.round ? ` ${s.round}` : ''}${s.reason ? ` — ${s.reason}` : ''}`);
  }
  if (overview.openContests.length > 0)
    lines.push(
      `Open contests of KOMBIT's estimate: ${overview.openContests.map((c) => `${c.system} ${c.integration}`).join(', ')}`,
    );
  return `${lines.join('\n')}\n`;
}

export function contestsText(contests: readonly ContestEvent[]): string {
  if (contests.length === 0) return '';
  const latest = new Map<string, ContestEvent>();
  for (const c of contests) latest.set(c.integration, c);
  const lines = ['', 'KOMBIT skøn contested by the supplier'];
  for (const c of latest.values()) {
    lines.push(
      c.kind === 'contest'
        ? `  ${c.integration.padEnd(9)} ${c.reason} (${c.actor}, ${c.at.slice(0, 10)}): awaiting KOMBIT's decision`
        : `  ${c.integration.padEnd(9)} decided ${c.decision} by ${c.actor} ${c.at.slice(0, 10)}: ${c.reason}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
