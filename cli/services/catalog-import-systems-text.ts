/** `klarmeld catalog import-systems` as plain text: what would change (or changed), conflicts, and what was kept. */
import type { ImportSystemsPlan } from './catalog-import-systems.ts';

const MAX = 20;
const capped = <T>(list: readonly T[], line: (item: T) => string) => [
  ...list.slice(0, MAX).map(line),
  ...(list.length > MAX ? [`  … and ${list.length - MAX} more (--json lists all)`] : []),
];

export function importSystemsText(plan: ImportSystemsPlan, written: string[] | undefined): string {
  const lines = [
    `${plan.file}: ${plan.added.length} new systems, ${plan.updated.length} updated, ${plan.unchanged.length} unchanged, ${plan.skipped.length} rows not imported; ${plan.suppliersAdded.length} new suppliers.`,
    `Columns: ${plan.columns.map((c) => `${c.header || '(blank)'} → ${c.field === 'kept' ? 'kept verbatim' : c.field}`).join('; ')}`,
  ];
  if (plan.added.length)
    lines.push(
      '',
      'New systems',
      ...capped(
        plan.added,
        (s) =>
          `  + ${s.id}  ${s.name} (CVR ${s.supplier}, ${s.areas.join(', ')}, ${s.municipalities.length} municipalities)`,
      ),
    );
  if (plan.updated.length)
    lines.push(
      '',
      'Updated systems (lists gain items; nothing is removed)',
      ...capped(plan.updated, (u) => `  ~ ${u.system.id} (row ${u.row}): ${u.changes.join('; ')}`),
    );
  if (plan.suppliersAdded.length)
    lines.push('', 'New suppliers', ...capped(plan.suppliersAdded, (s) => `  + ${s.cvr} ${s.name}`));
  if (plan.conflicts.length)
    lines.push(
      '',
      'Conflicts',
      ...capped(
        plan.conflicts,
        (c) => `  ! ${c.system} ${c.field}: catalogue "${c.catalogue}", file "${c.file}" — ${c.resolution}`,
      ),
    );
  if (plan.unresolved.length)
    lines.push(
      '',
      'Values the catalogue does not know (kept verbatim on the system under inventory.unresolved)',
      ...capped(plan.unresolved, (u) => `  ? ${u.system} ${u.column}: ${u.values.join('; ')}`),
    );
  if (plan.skipped.length)
    lines.push(
      '',
      'Rows not imported (fix the file and import again)',
      ...capped(
        plan.skipped,
        (s) =>
          `  - row ${s.row}: ${s.reason}${
            Object.keys(s.cells).length
              ? ` [${Object.entries(s.cells)
                  .map(([k, v]) => `${k}=${v}`)
                  .join(', ')}]`
              : ''
          }`,
      ),
    );
  lines.push(
    '',
    written
      ? `Wrote ${written.join(', ')}. Run "klarmeld catalog check" to validate.`
      : 'Dry run: nothing written. Add --write to save the changes.',
  );
  return `${lines.join('\n')}\n`;
}
