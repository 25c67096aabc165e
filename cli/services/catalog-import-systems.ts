/**
 * `klarmeld catalog import-systems`: brings KOMBIT's system inventory (about 230 SKI systems from
 * the SKI, ADM and KITOS lists, seeds/002_…) into the catalogue. Each row is matched to a
 * catalogue system by name and supplier (CVR, or name when the row has no CVR); a match gains
 * what the row adds (areas, use cases, municipalities: lists are merged, nothing is removed) and
 * every difference is reported as a conflict; a new row becomes a new system. Nothing is lost:
 * unknown columns are kept verbatim on the system (`inventory.columns`), values the catalogue
 * cannot resolve are kept and listed (`inventory.unresolved`), and a row that cannot become a
 * system at all is listed with why. Pure: catalogue and table in, plan out.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Catalog } from '../../catalog/index.ts';
import type { SkiSystem, Supplier } from '../../catalog/index.ts';
import type { Table } from './catalog-import-systems-read.ts';
import { listOf, mapColumns, type Field } from './catalog-import-systems-columns.ts';

export interface SystemConflict {
  system: string;
  field: 'supplierName' | 'areas' | 'useCases' | 'municipalities';
  catalogue: string;
  file: string;
  /** What the import does about it. */
  resolution: string;
}

export interface SkippedRow {
  row: number;
  reason: string;
  cells: Record<string, string>;
}

export interface ImportSystemsPlan {
  file: string;
  /** The header of every column and what the import reads from it ('kept' = verbatim). */
  columns: { header: string; field: Field | 'kept' }[];
  added: SkiSystem[];
  /** Matched systems as they will be, with the row they matched. */
  updated: { system: SkiSystem; row: number; changes: string[] }[];
  unchanged: string[];
  suppliersAdded: Supplier[];
  conflicts: SystemConflict[];
  skipped: SkippedRow[];
  /** Values the catalogue could not resolve, per system and column (also kept on the system). */
  unresolved: { system: string; column: string; values: string[] }[];
}

const fold = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFC')
    .replace(/\s+kommune$/, '')
    .replace(/[^a-z0-9æøå]/g, '');
const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'system';

