import { compareVersions } from './compare-versions.ts';
import type { IntegrationVersion } from './schema/index.ts';

/** A version whose number KOMBIT's sources give. */
export type NumberedVersion = IntegrationVersion & { version: string };

export const isNumbered = (version: IntegrationVersion): version is NumberedVersion => version.version !== undefined;

/**
 * An integration's versions, oldest first. Numbered versions sort by number. A version without
 * a number (KOMBIT's number is not in the sources) sorts where the file lists it: right after
 * the numbered versions listed before it. Its place in the list is the only thing that says how
 * old it is, and the file lists versions oldest first.
 */
export function oldestFirst<V extends IntegrationVersion>(versions: readonly V[]): V[] {
  const numbered = versions
    .filter((v): v is V & NumberedVersion => isNumbered(v))
    .sort((a, b) => compareVersions(a.version, b.version));
  const unnumbered = new Map<number, V[]>();
  let numberedSoFar = 0;
  for (const version of versions) {
    if (isNumbered(version)) numberedSoFar++;
    else unnumbered.set(numberedSoFar, [...(unnumbered.get(numberedSoFar) ?? []), version]);
  }
  return [...numbered, undefined].flatMap((version, index) => [
    ...(unnumbered.get(index) ?? []),
    ...(version ? [version] : []),
  ]);
}

export const newestFirst = <V extends IntegrationVersion>(versions: readonly V[]): V[] =>
  oldestFirst(versions).reverse();
