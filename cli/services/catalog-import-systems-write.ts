/**
 * Writes an import plan into systems.yaml and suppliers.yaml of a catalogue directory, editing
 * the YAML documents so that every comment and every system the import does not touch stays as
 * written: a matched system's lists gain their new items at the end, new systems and suppliers
 * are appended. A directory without the files gets them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { SkiSystem } from '../../catalog/index.ts';
import type { ImportSystemsPlan } from './catalog-import-systems.ts';

async function open(path: string, list: string, schema: string): Promise<Document> {
  const text = await readFile(path, 'utf8').catch(() => `$schema: ${schema}\n${list}: []\n`);
  return parseDocument(text);
}

function listNode(doc: Document, key: string): YAMLSeq {
  let seq = doc.get(key, true);
  if (!isSeq(seq)) doc.set(key, (seq = doc.createNode([])));
  (seq as YAMLSeq).flow = false;
  return seq as YAMLSeq;
}

/** The catalogue shape of a new system, without the defaults an author would leave out. */
function written(system: SkiSystem): Record<string, unknown> {
  const { exceptions, statuses, fictional, ...rest } = system;
  return {
    ...rest,
    ...(exceptions.length ? { exceptions } : {}),
    ...(statuses ? { statuses } : {}),
    ...(fictional ? { fictional } : {}),
  };
}

export async function writeSystemImport(plan: ImportSystemsPlan, dir: string): Promise<string[]> {
  const systemsPath = join(dir, 'systems.yaml');
  const suppliersPath = join(dir, 'suppliers.yaml');
  const systemsDoc = await open(systemsPath, 'systems', '../schema/generated/systems.schema.json');
  const systems = listNode(systemsDoc, 'systems');
  const byId = new Map<string, YAMLMap>();
  for (const item of systems.items) {
    if (isMap(item)) {
      const id = item.get('id');
      if (typeof id === 'string') byId.set(id, item);
    }
  }
  for (const { system } of plan.updated) {
    const node = byId.get(system.id);
    if (!node) continue;
    for (const field of ['areas', 'useCases', 'municipalities'] as const) {
      const seq = node.get(field, true);
      if (!isSeq(seq)) {
        if (system[field].length) node.set(field, systemsDoc.createNode(system[field]));
        continue;
      }
      const present = new Set(seq.items.map((i) => (isScalar(i) ? String(i.value) : '')));
      for (const value of system[field]) if (!present.has(value)) seq.add(systemsDoc.createNode(value));
    }
    if (system.inventory) node.set('inventory', systemsDoc.createNode(system.inventory));
  }
  for (const system of plan.added) systems.add(systemsDoc.createNode(written(system)));
  const files = [systemsPath];
  await writeFile(systemsPath, systemsDoc.toString({ lineWidth: 0 }));
  if (plan.suppliersAdded.length > 0) {
    const suppliersDoc = await open(suppliersPath, 'suppliers', '../schema/generated/suppliers.schema.json');
    const suppliers = listNode(suppliersDoc, 'suppliers');
    for (const supplier of plan.suppliersAdded)
      suppliers.add(suppliersDoc.createNode({ cvr: supplier.cvr, name: supplier.name }));
    await writeFile(suppliersPath, suppliersDoc.toString({ lineWidth: 0 }));
    files.push(suppliersPath);
  }
  return files;
}
