import { basename } from 'node:path';
import type { DataFile } from './data-files.ts';
import { fileKinds, fileKindOf, type FileKindName } from './file-kinds.ts';
import type { Origins } from './origins.ts';
import { catalogProblem, type CatalogProblem } from './problems/index.ts';
import { salvage } from './salvage.ts';
import { schemaReferenceFor } from './schema/json-schemas.ts';
import { schemaProblems } from './schema-problems.ts';
import { parseYamlSource, positionAt, syntaxProblems, type YamlSource } from './yaml-source.ts';

export interface LoadedFile {
  kind?: FileKindName;
  /** Items that passed validation (for an integration file, at most one). */
  items: object[];
  /** Items that failed validation but could be checked for references once the bad fields were removed. */
  salvaged: object[];
  /** Ids (or other keys) found in the raw data, valid or not, so one broken item does not make every reference to it dangle. */
  rawItems: Record<string, unknown>[];
  /** True when the file could not be parsed at all, so its contents are unknown. */
  broken: boolean;
  problems: CatalogProblem[];
}

const asRecords = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => v !== null && typeof v === 'object') : [];

/** Parses and validates one data file against the schema its path selects. */
export function loadFile(data: DataFile, origins: Origins): LoadedFile {
  const { file } = data;
  const kind = fileKindOf(file);
  const result: LoadedFile = { items: [], salvaged: [], rawItems: [], broken: false, problems: [] };
  if (!kind) {
    result.problems.push(
      catalogProblem('unknown-file', {
        file,
        message: `The catalogue does not know what "${file}" holds, so it is not read.`,
        fix: 'Put integrations in integrations/<ID>.yaml, Korsbæk samples in samples/<ID>.yaml and Korsbæk test data in korsbaek/ (persons, organisation, classes, cases .yaml); the other files are service-areas.yaml, integration-packages.yaml, suppliers.yaml, systems.yaml, municipalities.yaml and onboarding-statuses.yaml. Move or remove this file.',
      }),
    );
    return result;
  }
  result.kind = kind;
  if (data.text === undefined) {
    result.broken = true;
    result.problems.push(
      catalogProblem('unreadable-file', {
        file,
        message: `The file cannot be read: ${data.readError}.`,
        fix: 'Check that the file exists and is readable.',
      }),
    );
    return result;
  }
  const source = parseYamlSource(file, data.text);
  const { data: raw, syntax } = source.read();
  for (const s of syntax) {
    result.problems.push(
      catalogProblem('yaml-syntax', {
        file,
        line: s.line,
        column: s.column,
        message: s.message,
        fix: 'Correct the YAML at this position (indentation, a missing colon, quote or bracket).',
      }),
    );
  }
  const spec = fileKinds[kind];
  result.rawItems = 'list' in spec ? asRecords((raw as Record<string, unknown> | null)?.[spec.list]) : asRecords([raw]);
  if (syntax.length > 0) {
    // Validating half-parsed YAML would report mistakes that are only echoes of the syntax error.
    result.broken = true;
    return result;
  }
  checkSchemaReference(source, raw, spec.kind, file.includes('/'), result.problems);
  const parsed = spec.schema.safeParse(raw);
  if (parsed.success) {
    const value = parsed.data as Record<string, unknown>;
    if ('list' in spec) {
      (value[spec.list] as object[]).forEach((item, index) => {
        origins.record(item, source, [spec.list, index]);
        result.items.push(item);
      });
    } else {
      // $schema tells editors how to check the file; it is not part of the integration.
      delete value.$schema;
      origins.record(value, source, []);
      result.items.push(value);
    }
  } else {
    result.problems.push(...schemaProblems(source, spec.schema, raw, parsed.error.issues));
    if ('list' in spec) {
      // Keep the valid items of a collection so the rest of the catalogue can still be checked.
      result.rawItems.forEach((rawItem, index) => {
        const item = spec.item.safeParse(rawItem);
        if (item.success) {
          origins.record(item.data as object, source, [spec.list, index]);
          result.items.push(item.data as object);
        } else {
          const rescued = salvage(spec.item, rawItem, item.error.issues) as object | undefined;
          if (rescued) origins.record(rescued, source, [spec.list, index]);
          if (rescued) result.salvaged.push(rescued);
        }
      });
    } else {
      const rescued = salvage(spec.schema, raw, parsed.error.issues) as object | undefined;
      if (rescued) origins.record(rescued, source, []);
      if (rescued) result.salvaged.push(rescued);
    }
  }
  if (kind === 'integration') {
    const id = result.rawItems[0]?.id;
    const expected = basename(file, '.yaml');
    if (typeof id === 'string' && id !== expected) {
      const { line, column } = positionAt(source, ['id']);
      result.problems.push(
        catalogProblem('file-name-mismatch', {
          file,
          line,
          column,
          path: 'id',
          message: `The file is named ${expected}.yaml but holds the integration "${id}".`,
          fix: `Rename the file to integrations/${id}.yaml, or correct the id.`,
        }),
      );
    }
  }
  return result;
}

/** Each data file names its JSON Schema on its first line, so editors validate it as it is typed. */
function checkSchemaReference(
  source: YamlSource,
  raw: unknown,
  kind: string,
  inIntegrations: boolean,
  problems: CatalogProblem[],
): void {
  const expected = schemaReferenceFor(kind, inIntegrations);
  const actual = (raw as Record<string, unknown> | null)?.$schema;
  if (actual === expected) return;
  const { line, column } = positionAt(source, ['$schema']);
  problems.push(
    catalogProblem('schema-reference', {
      file: source.file,
      line,
      column,
      path: '$schema',
      severity: 'warning',
      message:
        actual === undefined
          ? 'The file does not name its JSON Schema.'
          : `The file names the JSON Schema "${String(actual)}".`,
      fix: `Start the file with "$schema: ${expected}" so editors check it as you type.`,
    }),
  );
}
