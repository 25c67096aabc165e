import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, loadKorsbaek } from '../../../catalog/index.ts';
import { tempDirs } from '../../../catalog/test-fixtures/temp-dirs.ts';
import { EnvironmentError } from '../../framework/index.ts';
import { korsbaekData, korsbaekKeys, withKorsbaekOf } from './korsbaek-data.ts';

const temp = tempDirs();

describe("Korsbæk's test data the suites compare what a system shows with", () => {
  it("is the catalogue's: the keys the suites use name a person, a user and a unit there, the unknown ones nothing", async () => {
    const { korsbaek } = await loadKorsbaek();
    const data = await korsbaekData();
    expect(data.persons).toEqual(korsbaek.persons?.persons);
    expect(data.persons.map((p) => p.pnr)).toContain(korsbaekKeys.personCpr);
    expect(data.persons.map((p) => p.pnr)).not.toContain(korsbaekKeys.unknownCpr);
    expect(data.user).toMatchObject({ uuid: korsbaekKeys.userUuid, name: 'Ulla Jakobsen', userId: 'ULJA' });
    expect(data.unit).toMatchObject({ uuid: korsbaekKeys.unitUuid, name: 'Jobcenter Korsbæk' });
    expect(korsbaek.organisation?.users.map((u) => u.uuid)).not.toContain(korsbaekKeys.unknownUserUuid);
  });

  it('follows the catalogue: a user renamed there is the name the suites expect', async () => {
    const dir = await temp.make('korsbaek-data-');
    await cp(join(defaultDataDir(), 'korsbaek'), join(dir, 'korsbaek'), { recursive: true });
    const file = join(dir, 'korsbaek', 'organisation.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('name: Ulla Jakobsen', 'name: Ulla Jakobsen-Skjern'));
    expect((await korsbaekData(dir)).user.name).toBe('Ulla Jakobsen-Skjern');
  });

  it("is klarmeld's fault, naming the file and line, when the catalogue's data is broken", async () => {
    const dir = await temp.make('korsbaek-data-');
    await cp(join(defaultDataDir(), 'korsbaek'), join(dir, 'korsbaek'), { recursive: true });
    const file = join(dir, 'korsbaek', 'persons.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('koen: K', 'koen: X'));
    const error = await korsbaekData(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as EnvironmentError).message).toMatch(
      /has no persons .*korsbaek\/persons\.yaml:\d+ .*klarmeld catalog check/,
    );
  });

  it("inside a run is that run's catalogue's data, each concurrent run its own, and the shipped data outside", async () => {
    const { korsbaek } = await loadKorsbaek();
    const renamed = (name: string) => ({
      ...korsbaek,
      organisation: {
        ...korsbaek.organisation!,
        users: korsbaek.organisation!.users.map((u) => (u.uuid === korsbaekKeys.userUuid ? { ...u, name } : u)),
      },
    });
    const [first, second] = await Promise.all(
      ['Ulla Først', 'Ulla Anden'].map((name) =>
        withKorsbaekOf(renamed(name), async () => {
          await new Promise((done) => setImmediate(done));
          return (await korsbaekData()).user.name;
        }),
      ),
    );
    expect([first, second]).toEqual(['Ulla Først', 'Ulla Anden']);
    expect((await korsbaekData()).user.name).toBe('Ulla Jakobsen');
  });

  it("inside a run whose catalogue lacks the user the suites use, is klarmeld's fault", async () => {
    const { korsbaek } = await loadKorsbaek();
    const without = { ...korsbaek, organisation: { ...korsbaek.organisation!, users: [] } };
    const error = await withKorsbaekOf(without, () => korsbaekData()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as EnvironmentError).message).toMatch(
      /has no user .*korsbaek\/organisation\.yaml.*klarmeld catalog check/,
    );
  });
});
