import { DOMParser, type Element } from '@xmldom/xmldom';
import { operationKind, sampleObjectUuids } from '../../../../catalog/index.ts';
import { buildMessage } from './build-message.ts';
import type { ContractService } from './contract-services.ts';
import type { StoredObject } from './object-store.ts';
import { childElements, toValueNode } from './value-node.ts';

const snapshotSuffix = 'FiltreretOejebliksbillede';

/**
 * The Korsbæk objects an integration's samples describe (catalog/data/samples/<SF>.yaml: a read's
 * answer with an ObjektID UUID, e.g. the class 15.00.00 Kontanthjælp), made once as the read answers
 * them and kept from the start, so reading that UUID answers the sample data and any other UUID
 * answers 44 until it is created.
 */
export function seedObjects(services: ContractService[]): StoredObject[] {
  const out = new Map<string, StoredObject>();
  for (const service of services)
    for (const op of service.operations) {
      if (operationKind(op.name) !== 'read' || !op.output || sampleObjectUuids(op.samples).length === 0) continue;
      const xml = buildMessage(op.output, { samples: op.samples, echo: new Map() });
      const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement as unknown as Element;
      for (const shot of childElements(root).filter((c) => c.localName!.endsWith(snapshotSuffix))) {
        const uuid = shot.getElementsByTagNameNS('*', 'UUIDIdentifikator')[0]?.textContent?.trim().toLowerCase();
        const registrering = childElements(shot, 'Registrering').at(-1);
        if (!uuid || out.has(uuid) || !registrering) continue;
        const stem = shot.localName!.slice(0, -snapshotSuffix.length);
        out.set(uuid, {
          uuid,
          ...(stem !== '' && { type: stem }),
          service: service.service,
          lifecycle: 'Importeret',
          registration: childElements(registrering)
            .filter((c) => c.localName !== 'LivscyklusKode')
            .map(toValueNode),
        });
      }
    }
  return [...out.values()];
}
