import { createRequire } from 'node:module';

let loaded: typeof import('yaml') | undefined;

/**
 * The `yaml` package, loaded on first need. Its 72 modules (~12 ms CPU of every start, issue 15)
 * serve only positions and syntax errors of a catalogue file (js-yaml reads a file without
 * mistakes) and an imported OpenAPI document, so a `klarmeld test` start does without them.
 */
export function yamlLibrary(): typeof import('yaml') {
  return (loaded ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}
