import { render } from 'ink-testing-library';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/index.ts';
import { loadCatalog } from '../../catalog/index.ts';
import { listIntegrations, showIntegration } from '../services/catalog-views.ts';
import { CatalogListView } from './catalog-list.ts';
import { CatalogShowView } from './catalog-show.ts';

const frameOf = (element: React.ReactElement) => {
  const { frames, unmount } = render(element);
  unmount();
  return frames.filter((f) => f.trim()).at(-1) ?? '';
};

let catalog: Catalog;
beforeAll(async () => {
  ({ catalog } = await loadCatalog());
});

/** SF1490's version exists ('I drift', YdelsesIndeksService v6) but KOMBIT's number for it is not in the sources. */
describe('a version whose number is not published, in the CLI', () => {
  it('catalog show says so for the current version and the version heading, and keeps the service version', () => {
    const frame = frameOf(<CatalogShowView details={showIntegration(catalog, 'SF1490')} />);
    expect(frame).toMatch(/current version\s+number not published \(I drift\)/);
    expect(frame).toMatch(/version \(number not published\) I drift/);
    expect(frame).toContain('YdelsesIndeksService v6');
    expect(frame).not.toMatch(/undefined|version 6/);
  });

  it('catalog show still gives a published number', () => {
    const frame = frameOf(<CatalogShowView details={showIntegration(catalog, 'SF1500')} />);
    expect(frame).toMatch(/current version\s+3\.1 \(I drift\)/);
    expect(frame).toMatch(/version 3\.1 I drift/);
  });

  it('catalog list marks it v– and explains the mark once', () => {
    const rows = listIntegrations(catalog);
    expect(rows.find((r) => r.id === 'SF1490')).toMatchObject({ lifecycle: 'I drift' });
    expect(rows.find((r) => r.id === 'SF1490')).not.toHaveProperty('currentVersion');
    const frame = frameOf(<CatalogListView rows={rows} />);
    expect(frame).toMatch(/SF1490\s+v– I drift/);
    expect(frame).toMatch(/SF1500\s+v3\.1 I drift/);
    expect(frame.match(/v–: KOMBIT's version number not published/g)).toHaveLength(1);
    expect(frame).not.toContain('undefined');
  });
});
