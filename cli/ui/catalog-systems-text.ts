import type { SystemRow } from '../services/catalog-systems.ts';

/** `klarmeld catalog systems` as plain text: id (what a profile's `system:` and the sheet take), areas, supplier, name. */
export function catalogSystemsText(rows: SystemRow[], area?: string): string {
  const width = Math.max(2, ...rows.map((r) => r.id.length));
  const lines = rows.map((r) => `${r.id.padEnd(width)}  ${r.areas.join(',').padEnd(10)} ${r.supplier}  ${r.name}`);
  const head = `${rows.length} SKI system${rows.length === 1 ? '' : 's'}${area ? ` in ${area}` : ''} (the id is what klarmeld.yaml's "system:" and the sheet take)`;
  return `${[head, ...lines].join('\n')}\n`;
}
