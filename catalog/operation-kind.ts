/**
 * What an operation does to the objects of its service, read from its name. KOMBIT's Støttesystem
 * services follow the OIO Sag/Dok (LoRA) standard operations, whose names say it: importer and
 * opret make an object, ret and opdater change it, passiver ends it, slet and fjern remove it,
 * laes and list read it, soeg and fremsoeg find it. Any other name (PersonLookup, BevillingHent,
 * callDemoService) keeps no state: its answer is built from the response tree and the samples.
 */
export type OperationKind = 'create' | 'update' | 'passivate' | 'remove' | 'read' | 'search' | 'stateless';

const byName: Record<string, OperationKind> = {
  importer: 'create',
  opret: 'create',
  ret: 'update',
  opdater: 'update',
  passiver: 'passivate',
  slet: 'remove',
  fjern: 'remove',
  laes: 'read',
  list: 'read',
  soeg: 'search',
  fremsoeg: 'search',
};

export function operationKind(operationName: string): OperationKind {
  return byName[operationName.toLowerCase()] ?? 'stateless';
}

/** A sample's field naming an object's identity in an answer: `…/ObjektID/UUIDIdentifikator` or `…/ObjektType/UUIDIdentifikator`. */
const objectUuidField = /(^|\/)Objekt(ID|Type)\/UUIDIdentifikator$/;

/**
 * The UUIDs of the Korsbæk objects an integration's samples describe (the class 15.00.00 that
 * Klasse laes answers): the platform holds these objects from the start, and a read of one of
 * them answers its sample data, so a suite asks for exactly these.
 */
export function sampleObjectUuids(samples: readonly { field: string; values: readonly string[] }[]): string[] {
  return samples.filter((s) => objectUuidField.test(s.field)).flatMap((s) => s.values.map((v) => v.toLowerCase()));
}
