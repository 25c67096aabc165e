import { z } from 'zod';

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a lower-case UUID');
const time = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, 'write times as YYYY-MM-DDThh:mm:ssZ');

/** A main group of KLE (Kommunernes Landsforening's emnesystematik) that Korsbæk's cases are classed by. */
export const korsbaekClass = z.strictObject({
  uuid,
  number: z.string().regex(/^\d{2}$/, 'a KLE main group is two digits'),
  title: z.string().min(1),
});

export const korsbaekClassesFile = z
  .strictObject({ $schema: z.string().optional(), classes: z.array(korsbaekClass) })
  .meta({ id: 'KorsbaekClasses', description: 'The KLE main groups Korsbæk Kommune’s test cases refer to' });

/**
 * One of Korsbæk's cases (Sag) as it is imported into the SF1470 SagDokumentIndeks: the fields
 * of a SagIndeks registration, valid from `registeredAt` without end.
 */
export const korsbaekCase = z.strictObject({
  uuid,
  registeredAt: time.meta({ description: 'Registrering/Tidspunkt, and the start of every Virkning' }),
  registeredBy: uuid.meta({ description: 'Registrering/BrugerRef: a user of korsbaek/organisation.yaml' }),
  sagsnummer: z.string().min(1),
  brugervendtNoegle: z.string().min(1).optional().meta({ description: 'Left out: the sagsnummer' }),
  titel: z.string().min(1),
  fremdrift: z.enum(['Opstaaet', 'Oplyst', 'Afgjort', 'Afsluttet']).meta({ description: 'FremdriftStatusKode' }),
  sagsaktoer: uuid.meta({ description: 'A user of korsbaek/organisation.yaml' }),
  sagsklasse: uuid.meta({ description: 'A class of korsbaek/classes.yaml' }),
});

export const korsbaekCasesFile = z.strictObject({ $schema: z.string().optional(), cases: z.array(korsbaekCase) }).meta({
  id: 'KorsbaekCases',
  description: "Korsbæk Kommune's fictional cases, imported into the platform's SF1470 SagDokumentIndeks",
});

export type KorsbaekClass = z.infer<typeof korsbaekClass>;
export type KorsbaekClasses = Omit<z.infer<typeof korsbaekClassesFile>, '$schema'>;
export type KorsbaekCase = z.infer<typeof korsbaekCase>;
export type KorsbaekCases = Omit<z.infer<typeof korsbaekCasesFile>, '$schema'>;
