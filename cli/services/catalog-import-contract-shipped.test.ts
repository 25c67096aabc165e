import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { OFFICIAL, official } from '../../catalog/index.ts';
import { importContract, type ImportOptions } from './catalog-import-contract.ts';
import { importIntoCatalogue } from './catalog-import-contract-write.ts';

const data = fileURLToPath(new URL('../../catalog/data', import.meta.url));

/**
 * The imports that wrote the issue-12 interfaces into catalog/data, as `klarmeld catalog
 * import-contract <bundle> --integration … --version … --depth 8 [--entity-id …] [--endpoint …] --write`
 * ran them (conformance/platform/services/contract/README.md lists the commands). The values
 * outside the bundles come from ../shared/contracts/README.md's facts.
 */
const ydi = 'http://entityid.kombit.dk/service/ydi/ydelseindeks/6';
const imports: { integration: string; version: string; bundle: string; identity?: ImportOptions['identity'] }[] = [
  {
    integration: 'SF1490',
    version: 'unnumbered',
    bundle: OFFICIAL.ydelsesIndeksWsdl('YdelseIndeks'),
    identity: { entityId: ydi, endpoint: 'https://ydelsesindeks.eksterntest-stoettesystemerne.dk/ydelseindeks/6' },
  },
  {
    integration: 'SF1490',
    version: 'unnumbered',
    bundle: OFFICIAL.ydelsesIndeksWsdl('BevillingIndeks'),
    identity: { entityId: ydi, endpoint: 'https://ydelsesindeks.eksterntest-stoettesystemerne.dk/bevillingindeks/6' },
  },
  {
    integration: 'SF1490',
    version: 'unnumbered',
    bundle: OFFICIAL.ydelsesIndeksWsdl('OekonomiskEffektueringIndeks'),
    identity: {
      entityId: ydi,
      endpoint: 'https://ydelsesindeks.eksterntest-stoettesystemerne.dk/oekonomiskeffektueringindeks/6',
    },
  },
  {
    integration: 'SF1510',
    version: 'unnumbered',
    bundle: OFFICIAL.klasse7Served,
    identity: { endpoint: 'https://klassifikation.eksterntest-stoettesystemerne.dk/klasse/7' },
  },
  {
    integration: 'SF1491',
    version: 'unnumbered',
    bundle: OFFICIAL.ydelseListeHent,
    identity: {
      entityId: 'http://entityid.kombit.dk/service/ydelselistehent/1',
      endpoint: 'https://ydelsesindeks-exttest.stoettesystemerne.dk/ydelselistehent/2',
    },
  },
  { integration: 'SF1520', version: '3.6', bundle: OFFICIAL.personBaseData5Dir },
  { integration: 'SF1600', version: '3.0', bundle: OFFICIAL.print2Dir },
  {
    integration: 'SF0101',
    version: 'unnumbered',
    bundle: OFFICIAL.demoServiceDir,
    identity: { endpoint: 'https://exttest.serviceplatformen.dk/service/SP/Demo/1' },
  },
  {
    // The sources give no entity ID of its own: the Klassifikation Støttesystem's (klarmeld's assumption, SF1510's notes).
    integration: 'SF1510',
    version: 'unnumbered',
    bundle: OFFICIAL.klassifikationRest,
    identity: { entityId: 'http://entityid.kombit.dk/service/klassifikation/7' },
  },
];

describe('the issue-12 interfaces in catalog/data are what import-contract writes from the official bundles', () => {
  it.each(imports.map((i) => [`${i.integration} from ${i.bundle.split('/').slice(-2).join('/')}`, i] as const))(
    '%s: importing it again changes nothing',
    (_, i) => {
      const services = importContract(official(i.bundle), { depth: 8, ...(i.identity && { identity: i.identity }) });
      const { changes } = importIntoCatalogue(data, i.integration, i.version, services, false);
      expect(changes.map((c) => `${c.service}: ${c.action}`)).toEqual(
        services.map(() => expect.stringMatching(/: unchanged$/)),
      );
    },
  );
});

describe("klarmeld's own REST contracts in catalog/contracts are what the catalogue holds", () => {
  it('SF0101 AccessTokenDemo: importing it again changes nothing', () => {
    const file = fileURLToPath(
      new URL('../../catalog/contracts/SF0101/1/AccessTokenDemo.openapi.json', import.meta.url),
    );
    const services = importContract(file, {
      identity: {
        entityId: 'http://entityid.kombit.dk/service/demoservicerest/1',
        endpoint: 'https://exttest.serviceplatformen.dk/service/AccessTokenDemo_1',
      },
    });
    const { changes } = importIntoCatalogue(data, 'SF0101', 'unnumbered', services, false);
    expect(changes.map((c) => `${c.service}: ${c.action}`)).toEqual(['AccessTokenDemo: unchanged']);
  });
});
