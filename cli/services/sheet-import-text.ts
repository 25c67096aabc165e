/** The plain-text account of `klarmeld sheet import`: what changed (or would), and every cell kept verbatim. */
import type { SheetImport } from '../../conformance/onboarding/index.ts';

const shown = (word: string) => (word ? `"${word}"` : 'blank');

export function importText(outcome: SheetImport): string {
  if (outcome.problems.length > 0) {
    return (
      `Nothing imported: ${outcome.problems.length} problem${outcome.problems.length === 1 ? '' : 's'} in ${outcome.file}\n` +
      outcome.problems.map((p) => `  ${p.sheet}${p.cell ? `!${p.cell}` : ''}: ${p.message}`).join('\n') +
      '\n'
    );
  }
  const lines = [
    `${outcome.dryRun ? 'Dry run, nothing written' : 'Imported'}: ${outcome.file} (worksheet "${outcome.worksheet}"): ${outcome.rows} rows, ${outcome.cells} cells in KOMBIT's words, ${outcome.changes.length} ${outcome.dryRun ? 'would change' : 'changed'}.`,
  ];
  for (const c of outcome.changes)
    lines.push(`  ${c.cell ?? ''} ${c.system} ${c.integration}: ${shown(c.before)} → ${shown(c.word ?? '')}`);
  if (outcome.kept.length > 0) {
    lines.push(
      `${outcome.kept.length} cell${outcome.kept.length === 1 ? '' : 's'} could not be mapped and ${outcome.dryRun ? 'would be' : 'are'} kept verbatim (the export writes them back):`,
    );
    for (const k of outcome.kept)
      lines.push(`  ${k.sheet}!${k.cell} ${k.rowSystem ? `"${k.rowSystem}" ` : ''}[${k.header}] "${k.text}": ${k.why}`);
  }
  return `${lines.join('\n')}\n`;
}
