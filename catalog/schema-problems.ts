import type { z } from 'zod';
import { catalogProblem, formatPath, type CatalogProblem, type ProblemName } from './problems/index.ts';
import { integrationIdProblem, isIntegrationIdIssue } from './schema/integration-id.ts';
import { allowedKeys, closest } from './schema-shape.ts';
import { typeWithArticle } from './type-words.ts';
import { positionAt, type YamlSource } from './yaml-source.ts';

type Path = (string | number)[];

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[step];
  }
  return value;
}

function describe(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value}"`;
  return `the ${typeof value} ${String(value)}`;
}

const isTitleField = (key: unknown) => key === 'title';

/**
 * Turns zod's issues for one file into problems a person can act on: the file, line, column
 * and field path of each, what is wrong, and how to fix it.
 */
export function schemaProblems(
  source: YamlSource,
  schema: z.ZodType,
  data: unknown,
  issues: z.core.$ZodIssue[],
): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const at = (name: ProblemName, path: Path, message: string, fix: string, key = false) => {
    const { line, column } = positionAt(source, path, key);
    problems.push(catalogProblem(name, { file: source.file, line, column, path: formatPath(path), message, fix }));
  };
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const last = path[path.length - 1];
    const value = valueAt(data, path);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const allowed = allowedKeys(schema, path);
          const guess = closest(key, allowed);
          at(
            'unknown-field',
            [...path, key],
            `The field "${key}" is not part of the catalogue schema.`,
            guess
              ? `Did you mean "${guess}"? Rename the field, or remove it.`
              : `Remove the field, or use one of: ${allowed.join(', ')}.`,
            true,
          );
        }
        break;
      case 'invalid_type':
        if (path.length === 0) {
          at(
            'wrong-type',
            path,
            `The file holds ${value === undefined ? 'nothing' : describe(value)} instead of a mapping of fields.`,
            `Write the fields as "name: value" lines; see ${allowedKeys(schema, []).join(', ')}.`,
          );
        } else if (value === undefined && isTitleField(last)) {
          at(
            'missing-title',
            path,
            'The Danish title is missing.',
            'Add "title:" with the Danish title exactly as KOMBIT writes it.',
          );
        } else if (value === undefined) {
          at(
            'missing-field',
            path,
            `The required field "${String(last)}" is missing.`,
            `Add "${String(last)}:" (${issue.expected} expected).`,
          );
        } else {
          at(
            'wrong-type',
            path,
            `Expected ${typeWithArticle(issue.expected)} but found ${describe(value)}.`,
            issue.expected === 'string'
              ? 'Write the value as text; put quotes around numbers such as CVR numbers or versions.'
              : `Write ${typeWithArticle(issue.expected)} here.`,
          );
        }
        break;
      case 'too_small':
        if (isTitleField(last) && typeof value === 'string') {
          at(
            'missing-title',
            path,
            'The Danish title is empty.',
            'Write the Danish title exactly as KOMBIT writes it.',
          );
        } else {
          at(
            'invalid-value',
            path,
            `The value is too short or has too few entries (at least ${String(issue.minimum)}).`,
            issue.message,
          );
        }
        break;
      case 'invalid_format':
        if (isIntegrationIdIssue(issue)) {
          const { message, fix } = integrationIdProblem(value);
          at('invalid-value', path, message, fix);
        } else if (typeof last === 'string' && /uuid$/i.test(last)) {
          at('malformed-uuid', path, `${describe(value)} is not a well-formed UUID.`, issue.message);
        } else {
          at('invalid-value', path, `${describe(value)} does not have the expected form.`, issue.message);
        }
        break;
      case 'invalid_value':
        // zod reports a missing enum field as a wrong value; the reader needs to hear it is missing.
        if (value === undefined) {
          at(
            'missing-field',
            path,
            `The required field "${String(last)}" is missing.`,
            `Add "${String(last)}:" with one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`,
          );
          break;
        }
        at(
          'invalid-value',
          path,
          `${describe(value)} is not one of the allowed values.`,
          `Use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`,
        );
        break;
      default:
        at('invalid-value', path, `${describe(value)} is not allowed here.`, issue.message);
    }
  }
  return problems;
}
