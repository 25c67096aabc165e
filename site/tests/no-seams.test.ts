import { homedir, tmpdir } from 'node:os';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/index.ts';
import type { Catalog } from '../../catalog/index.ts';
import { idSlug } from '../src/data/paths.ts';
import { readSuites, type SuiteInfo } from '../src/data/suites.ts';
import { ensureSiteBuilt, repoRoot } from './support/site-build.ts';
import { testSheetEnv } from './support/test-sheet.ts';

/**
 * What a reader of the published site must never meet: a path of the machine that built it, or
 * the project's internal papers cited as sources. Sources name public documents instead.
 */
const internal: [string, RegExp][] = [
  ['an issue of the project', /\bissue\s+#?\d+/i],
  ['the design notes', /DESIGN\.md/],
  ['the facts file', /facts\.md/],
  ['the claims file', /CLAIMS\.md/],
  ['a seed file name', /seeds\/\d/],
  ['a folder of the shared contracts copy', /\b[\w-]+__[\w.-]+\//],
];

const buildMachinePaths = () => [repoRoot, tmpdir(), homedir()].filter((p) => p.length > 1);

const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The source a requirement's entry shows, as a reader sees it (its citations are links). */
const shownSource = (html: string, requirement: string) => {
  const entry = new RegExp(
    `<li id="req-${requirement}">(?:(?!</li>)[\\s\\S])*?<small class="km-muted km-source">([\\s\\S]*?)</small>`,
  );
  const shown = entry.exec(html)?.[1];
  return shown === undefined ? undefined : textOf(shown.replace(/<[^>]+>/g, ''));
};

let dist: string;
let pages: Map<string, string>;
let catalog: Catalog;
let suites: Map<string, SuiteInfo>;

beforeAll(async () => {
  dist = await ensureSiteBuilt(await testSheetEnv());
  const files = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.html'));
  pages = new Map(
    await Promise.all(files.map(async (f) => [f, await readFile(join(dist, f), 'utf8')] as [string, string])),
  );
  ({ catalog } = await loadCatalog());
  suites = await readSuites(join(repoRoot, 'conformance', 'suites'), catalog);
}, 300_000);

const page = (...parts: string[]) => pages.get(join(...parts, 'index.html'))!;

describe('the built site has no seams', () => {
  it('shows no path of the machine that built it (the sheet is named, not located)', () => {
    expect(pages.size).toBeGreaterThan(100);
    const found = [...pages].flatMap(([file, html]) =>
      buildMachinePaths()
        .filter((p) => html.includes(p))
        .map((p) => `${file}: ${p}`),
    );
    expect(found.slice(0, 10)).toEqual([]);
  });

  it('cites no internal paper as a source: no issue, DESIGN.md, facts.md, CLAIMS.md, seed file or contracts folder', () => {
    const found = [...pages].flatMap(([file, html]) => {
      const text = textOf(html);
      return internal.flatMap(([what, pattern]) => {
        const hit = pattern.exec(text);
        return hit
          ? [`${relative('.', file)}: ${what}: …${text.slice(Math.max(0, hit.index - 60), hit.index + 40)}…`]
          : [];
      });
    });
    expect(found.slice(0, 10)).toEqual([]);
  });

  it('links each cited public document: a repository file at its commit on GitHub, a web page at its address', () => {
    const html = page('integrationer', 'sf1514');
    expect(html).toContain(
      'href="https://github.com/itk-dev/serviceplatformen/blob/9afa6353/src/Service/SF1514/SF1514.php"',
    );
    expect(html).toContain(
      'href="https://github.com/kombit/kosdy_infrastructureSamples-java/blob/93c9b6b3/src/main/resources/wsdl/sts.wsdl"',
    );
    expect(page('integrationer', 'sf1470')).toContain('href="https://digitaliseringskataloget.dk/integration/sf1470"');
  });

  it("shows the catalogue's notes in the page's language", () => {
    const withNotes = catalog.integrations.filter((i) => i.notes);
    expect(withNotes.length).toBeGreaterThan(10);
    for (const i of withNotes) {
      expect(i.notesEn, `${i.id} has notes without an English twin`).toBeTruthy();
      const da = textOf(page('integrationer', idSlug(i.id)));
      const en = textOf(page('en', 'integrationer', idSlug(i.id)));
      expect(da, `${i.id}'s Danish page`).toContain(i.notes!);
      expect(da, `${i.id}'s Danish page`).not.toContain(i.notesEn!);
      expect(en, `${i.id}'s English page`).toContain(i.notesEn!);
    }
  });

  it('shows every requirement of every suite in Danish on the Danish page and in English on the English one', () => {
    expect(suites.size).toBeGreaterThan(3);
    for (const suite of suites.values()) {
      const da = textOf(page('integrationer', idSlug(suite.integration)));
      const en = textOf(page('en', 'integrationer', idSlug(suite.integration)));
      for (const r of suite.requirements) {
        expect(r.textDa, `${r.id} has no Danish text`).toBeTruthy();
        expect(da, `${r.id} on the Danish page`).toContain(r.textDa!);
        expect(da, `${r.id} on the Danish page`).not.toContain(r.text);
        expect(en, `${r.id} on the English page`).toContain(r.text);
      }
    }
  });

  it("cites every requirement's source in Danish on the Danish page and in English on the English one", () => {
    const translated = [...suites.values()].flatMap((s) => s.requirements).filter((r) => r.sourceDa !== r.source);
    // The generic suites' sources ("The official contract of …") and the SAML ones at least.
    expect(translated.length).toBeGreaterThan(50);
    for (const suite of suites.values()) {
      const da = page('integrationer', idSlug(suite.integration));
      const en = page('en', 'integrationer', idSlug(suite.integration));
      for (const r of suite.requirements) {
        expect(r.sourceDa, `${r.id} has no Danish source`).toBeTruthy();
        expect(shownSource(da, r.id), `${r.id}'s source on the Danish page`).toBe(`Kilde: ${r.sourceDa!}`);
        expect(shownSource(en, r.id), `${r.id}'s source on the English page`).toBe(`Source: ${r.source!}`);
      }
    }
  });

  it("shows the code blocks' and the REST contract tables' own words in the page's language", () => {
    // Starlight's Danish translation has no words for Expressive Code's copy button and terminal frame.
    const english = ['Copy to clipboard', 'Copied!', 'Terminal window', 'Request body'];
    const found = [...pages]
      .filter(([file]) => !file.startsWith('en/'))
      .flatMap(([file, html]) => english.filter((w) => html.includes(w)).map((w) => `${file}: ${w}`));
    expect(found.slice(0, 10)).toEqual([]);
    const guide = ['guider', 'tester-dit-system'];
    expect(page(...guide)).toContain('Kopiér til udklipsholder');
    expect(page(...guide)).toContain('Terminalvindue');
    expect(page('en', ...guide)).toContain('Copy to clipboard');
    expect(page('en', ...guide)).toContain('Terminal window');
    expect(textOf(page('integrationer', 'sf1514'))).toContain('Forespørgslens indhold (body):');
    expect(textOf(page('en', 'integrationer', 'sf1514'))).toContain('Request body:');
  });

  it("shows every suite's and test's title in Danish on the Danish page and in English on the English one", () => {
    // Suite titles are mostly the integration's Danish name; those whose English differs are checked both ways.
    const differing = [...suites.values()].filter((s) => s.titleDa !== s.title);
    expect(differing.length).toBeGreaterThan(3);
    for (const suite of suites.values()) {
      const da = textOf(page('integrationer', idSlug(suite.integration)));
      const en = textOf(page('en', 'integrationer', idSlug(suite.integration)));
      expect(suite.titleDa, `${suite.integration}'s suite has no Danish title`).toBeTruthy();
      expect(da, `${suite.integration}'s suite on the Danish page`).toContain(`${suite.titleDa!}, v${suite.version}`);
      expect(en, `${suite.integration}'s suite on the English page`).toContain(`${suite.title}, v${suite.version}`);
      if (suite.titleDa !== suite.title) expect(da).not.toContain(suite.title);
      for (const test of suite.tests) {
        // A test's title is the tooltip of its id, beside each requirement it verifies.
        expect(test.titleDa, `${test.id} has no Danish title`).toBeTruthy();
        expect(da, `${test.id} on the Danish page`).toContain(`title="${test.titleDa!}"`);
        expect(da, `${test.id} on the Danish page`).not.toContain(`title="${test.title}"`);
        expect(en, `${test.id} on the English page`).toContain(`title="${test.title}"`);
      }
    }
  });
});
