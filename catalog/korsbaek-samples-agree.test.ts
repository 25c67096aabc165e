import { describe, expect, it } from 'vitest';
import { loadCatalog } from './load-catalog.ts';

/**
 * SF1520 v5 is answered from its contract with samples (samples/SF1520.yaml) that repeat a test
 * person of korsbaek/persons.yaml, since the contract module answers every PNR from one set. They
 * must not drift apart: v4 and v5 would then answer the same PNR with two different persons.
 */
describe("the SF1520 contract samples and Korsbæk's test persons", () => {
  it('name the same person, with the same birth date, sex and name', async () => {
    const { catalog } = await loadCatalog();
    const samples = Object.fromEntries(
      catalog.samples
        .filter((s) => s.integration === 'SF1520')
        .flatMap((s) => s.samples)
        .map((s) => [s.field, s.values[0]]),
    );
    const person = catalog.korsbaek.persons?.persons.find((p) => p.pnr === samples['persondata/personnummer']);
    expect(person, `no test person has PNR ${samples['persondata/personnummer']}`).toBeDefined();
    const given = [person!.navn.fornavn, person!.navn.mellemnavn].filter(Boolean).join(' ');
    expect({
      name: samples['persondata/navn/personadresseringsnavn'],
      fornavn: samples['persondata/navn/fornavn'],
      mellemnavn: samples['persondata/navn/mellemnavn'],
      efternavn: samples['persondata/navn/efternavn'],
      foedselsdato: samples['persondata/foedselsdato/dato'],
      koen: samples['persondata/koen'],
    }).toEqual({
      name: `${person!.navn.efternavn},${given}`,
      fornavn: person!.navn.fornavn,
      mellemnavn: person!.navn.mellemnavn,
      efternavn: person!.navn.efternavn,
      foedselsdato: person!.foedselsdato,
      koen: person!.koen,
    });
  });
});
