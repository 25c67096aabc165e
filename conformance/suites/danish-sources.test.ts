import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../catalog/index.ts';
import { suiteRequirements, type Requirement } from '../framework/index.ts';
import { genericSuitesFor, suitesByIntegration, suitesFor } from './index.ts';

/**
 * The site's Danish pages cite each requirement's `sourceDa`, the English pages and the run
 * document's reports its `source`. A source left out, or copied untranslated where its English
 * has words around the citations, would show on a Danish page as English.
 */
// Words of English sentences that Danish does not share (as in danish-titles.test.ts), plus a few
// a source writes ("as klarmeld … derived it", "operation", "request").
const englishWords =
  /(?<![\w-])(the|and|with|without|is|are|its|a|an|of|in|when|after|every|each|as|which|must|operation|request|attributes|pattern)(?![\w-])/i;
// A citation's own text (a path, an address, an XML name, a quoted title) is not prose: a README's section
// "(Callback Endpoints)" or a folder "Misc/Token examples" stays as the document names it.
const citationsRemoved = (source: string) =>
  source
    .replace(/\S+[/@]\S*( \S+\/\S*)*/g, ' ')
    .replace(/\S*:\S+/g, ' ')
    .replace(/§[\d.]+ \([^)]*\)/g, ' ')
    .replace(/"[^"]*"/g, ' ');

let catalog: Catalog;
let requirements: Requirement[];
beforeAll(async () => {
  ({ catalog } = await loadCatalog());
  const suites = Object.values(suitesFor(catalog));
  requirements = (await Promise.all(suites.map(async (s) => (await suiteRequirements(s)).requirements))).flat();
});

describe('every shipped requirement cites its source in Danish beside the English one', () => {
  it('covers the hand-written suites and the generic SOAP, REST and web-login suites', () => {
    const generic = Object.values(genericSuitesFor(catalog)).map((s) => s.integration);
    expect(Object.keys(suitesByIntegration).length).toBeGreaterThanOrEqual(5);
    // SF0101 and SF1510 have SOAP and REST operations, SF1511 and SF1515 are the web-login suites.
    expect(generic).toEqual(expect.arrayContaining(['SF0101', 'SF1510', 'SF1511', 'SF1515']));
    const ids = requirements.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['SF1520-R09', 'SF0101-G-AGREEMENT', 'SF1511-G-SSO-UNSIGNED']));
    expect(ids.some((id) => /^SF1510-G-.*REST.*-SECURITY$/.test(id))).toBe(true);
  });

  it('gives each a Danish source that does not read as English', () => {
    const problems = requirements.flatMap((r) => {
      if (!r.sourceDa?.trim()) return [`${r.id} has no sourceDa`];
      const english = englishWords.exec(citationsRemoved(r.sourceDa));
      return english ? [`${r.id}: sourceDa reads as English ("${english[0]}"): ${r.sourceDa}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('translates every English source that has words around its citations, and keeps the bare citations', () => {
    const prose = requirements.filter((r) => englishWords.test(citationsRemoved(r.source)));
    // The generic sources ("The official contract of …") and the SAML sources at least.
    expect(prose.length).toBeGreaterThan(50);
    expect(prose.filter((r) => r.sourceDa === r.source).map((r) => r.id)).toEqual([]);
    const r = (id: string) => requirements.find((q) => q.id === id)!;
    expect(r('SF0101-G-AGREEMENT').sourceDa).toBe(
      'Serviceplatformen: de tre forudsætninger for et kald (tilslutning, certifikat, serviceaftale)',
    );
    // A source that only cites documents is the same in both languages.
    expect(r('SF1514-R05').sourceDa).toBe(r('SF1514-R05').source);
  });
});
