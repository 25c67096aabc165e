import { describe, expect, it } from 'vitest';
import type { MessageField } from '../schema/message.ts';
import { OFFICIAL, official } from './official-contracts.ts';
import { restMessages } from './openapi-messages.ts';
import { readOpenApi } from './read-openapi.ts';

const find = (fields: MessageField[] | undefined, ...path: string[]): MessageField | undefined => {
  let field: MessageField | undefined;
  for (const name of path) {
    field = fields?.find((f) => f.name === name);
    fields = field?.fields;
  }
  return field;
};

describe('restMessages', () => {
  const model = readOpenApi(official(OFFICIAL.klassifikationRest));
  const messages = restMessages(model.operations[0]!, 'http://www.kombit.dk/int/2022/01/01/');

  it("reads KlassifikationListeHentREST's request body as a field tree named after its schema", () => {
    expect(messages.input).toMatchObject({
      element: 'KlassifikationListeHent_O',
      namespace: 'http://www.kombit.dk/int/2022/01/01/',
    });
    const liste = find(messages.input!.fields, 'KlassifikationListe');
    // An array with minItems 1, required: one or more.
    expect(liste).toMatchObject({ maxOccurs: 'unbounded' });
    expect(liste!.minOccurs).toBeUndefined();
    const id = find(liste!.fields, 'KlassifikationStruktur', 'KlassifikationIdentifikation');
    expect(id).toMatchObject({ type: 'KlassifikationIdentifikation', base: 'string' });
    // The anchors of the JSON Schema pattern are gone: the catalogue's patterns match the whole value.
    expect(id!.pattern).toEqual(['[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}']);
    const retskilde = find(liste!.fields, 'KlassifikationStruktur', 'KlassifikationRetskilde');
    expect(retskilde).toMatchObject({ minOccurs: 0, maxLength: 4096 });
    const fraDato = find(liste!.fields, 'KlassifikationStruktur', 'KlassifikationPubliceretFraDato');
    expect(fraDato).toMatchObject({ base: 'date' });
  });

  it('reads the 200 answer, allOf merged: HovedoplysningerSvarREST/SvarReaktion/Advis and Fejl', () => {
    expect(messages.output!.element).toBe('KlassifikationListeHentREST_post_response');
    const advis = find(messages.output!.fields, 'HovedoplysningerSvarREST', 'SvarReaktion', 'Advis');
    expect(advis!.minOccurs).toBe(0);
    expect(advis!.fields!.map((f) => [f.name, f.minOccurs ?? 1])).toEqual([
      ['AdvisId', 1],
      ['AdvisTekst', 1],
      ['KildeId', 0],
      ['Identifikation', 0],
      ['status', 0],
    ]);
    expect(find(messages.output!.fields, 'HovedoplysningerSvarREST')!.minOccurs).toBeUndefined();
  });

  it('reads the headers: x-TransaktionsId required with its UUID pattern, x-TransaktionsTid a dateTime', () => {
    const byName = Object.fromEntries(messages.parameters.map((p) => [p.name, p]));
    expect(byName['x-TransaktionsId']).toMatchObject({ in: 'header', required: true, type: 'x-TransaktionsId' });
    expect(byName['x-TransaktionsId']!.pattern![0]).toMatch(/^\[0-9A-Fa-f\]\{8\}/);
    expect(byName['x-TransaktionsTid']).toMatchObject({ required: true, base: 'dateTime' });
    expect(byName['x-OnBehalfOfUser']!.required).toBeUndefined();
    expect(messages.parameters).toHaveLength(9);
  });
});