/** A stable UUID (version 5 layout) from name and supplier: the inventory has no it-system UUID. */
function derivedUuid(name: string, supplier: string): string {
  const h = createHash('sha1')
    .update(`klarmeld-inventory\u0000${supplier}\u0000${fold(name)}`)
    .digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const union = (a: readonly string[], b: readonly string[]) => [...a, ...b.filter((x) => !a.includes(x))];
const missingFrom = (a: readonly string[], b: readonly string[]) => b.filter((x) => !a.includes(x));

export function planSystemImport(catalog: Catalog, table: Table, file: string): ImportSystemsPlan {
  const fields = mapColumns(table.headers);
  const plan: ImportSystemsPlan = {
    file,
    columns: table.headers.map((header, i) => ({ header, field: fields[i] ?? 'kept' })),
    added: [],
    updated: [],
    unchanged: [],
    suppliersAdded: [],
    conflicts: [],
    skipped: [],
    unresolved: [],
  };
  if (!fields.includes('name')) {
    plan.skipped.push(
      ...table.rows.map((r) => ({
        row: r.row,
        reason: 'The file has no column with the system name (e.g. "System", "Systemnavn", "SKI System navn").',
        cells: {},
      })),
    );
    return plan;
  }
  const municipalityByKey = new Map<string, string>();
  for (const m of catalog.municipalities)
    (municipalityByKey.set(m.cvr, m.cvr), municipalityByKey.set(fold(m.name), m.cvr));
  const areaIds = new Set(catalog.areas.map((a) => a.id));
  const useCaseIds = new Set(catalog.areas.flatMap((a) => a.useCases.map((u) => u.id)));
  const suppliers = new Map(catalog.suppliers.map((s) => [s.cvr, s]));
  const supplierByName = new Map(catalog.suppliers.map((s) => [fold(s.name), s.cvr]));
  const systems = new Map(catalog.systems.map((s) => [`${fold(s.name)}\u0000${s.supplier}`, s]));
  const ids = new Set(catalog.systems.map((s) => s.id));
  const uuids = new Set(catalog.systems.map((s) => s.userSystemUuid));
  const seen = new Map<string, number>();

  for (const { row, cells } of table.rows) {
    const get = (field: Field) => cells[fields.indexOf(field)] ?? '';
    const width = Math.max(table.headers.length, cells.length);
    const headerOf = (i: number) => table.headers[i] || `column ${i + 1}`;
    const verbatim = Object.fromEntries(
      Array.from({ length: width }, (_, i): [string, string] => [headerOf(i), cells[i] ?? '']).filter(
        ([, v]) => v !== '',
      ),
    );
    const name = get('name');
    if (!name) {
      plan.skipped.push({ row, reason: 'The row has no system name.', cells: verbatim });
      continue;
    }
    const cvrCell = get('supplierCvr').replace(/\D/g, '');
    const supplierName = get('supplier');
    const cvr = /^\d{8}$/.test(cvrCell) ? cvrCell : supplierByName.get(fold(supplierName));
    if (!cvr) {
      plan.skipped.push({
        row,
        reason: `The row names no supplier CVR${supplierName ? `, and the catalogue has no supplier named "${supplierName}"` : ''}: a system needs its supplier's CVR.`,
        cells: verbatim,
      });
      continue;
    }
    const key = `${fold(name)}\u0000${cvr}`;
    if (seen.has(key)) {
      plan.skipped.push({
        row,
        reason: `The same system (name and supplier) as row ${seen.get(key)}; merge the rows in the file.`,
        cells: verbatim,
      });
      continue;
    }
    seen.set(key, row);
    const known = suppliers.get(cvr);
    if (!known) {
      const added = { cvr, name: supplierName || `Leverandør ${cvr}`, fictional: false };
      (suppliers.set(cvr, added), supplierByName.set(fold(added.name), cvr), plan.suppliersAdded.push(added));
    } else if (supplierName && fold(supplierName) !== fold(known.name)) {
      plan.conflicts.push({
        system: name,
        field: 'supplierName',
        catalogue: known.name,
        file: supplierName,
        resolution: "kept the catalogue's name; the file's is kept verbatim on the system",
      });
    }
    const unresolved: Record<string, string[]> = {};
    const resolve = (field: Field, pick: (v: string) => string[], known: (id: string) => boolean, commas = false) => {
      const header = table.headers[fields.indexOf(field)] ?? field;
      const found: string[] = [];
      for (const value of listOf(get(field), commas)) {
        const ids = pick(value).filter(known);
        if (ids.length === 0) (unresolved[header] ??= []).push(value);
        for (const id of ids) if (!found.includes(id)) found.push(id);
      }
      return found;
    };
    const useCases = resolve(
      'useCases',
      (v) => v.match(/Y\d{2}\.[IVX]+\.\d+/g) ?? [],
      (id) => useCaseIds.has(id),
    );
    const areas = union(
      resolve(
        'areas',
        (v) => v.match(/\bY\d{2}\b/g) ?? [],
        (id) => areaIds.has(id),
      ),
      useCases.map((u) => u.split('.')[0]!),
    );
    const municipalities = resolve(
      'municipalities',
      (v) => [municipalityByKey.get(/^\d{8}$/.test(v) ? v : fold(v)) ?? ''],
      (id) => id !== '',
      true,
    );
    const fictional = /^(ja|yes|true|1|x)$/i.test(get('fictional'));
    const kept = Object.fromEntries(
      Array.from({ length: width }, (_, i): [string, string] => [headerOf(i), cells[i] ?? '']).filter(
        ([h, v], i) => v !== '' && (!fields[i] || (fields[i] === 'supplier' && known && fold(v) !== fold(known.name))),
      ),
    );
    const inventory = {
      source: basename(file),
      row,
      ...(Object.keys(kept).length ? { columns: kept } : {}),
      ...(Object.keys(unresolved).length ? { unresolved } : {}),
    };
    for (const [column, values] of Object.entries(unresolved)) plan.unresolved.push({ system: name, column, values });

    const existing = systems.get(key);
    if (existing) {
      const changes: string[] = [];
      const merged = { ...existing };
      for (const [field, values] of [
        ['areas', areas],
        ['useCases', useCases],
        ['municipalities', municipalities],
      ] as const) {
        const added = missingFrom(existing[field], values);
        const onlyCatalogue = values.length > 0 ? missingFrom(values, existing[field]) : [];
        if (added.length)
          ((merged[field] = union(existing[field], values)), changes.push(`${field} + ${added.join(', ')}`));
        if (onlyCatalogue.length) {
          plan.conflicts.push({
            system: existing.id,
            field,
            catalogue: onlyCatalogue.join(', '),
            file: '(not listed)',
            resolution: 'kept: the import adds, it never removes',
          });
        }
      }
      // The row number may move between exports of the same list; what it kept is what counts.
      const { row: _row, ...keptNow } = inventory;
      const { row: _before, ...keptBefore } = existing.inventory ?? { source: '' };
      if (
        (Object.keys(kept).length || Object.keys(unresolved).length) &&
        JSON.stringify(keptNow) !== JSON.stringify(keptBefore)
      ) {
        ((merged.inventory = inventory), changes.push('inventory'));
      }
      if (changes.length) plan.updated.push({ system: merged, row, changes });
      else plan.unchanged.push(existing.id);
      continue;
    }
    if (areas.length === 0) {
      plan.skipped.push({
        row,
        reason:
          'The row names no service area (Y05 … Y67) the catalogue knows, in its area or use case column: a system needs one.',
        cells: verbatim,
      });
      continue;
    }
    let id = slugOf(name);
    for (let n = 2; ids.has(id); n++) id = `${slugOf(name)}-${n}`;
    ids.add(id);
    let uuid = derivedUuid(name, cvr);
    for (let n = 2; uuids.has(uuid); n++) uuid = derivedUuid(`${name} ${n}`, cvr);
    uuids.add(uuid);
    plan.added.push({
      id,
      name,
      supplier: cvr,
      areas,
      useCases,
      municipalities,
      userSystemUuid: uuid,
      userSystemUuidDerived: true,
      exceptions: [],
      fictional,
      inventory,
    });
  }
  return plan;
}
