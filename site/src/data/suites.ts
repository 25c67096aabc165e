import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface SuiteRequirement {
  id: string;
  level: string;
  text: string;
  source?: string;
}

export interface SuiteTest {
  id: string;
  title: string;
  requirements: string[];
}

/** What the site shows of an integration's conformance suite. */
export interface SuiteInfo {
  integration: string;
  requirements: SuiteRequirement[];
  tests: SuiteTest[];
}

/**
 * The conformance suites present in the repository, by integration id. A suite folder
 * without a readable requirements.yaml is left out: the page then says there is no suite.
 */
export async function readSuites(suitesDir: string): Promise<Map<string, SuiteInfo>> {
  const suites = new Map<string, SuiteInfo>();
  let folders: string[];
  try {
    folders = (await readdir(suitesDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch {
    return suites;
  }
  for (const folder of folders) {
    let doc: { integration?: string; requirements?: SuiteRequirement[] };
    try {
      doc = parse(await readFile(join(suitesDir, folder, 'requirements.yaml'), 'utf8'));
    } catch {
      continue;
    }
    const integration = doc.integration ?? folder;
    suites.set(integration, { integration, requirements: doc.requirements ?? [], tests: [] });
  }
  return suites;
}
