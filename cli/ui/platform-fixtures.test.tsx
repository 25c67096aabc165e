import { renderToString } from 'ink';
import { describe, expect, it } from 'vitest';
import { listFixtures } from '../services/platform-fixtures.ts';
import { PlatformFixturesView } from './platform-fixtures.ts';

describe('klarmeld platform fixtures', () => {
  it('lists every test person with what is special about them, and says the data is fictional', async () => {
    const fixtures = await listFixtures();
    expect(fixtures.persons.map((p) => p.pnr)).toContain('0202301119');
    const text = renderToString(<PlatformFixturesView fixtures={fixtures} />, { columns: 140 });
    expect(text).toContain('Korsbæk Kommune (CVR 11111111)');
    expect(text).toContain('fictional');
    for (const p of fixtures.persons) expect(text).toContain(p.pnr);
    expect(text).toMatch(/0202301119\s+Poul Andersen\s+Død/);
    if (fixtures.users.length > 0) expect(text).toContain('Users (SF1500)');
  });
});
