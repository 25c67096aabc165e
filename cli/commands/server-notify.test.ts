import { expect, it } from 'vitest';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { klarmeld } from '../testing/klarmeld.ts';

const temp = tempDirs();

it('klarmeld server refuses an --smtp that is not an smtp:// URL, and a warning that is not days, before it starts', async () => {
  const data = await temp.make('klarmeld-server-notify-');
  const smtp = await klarmeld('server', '--smtp', 'mail.kombit.example:25', '--data', data);
  expect(smtp.exit).toBe(2);
  expect(smtp.stderr).toMatch(/--smtp mail\.kombit\.example:25: the URL must start with smtp:\/\/ or smtps:\/\//);
  const days = await klarmeld('server', '--certificate-warning', 'soon', '--data', data);
  expect(days.stderr).toMatch(/--certificate-warning soon is not a number of days/);
}, 60_000);
