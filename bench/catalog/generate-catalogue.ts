import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Writes a synthetic but valid catalogue of the given size: integrations with two versions of
 * two services each, 14 service areas with use cases and packages, suppliers and systems that
 * reference all of them. The shape follows catalog/test-fixtures/valid, scaled up.
 */
export async function generateCatalogue(dir: string, { integrations = 1000, systems = 2000 } = {}): Promise<void> {
  await mkdir(join(dir, 'integrations'), { recursive: true });
  const ids = Array.from({ length: integrations }, (_, i) => `SF${String(1000 + i).padStart(4, '0')}`);
  const uuid = (n: number, kind: number) =>
    `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  await Promise.all(
    ids.map((id, i) => writeFile(join(dir, 'integrations', `${id}.yaml`), integrationYaml(id, i, ids, uuid))),
  );

  const packages = Array.from({ length: 40 }, (_, p) => ({
    id: `I-${String(p + 1).padStart(2, '0')}`,
    business: ids.filter((_, i) => i % 40 === p).slice(0, 20),
  }));
  await writeFile(
    join(dir, 'integration-packages.yaml'),
    [
      '$schema: ../schema/generated/integration-packages.schema.json',
      'packages:',
      ...packages.flatMap((p) => [
        `  - id: ${p.id}`,
        `    title: Pakke ${p.id}`,
        `    business: [${p.business.join(', ')}]`,
        `    prerequisites: [${ids[0]}]`,
      ]),
    ].join('\n'),
  );

  const areas = Array.from({ length: 14 }, (_, a) => `Y${String(10 + a * 4).padStart(2, '0')}`);
  await writeFile(
    join(dir, 'service-areas.yaml'),
    [
      '$schema: ../schema/generated/service-areas.schema.json',
      'areas:',
      ...areas.flatMap((area, a) => [
        `  - id: ${area}`,
        `    name: Område ${area}`,
        '    useCases:',
        ...[1, 2, 3].flatMap((u) => [
          `      - id: ${area}.II.${u}`,
          `        title: Use case ${u}`,
          '        packages:',
          `          - { package: ${packages[(a * 3 + u) % 40]!.id}, level: mandatory }`,
          `          - { package: ${packages[(a * 3 + u + 7) % 40]!.id}, level: supplementary }`,
        ]),
      ]),
    ].join('\n'),
  );

  const suppliers = Array.from({ length: 200 }, (_, s) => String(90000000 + s));
  await writeFile(
    join(dir, 'suppliers.yaml'),
    [
      '$schema: ../schema/generated/suppliers.schema.json',
      'suppliers:',
      ...suppliers.flatMap((cvr) => [`  - cvr: "${cvr}"`, `    name: Leverandør ${cvr}`, '    fictional: true']),
    ].join('\n'),
  );

  const municipalities = Array.from({ length: 98 }, (_, m) => String(20000000 + m));
  await writeFile(
    join(dir, 'municipalities.yaml'),
    [
      '$schema: ../schema/generated/municipalities.schema.json',
      'municipalities:',
      '  - { name: Korsbæk Kommune, cvr: "11111111", test: true }',
      ...municipalities.map(
        (cvr, m) => `  - { code: "${String(100 + m)}", name: Kommune ${m}, cvr: "${cvr}", region: Region ${m % 5} }`,
      ),
    ].join('\n'),
  );

  await writeFile(
    join(dir, 'systems.yaml'),
    [
      '$schema: ../schema/generated/systems.schema.json',
      'systems:',
      ...Array.from({ length: systems }, (_, s) => {
        const area = areas[s % areas.length]!;
        return [
          `  - id: system-${s}`,
          `    name: System ${s}`,
          `    supplier: "${suppliers[s % suppliers.length]}"`,
          `    areas: [${area}]`,
          `    useCases: [${area}.II.1, ${area}.II.2]`,
          `    municipalities: ["${municipalities[s % 98]}", "${municipalities[(s + 31) % 98]}", "11111111"]`,
          `    userSystemUuid: ${uuid(s, 0xabc)}`,
          '    exceptions:',
          `      - { integration: ${ids[(((s % areas.length) * 3 + 1) % 40) % ids.length]}, reason: Ikke relevant }`,
          '    statuses:',
          `      - { integration: ${ids[(s + 1) % ids.length]}, status: klarmeldt }`,
          '    fictional: true',
        ].join('\n');
      }),
    ].join('\n'),
  );

  await writeFile(
    join(dir, 'onboarding-statuses.yaml'),
    [
      '$schema: ../schema/generated/onboarding-statuses.schema.json',
      'statuses:',
      '  - { code: klarmeldt, label: 1. Ja / Klarmeldt, labelEn: Declared ready, colour: "#c6efce", ready: true }',
    ].join('\n'),
  );
}

function integrationYaml(id: string, i: number, ids: string[], uuid: (n: number, kind: number) => string): string {
  const service = (v: number, s: number) => [
    `      - name: Service${s}`,
    `        version: "${v}"`,
    '        protocol: SOAP 1.1',
    '        security: [context, saml-token]',
    `        serviceUuid: ${uuid(i * 10 + v * 2 + s, 0x5e7)}`,
    '        operations:',
    ...['laes', 'soeg', 'list', 'opret'].map(
      (op) => `          - { name: ${op}, soapAction: "http://kombit.dk/sts/${op}" }`,
    ),
    '        endpoints:',
    `          local: /service/${id}/Service${s}/${v}`,
    `          externalTest: https://exttest.serviceplatformen.dk/service/${id}/Service${s}/${v}`,
  ];
  return [
    '$schema: ../../schema/generated/integration.schema.json',
    `id: ${id}`,
    `title: Integration ${id} med en dansk titel`,
    'publicInformation: fuld',
    'platform: Serviceplatformen',
    'kind: opslag',
    'pattern: gennemstilling',
    'direction: anvender-kalder',
    'sensitivePersonalData: false',
    'ski0219: true',
    `prerequisites: [${i === 0 ? '' : ids[0]}]`,
    'purpose: Et syntetisk formål, lang nok til at ligne en rigtig beskrivelse af integrationen og dens brug i kommunerne.',
    'sources:',
    `  - https://digitaliseringskataloget.dk/integration/${id.toLowerCase()}`,
    'versions:',
    ...[5, 6].flatMap((v) => [
      `  - version: "${v}"`,
      `    lifecycle: ${v === 6 ? 'I drift' : 'Udfaset'}`,
      `    validFrom: "202${v - 4}-01-01"`,
      '    services:',
      ...service(v, 1),
      ...service(v, 2),
    ]),
  ].join('\n');
}
