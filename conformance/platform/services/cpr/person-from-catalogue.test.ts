import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultDataDir, loadCatalog, type KorsbaekPerson } from '../../../../catalog/index.ts';
import { tempDirs } from '../../../../catalog/test-fixtures/temp-dirs.ts';
import { personLookupAction } from '../../../clients/index.ts';
import type { RunningPlatform } from '../../server/start-platform.ts';
import { agentFor, approvedPersonLookup, postSoap, startTestPlatform } from '../../testing/test-platform.ts';

/**
 * The CPR replica's answer is the catalogue's test person (catalog/data/korsbaek/persons.yaml):
 * the platform started with a catalogue serves that catalogue's persons, not a copy of its own.
 */
const temp = tempDirs();
const platforms: RunningPlatform[] = [];
afterEach(async () => {
  await Promise.all(platforms.splice(0).map((p) => p.stop()));
});

/** The text of the first element with this local name in the answer. */
const field = (xml: string, name: string) =>
  new RegExp(`<(?:\\w+:)?${name}>([^<]*)</(?:\\w+:)?${name}>`).exec(xml)?.[1];

async function lookUpAnne(dataDir: string): Promise<{ answer: string; anne: KorsbaekPerson; cvr: string }> {
  const { catalog, problems } = await loadCatalog(dataDir);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  const persons = catalog.korsbaek.persons!;
  const platform = await startTestPlatform({ catalog });
  platforms.push(platform);
  const system = await platform.admin.addSystem({ name: 'CPR from the catalogue' });
  const agent = agentFor(system);
  try {
    const res = await postSoap(
      agent,
      `${platform.url}/service/CPR/PersonBaseDataExtended/4`,
      approvedPersonLookup(platform, system),
      { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${personLookupAction}"` },
    );
    expect(res.status, res.body.slice(0, 300)).toBe(200);
    return {
      answer: res.body,
      anne: persons.persons.find((p) => p.pnr === '0103701111')!,
      cvr: persons.municipality.cvr,
    };
  } finally {
    await agent.close();
  }
}

describe('the CPR replica answers with the catalogue’s test person', () => {
  it('names, dates and the address as korsbaek/persons.yaml has them', async () => {
    const { answer, anne, cvr } = await lookUpAnne(defaultDataDir());
    expect({
      personnummer: field(answer, 'personnummer'),
      fornavn: field(answer, 'fornavn'),
      mellemnavn: field(answer, 'mellemnavn'),
      efternavn: field(answer, 'efternavn'),
      foedselsdato: field(answer.slice(answer.indexOf('foedselsdato>')), 'dato'),
      koen: field(answer, 'koen'),
      stilling: field(answer, 'stilling'),
      vejnavn: field(answer, 'vejnavn'),
      husnummer: field(answer, 'husnummer'),
      kommuneCvr: field(answer, 'kommuneCvr'),
    }).toEqual({
      personnummer: anne.pnr,
      fornavn: anne.navn.fornavn,
      mellemnavn: anne.navn.mellemnavn,
      efternavn: anne.navn.efternavn,
      foedselsdato: anne.foedselsdato,
      koen: anne.koen,
      stilling: anne.stilling,
      vejnavn: anne.adresse?.vejnavn,
      husnummer: anne.adresse?.husnummer,
      kommuneCvr: cvr,
    });
  });

  it('follows a change in the catalogue: a renamed person is answered under the new name', async () => {
    const dir = await temp.make('cpr-catalogue-');
    await cp(defaultDataDir(), dir, { recursive: true });
    const file = join(dir, 'korsbaek', 'persons.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(
      file,
      text.replace('{ fornavn: Anne, mellemnavn: Marie, efternavn: Hansen }', '{ fornavn: Anna, efternavn: Skjern }'),
    );
    const { answer } = await lookUpAnne(dir);
    expect([field(answer, 'fornavn'), field(answer, 'mellemnavn'), field(answer, 'efternavn')]).toEqual([
      'Anna',
      undefined,
      'Skjern',
    ]);
  });
});
