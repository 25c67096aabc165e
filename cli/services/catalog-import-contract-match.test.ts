import { describe, expect, it } from 'vitest';
import type { ImportedService } from './catalog-import-contract.ts';
import { matchServices, mergeOperations, type ListedService } from './catalog-import-contract-match.ts';

const imported = (over: Partial<ImportedService>): ImportedService => ({
  name: 'X',
  protocol: 'SOAP 1.1',
  security: ['context'],
  operations: [],
  from: 'X.wsdl',
  aliases: [],
  endpointPaths: [],
  ...over,
});
const listed = (name: string, ops: object[], over: Partial<ListedService> = {}): ListedService => ({
  name,
  version: '1',
  operations: ops as never,
  ...over,
});

describe('matchServices', () => {
  const meddelelse = listed('Meddelelse', [{ name: 'afsend' }, { name: 'hent' }, { name: 'slet' }]);
  const status = listed('Status', [{ name: 'spoerg' }]);

  it('never takes two absent soapActions for the same action: an unknown service without actions is new', () => {
    expect(
      matchServices([imported({ name: 'Kvittering', operations: [{ name: 'kvitter' }] })], [meddelelse, status]),
    ).toEqual([{ kind: 'new' }]);
  });

  it('takes a differently named service by its operation names where neither side has a soapAction', () => {
    expect(
      matchServices(
        [imported({ name: 'StatusForespoergsel', operations: [{ name: 'spoerg' }] })],
        [meddelelse, status],
      ),
    ).toEqual([{ kind: 'match', index: 1, reasons: ['operation names'] }]);
  });

  it('takes shared soapActions, then the endpoint path, over the name', () => {
    const byAction = listed('Andet', [{ name: 'laes', soapAction: 'urn:a/laes' }]);
    const byName = listed('Bruger', [{ name: 'laes', soapAction: 'urn:b/laes' }]);
    expect(
      matchServices(
        [imported({ name: 'Bruger', operations: [{ name: 'laes', soapAction: 'urn:a/laes' }] })],
        [byName, byAction],
      ),
    ).toEqual([{ kind: 'match', index: 1, reasons: ['operations'] }]);
    const atPath = listed('Status2', [], {
      endpoints: { externalTest: 'https://exttest.serviceplatformen.dk/service/SP/Status/1/' },
    });
    expect(
      matchServices(
        [imported({ name: 'Status', endpointPaths: ['/service/SP/Status/1'] })],
        [listed('Status', []), atPath],
      ),
    ).toEqual([{ kind: 'match', index: 1, reasons: ['endpoint path'] }]);
  });

  it('counts an entity ID only when one listed service has it (SF1500 gives every service the same)', () => {
    const entityId = 'http://stoettesystemerne.dk/service/organisation/3';
    const family = [listed('Bruger', [], { entityId }), listed('Adresse', [], { entityId })];
    expect(matchServices([imported({ name: 'Adresse', entityId })], family)).toEqual([
      { kind: 'match', index: 1, reasons: ['name'] },
    ]);
    expect(matchServices([imported({ name: 'Ny', entityId })], family)).toEqual([{ kind: 'new' }]);
  });

  it('does not guess between two listed services that resemble the import equally', () => {
    expect(
      matchServices([imported({ name: 'Bruger' })], [listed('Bruger', []), listed('Bruger', [], { version: '5' })]),
    ).toEqual([{ kind: 'ambiguous', candidates: [0, 1], reasons: ['name'] }]);
  });
});

describe('mergeOperations', () => {
  it('keeps (and names) listed operations the contract lacks, and their descriptions; removes them only when asked', () => {
    const current = [{ name: 'afsend', description: 'Sender.' }, { name: 'hent' }, { name: 'slet' }];
    const contract = [
      { name: 'afsend', input: { element: 'AfsendRequest', namespace: 'urn:x', fields: [] } },
      { name: 'tael' },
    ];
    const kept = mergeOperations(current, contract, false);
    expect(kept.operations).toEqual([
      { name: 'afsend', description: 'Sender.', input: contract[0]!.input },
      { name: 'hent' },
      { name: 'slet' },
      { name: 'tael' },
    ]);
    expect(kept.changes).toMatchObject({ added: ['tael'], kept: ['hent', 'slet'], removed: [], messages: ['afsend'] });
    const removed = mergeOperations(current, contract, true);
    expect(removed.operations.map((o) => o.name)).toEqual(['afsend', 'tael']);
    expect(removed.changes).toMatchObject({ kept: [], removed: ['hent', 'slet'] });
  });

  it('follows an operation by its soapAction when the contract renames it, and says when a soapAction changes', () => {
    const { operations, changes } = mergeOperations(
      [
        { name: 'Laes', soapAction: 'urn:laes' },
        { name: 'soeg', soapAction: 'urn:soeg/1' },
      ],
      [
        { name: 'laes', soapAction: 'urn:laes' },
        { name: 'soeg', soapAction: 'urn:soeg/2' },
      ],
      false,
    );
    expect(operations).toEqual([
      { name: 'laes', soapAction: 'urn:laes' },
      { name: 'soeg', soapAction: 'urn:soeg/2' },
    ]);
    expect(changes).toMatchObject({
      renamed: ['Laes → laes'],
      changed: ['soeg (soapAction urn:soeg/1 → soapAction urn:soeg/2)'],
      added: [],
      kept: [],
    });
  });
});
