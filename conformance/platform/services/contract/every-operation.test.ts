import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../../catalog/index.ts';
import { OFFICIAL, official } from '../../../../catalog/index.ts';
import { xmllintAvailable, xmllintFindings } from '../../../../catalog/index.ts';
import { loadCatalog } from '../../../../catalog/index.ts';
import { klasse7Schema, pbd5Schema, print2Schema, removeSchemaCopies } from '../../testing/official-schemas.ts';
import { buildMessage } from './build-message.ts';
import { contractServices, type ContractService } from './contract-services.ts';

const ydi = `${OFFICIAL.ydelsesIndeksDir}/xsd/6.0.STS-0`;
/** The official schema that declares a service's messages, by the service's path on the platform. */
const schemas: Record<string, (element: string) => string> = {
  '/service/SP/Demo/1': () => official(`${OFFICIAL.demoServiceDir}/DemoServiceMsg.xsd`),
  '/service/CPR/PersonBaseDataExtended/5': pbd5Schema,
  '/service/Print/Print/2': print2Schema,
  '/ydelseindeks/6': () => official(`${ydi}/YdelseIndeksOperationer.xsd`),
  '/bevillingindeks/6': () => official(`${ydi}/BevillingIndeksOperationer.xsd`),
  '/oekonomiskeffektueringindeks/6': () => official(`${ydi}/OekonomiskEffektueringIndeksOperationer.xsd`),
  '/klasse/7': klasse7Schema,
  '/ydelselistehent/2': (element) => official(`${dirname(OFFICIAL.ydelseListeHent)}/common/view/${element}Type.xsd`),
};

/**
 * Every operation of SF1490, SF1510 v7, SF1491, SF1520 v5, SF1600 and SF0101 that the contract
 * module serves: its answer (as the module builds it, with the Korsbæk samples) and a request made
 * from the catalogue's tree (what a generic suite sends) are valid by the OFFICIAL XSD. The
 * official-clients test calls one operation of each over the wire; this covers the rest.
 */
describe.skipIf(!xmllintAvailable())(
  'every contract-served operation of the issue-12 bundles answers schema-valid',
  () => {
    let catalog: Catalog;
    let served: ContractService[];
    beforeAll(async () => {
      catalog = (await loadCatalog()).catalog;
      served = contractServices(catalog).served.filter((s) => s.path in schemas);
    });
    afterAll(removeSchemaCopies);

    it('serves all of them', () => {
      expect(served.map((s) => s.path).sort()).toEqual(Object.keys(schemas).sort());
      expect(served.flatMap((s) => s.operations).length).toBe(19);
    });

    it('answers each one, and each request made from the tree, valid by the official schema', () => {
      const problems: string[] = [];
      for (const s of served) {
        for (const op of s.operations) {
          const answer = buildMessage(op.output!, { samples: op.samples, echo: new Map(), prefer: ['StandardRetur'] });
          const request = buildMessage(op.input, { samples: [], echo: new Map() });
          for (const [what, xml, element] of [
            ['answer', answer, op.output!.element],
            ['request', request, op.input.element],
          ] as const) {
            for (const f of xmllintFindings(schemas[s.path]!(element), xml))
              problems.push(`${s.integration} ${op.name} ${what}: ${f.path} ${f.message}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  },
);
