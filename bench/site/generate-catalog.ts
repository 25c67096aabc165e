import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';

/**
 * Writes a synthetic but valid catalogue of `integrations` integrations and `systems` systems
 * into `dir` (dir/data and dir/contracts), for measuring the site at scale. Municipalities and
 * the status vocabulary are copied from the shipped catalogue; one integration in ten points
 * at the shipped SF1520 contract so contract rendering is part of the measurement.
 */
export async function generateCatalog(
  dir: string,
  shipped: string,
  sizes: { integrations: number; systems: number },
): Promise<void> {
  const data = join(dir, 'data');
  await mkdir(join(data, 'integrations'), { recursive: true });
  await cp(join(shipped, 'contracts'), join(dir, 'contracts'), { recursive: true });
  for (const file of ['municipalities.yaml', 'onboarding-statuses.yaml'])
    await cp(join(shipped, 'data', file), join(data, file));

  const ids = Array.from({ length: sizes.integrations }, (_, i) => `SF${String(3000 + i).padStart(4, '0')}`);
  const platforms = [
    'Serviceplatformen',
    'Organisation',
    'Klassifikation',
    'Beskedfordeler',
    'Sags- og dokumentindeks',
    'Ydelsesindeks',
  ];
  await Promise.all(
    ids.map((id, i) =>
      writeFile(
        join(data, 'integrations', `${id}.yaml`),
        stringify({
          id,
          title: `Genereret integration ${i + 1}`,
          titleEn: `Generated integration ${i + 1}`,
          publicInformation: 'fuld',
          purpose: `Syntetisk integration nummer ${i + 1} til måling af sitet i stor skala.`,
          platform: platforms[i % platforms.length],
          kind: 'opslag',
          pattern: 'gennemstilling',
          direction: 'anvender-kalder',
          ski0219: true,
          prerequisites: i > 1 ? [ids[i % 2]!] : [],
          sources: ['bench/site/generate-catalog.ts'],
          versions: [
            { version: '1', lifecycle: 'Udfaset', validFrom: '2019-01-01' },
            {
              version: '2',
              lifecycle: 'I drift',
              validFrom: '2023-05-01',
              news: 'Ny sikkerhedsmodel.',
              services: [
                {
                  name: i % 10 === 0 ? 'PersonBaseDataExtendedService' : `Service${i}`,
                  version: '2',
                  protocol: 'SOAP 1.1',
                  security: ['context'],
                  contract: i % 10 === 0 ? ['SF1520/4/PersonBaseDataExtendedService.wsdl'] : [],
                  operations: [
                    { name: i % 10 === 0 ? 'PersonLookup' : 'hent', soapAction: `http://example.invalid/${id}/hent` },
                  ],
                  endpoints: { externalTest: `https://exttest.serviceplatformen.dk/service/${id}/2` },
                },
              ],
            },
          ],
        }),
      ),
    ),
  );

  const packages = Array.from({ length: Math.min(99, Math.ceil(sizes.integrations / 10)) }, (_, p) => ({
    id: `I-${String(p + 1).padStart(2, '0')}`,
    title: `Pakke ${p + 1}`,
    business: ids.slice(p * 10 + 2, p * 10 + 12),
    prerequisites: ids.slice(0, 2),
  }));
  const areas = Array.from({ length: 20 }, (_, a) => ({
    id: `Y${String(a + 10).padStart(2, '0')}`,
    name: `Område ${a + 1}`,
    useCases: Array.from({ length: 3 }, (_, u) => ({
      id: `Y${String(a + 10).padStart(2, '0')}.I.${u + 1}`,
      title: `Use case ${u + 1}`,
      packages: [0, 1, 2].map((k) => ({
        package: packages[(a * 5 + u * 3 + k) % packages.length]!.id,
        level: k < 2 ? 'mandatory' : 'supplementary',
      })),
    })),
  }));
  const suppliers = Array.from({ length: 100 }, (_, s) => ({
    cvr: String(30000000 + s),
    name: `Leverandør ${s + 1} ApS`,
    fictional: true,
  }));
  const municipalities = ['29189846', '55133018', '64942212'];
  const systems = Array.from({ length: sizes.systems }, (_, s) => ({
    id: `system-${s + 1}`,
    name: `Fagsystem ${s + 1}`,
    supplier: suppliers[s % suppliers.length]!.cvr,
    areas: [areas[s % areas.length]!.id],
    // One use case each: about 30 required integrations, like KOMBIT's Y14 example (15 mandatory).
    useCases: [areas[s % areas.length]!.useCases[Math.floor(s / areas.length) % 3]!.id],
    municipalities,
    userSystemUuid: `00000000-0000-4000-8000-${String(s).padStart(12, '0')}`,
    fictional: true,
  }));
  await writeFile(join(data, 'integration-packages.yaml'), stringify({ packages }));
  await writeFile(join(data, 'service-areas.yaml'), stringify({ areas }));
  await writeFile(join(data, 'suppliers.yaml'), stringify({ suppliers }));
  await writeFile(join(data, 'systems.yaml'), stringify({ systems }));
}
