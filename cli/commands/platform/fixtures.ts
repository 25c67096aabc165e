import { createElement } from 'react';
import { printJson, type PlatformContext } from './platform-context.ts';

/** `platform fixtures`: Korsbæk's test persons, units and users. */
export async function fixtures({ values }: PlatformContext): Promise<number> {
  const { listFixtures } = await import('../../services/platform-fixtures.ts');
  const list = await listFixtures();
  if (values.json) printJson(list);
  else {
    const { renderOnce } = await import('../../ui/render.ts');
    const { PlatformFixturesView } = await import('../../ui/platform-fixtures.ts');
    renderOnce(createElement(PlatformFixturesView, { fixtures: list }), process.stdout);
  }
  return 0;
}
