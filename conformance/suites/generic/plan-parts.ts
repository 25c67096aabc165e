import type { MessageField } from '../../../catalog/index.ts';

/** A name as a group id part: `Klasse` `laes` → `klasse-laes`, stable while the catalogue names them so. */
export const label = (text: string) =>
  text
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

/**
 * The values of the samples whose field (a local name or a path of them) ends a simple field's path
 * of the answer's tree: the Korsbæk data the platform puts in its answer, which the system must show.
 */
export function sampleValuesInAnswer(
  output: MessageField[],
  samples: readonly { field: string; values: readonly string[] }[],
): string[] {
  const paths: string[][] = [];
  const walk = (fields: MessageField[], path: string[]) => {
    for (const f of fields) {
      if (f.fields) walk(f.fields, [...path, f.name]);
      else paths.push([...path, f.name]);
    }
  };
  walk(output, []);
  const reaches = (field: string) => {
    const parts = field.split('/');
    return paths.some((p) => parts.length <= p.length && parts.every((x, i) => p[p.length - parts.length + i] === x));
  };
  return [...new Set(samples.filter((s) => reaches(s.field)).flatMap((s) => s.values))];
}
