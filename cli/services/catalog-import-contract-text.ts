import type { ImportedService } from './catalog-import-contract.ts';
import { unnumberedVersion, type ImportChange } from './catalog-import-contract-write.ts';

export interface ImportResult {
  integration: string;
  version: string;
  services: ImportedService[];
  file?: string;
  changes?: ImportChange[];
  written: boolean;
  created?: boolean;
  toFill?: string[];
}

/** An operation's action as a person reads it; an empty soapAction is said, never printed as a value. */
function action(op: ImportedService['operations'][number]): string {
  if (op.soapAction !== undefined) return op.soapAction;
  if (op.method !== undefined) return `${op.method}${op.path ? ` ${op.path}` : ''}`;
  return '(no soapAction)';
}

function changeLine(c: ImportChange): string {
  const detail = [
    c.added.length > 0 ? `+ ${c.added.join(', ')}` : '',
    c.removed.length > 0 ? `- ${c.removed.join(', ')} (removed: --remove-missing)` : '',
    c.kept.length > 0 ? `kept ${c.kept.join(', ')} (not in the contract; --remove-missing removes them)` : '',
    c.renamed.length > 0 ? `renamed ${c.renamed.join(', ')}` : '',
    c.changed.length > 0 ? `changed ${c.changed.join(', ')}` : '',
    c.messages.length > 0 ? `messages of ${c.messages.join(', ')}` : '',
    c.protocol ? `protocol ${c.protocol.from} -> ${c.protocol.to}` : '',
    c.filled?.length ? `filled in ${c.filled.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  const source = c.from !== c.service ? ` from ${c.from}` : '';
  const by = c.matchedBy?.length ? `, matched by ${c.matchedBy.join(', ')}` : '';
  if (c.action === 'skipped') return `  ${c.service}${source}: skipped: ${c.reason}`;
  return `  ${c.service}${source}: ${c.action}${by}${detail ? ` (${detail})` : ''}`;
}

/** The import's result as plain text for a person (commands print it; this module does no I/O). */
export function importContractText(input: ImportResult): string {
  const version = input.version === unnumberedVersion ? '(number not published)' : input.version;
  const lines: string[] = [
    `${input.integration} version ${version}: ${input.services.length} service${input.services.length === 1 ? '' : 's'} in the contract`,
  ];
  for (const s of input.services) {
    lines.push('', `  ${s.name} (${s.protocol}, ${s.security.join(', ')}) from ${s.from}`);
    for (const op of s.operations) lines.push(`    ${op.name.padEnd(24)} ${action(op)}`);
  }
  if (input.created && input.file !== undefined) {
    lines.push(
      '',
      input.written ? `Created ${input.file}.` : `Would create ${input.file} (run again with --write to save it).`,
    );
    lines.push(`Fill in by hand (catalog check reports them until then): ${(input.toFill ?? []).join(', ')}.`);
  } else if (input.changes !== undefined && input.file !== undefined) {
    const changing = input.changes.some((c) => c.action === 'updated' || c.action === 'added');
    lines.push(
      '',
      !changing
        ? `Nothing to change in ${input.file}:`
        : input.written
          ? `Updated ${input.file}:`
          : `Changes to ${input.file} (run again with --write to save them):`,
    );
    for (const c of input.changes) lines.push(changeLine(c));
  }
  return `${lines.join('\n')}\n`;
}
