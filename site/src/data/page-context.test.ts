import { describe, expect, it } from 'vitest';
import type { SiteData } from './site-data.ts';
import { pageContext } from './page-context.ts';

const data = { catalog: { integrations: [] }, index: { integration: new Map() } } as unknown as SiteData;

describe('pageContext', () => {
  it("gives words, texts and links in the page's locale", () => {
    const da = pageContext({ data, locale: 'da' });
    const en = pageContext({ data, locale: 'en' });
    expect([da.t('systems'), en.t('systems')]).toEqual(['Systemer', 'Systems']);
    expect([da.pick('Formål', 'Purpose'), en.pick('Formål', 'Purpose'), en.pick('Kun dansk')]).toEqual([
      'Formål',
      'Purpose',
      'Kun dansk',
    ]);
    expect([da.href('system', 'jobcenter-plus'), en.href('integration', 'SF1590_A'), en.href('matrix')]).toEqual([
      '/systemer/jobcenter-plus/',
      '/en/integrationer/sf1590_a/',
      '/en/klarmelding/',
    ]);
    expect(en.useCaseHref('Y14', 'Y14.II.1')).toBe('/en/ydelsesomraader/y14/y14-ii-1/');
  });

  it("hands the page the build's catalogue and index", () => {
    const context = pageContext({ data, locale: 'da' });
    expect(context.catalog).toBe(data.catalog);
    expect(context.index).toBe(data.index);
    expect(context.locale).toBe('da');
  });
});
