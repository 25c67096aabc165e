import type { ImportedService } from './catalog-import-contract.ts';
import { unnumberedVersion, type ImportChange } from './catalog-import-contract-write.ts';

/** The import's result as plain text for a person (commands print it; this module does no I/O). */
export function importContractText(input: { integration: string; version: string; services: ImportedService[]; file?: string; changes?: ImportChange[]; written: boolean }): string {
  const version = input.version === unnumberedVersion ? '(number not published)' : input.version;
  const lines: string[] = [`${input.integration} version ${version}: ${input.services.length} service${input.services.length === 1 ? '' : 's'} in the contract`];
  for (const s of input.services) {
    lines.push('', `  ${s.name} (${s.protocol}, ${s.security.join(', ')}) from ${s.from}`);
    for (const op of s.operations) lines.push(`    ${op.name.padEnd(24)} ${op.soapAction ?? `${op.method} ${op.path}`}`);
  }
  if (input.changes !== undefined && input.file !== undefined) {
    lines.push('', input.written ? `Updated ${input.file}:` : `Changes to ${input.file} (run again with --write to save them):`);
    for (const c of input.changes) {
      const detail = [
        c.added.length > 0 ? `+ ${c.added.join(', ')}` : '',
        c.removed.length > 0 ? `- ${c.removed.join(', ')}` : '',
        c.changed.length > 0 ? `changed ${c.changed.join(', ')}` : '',
        c.protocol ? `protocol ${c.protocol.from} -> ${c.protocol.to}` : '',
      ].filter(Boolean).join('; ');
      lines.push(`  ${c.service}: ${c.action}${detail ? ` (${detail})` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
