import { z } from 'zod';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write dates as YYYY-MM-DD');
const pnr = z.string().regex(/^\d{10}$/, 'a PNR is 10 digits');
const protection = z.strictObject({ startdato: date, slutdato: date.optional() });
const address = z.strictObject({
  vejnavn: z.string(),
  vejkode: z.number().int(),
  husnummer: z.string(),
  etage: z.string().optional(),
  sidedoer: z.string().optional(),
  conavn: z.string().optional(),
  tilflytningsdato: date,
  fraflytningsdato: date.optional(),
});

/** One fictional test person, in the words of the CPR fields it becomes (SF1520 PersonLookup). */
export const korsbaekPerson = z.strictObject({
  pnr,
  special: z.string().meta({ description: 'What the person is good for in a test (Danish)' }),
  navn: z.strictObject({ fornavn: z.string(), mellemnavn: z.string().optional(), efternavn: z.string() }),
  koen: z.enum(['K', 'M']),
  foedselsdato: date,
  status: z.strictObject({
    kode: z.union([1, 3, 5, 7, 20, 30, 50, 60, 70, 80, 90].map((n) => z.literal(n))),
    dato: date,
  }),
  civilstand: z.strictObject({ kode: z.enum(['U', 'G', 'F', 'E', 'P', 'O', 'L', 'D']), dato: date }),
  stilling: z.string().optional(),
  adressebeskyttelse: protection.optional(),
  vejviserbeskyttelse: protection.optional(),
  markedsfoeringsbeskyttelse: protection.optional(),
  tilmeldtDigitalpost: z.boolean().optional(),
  tilmeldtNemsms: z.boolean().optional(),
  umyndiggoerelse: z.strictObject({ startdato: date, vaergenavn: z.string() }).optional(),
  adresse: address.optional(),
  adresseHistorik: z.array(address).default([]),
  udrejse: z.strictObject({ landekode: z.number().int(), dato: date, adresse: z.array(z.string()).max(5) }).optional(),
  relationer: z.strictObject({
    aegtefaelle: pnr.optional(),
    boern: z.array(pnr).default([]),
    mor: pnr.optional(),
    far: pnr.optional(),
    foraeldremyndighed: z
      .array(
        z.strictObject({
          type: z.union([z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
          pnr,
          startdato: date,
        }),
      )
      .default([]),
  }),
});

export const korsbaekPersonsFile = z
  .strictObject({
    $schema: z.string().optional(),
    municipality: z.strictObject({
      cvr: z.string().regex(/^\d{8}$/),
      kommunekode: z.number().int(),
      postnummer: z.string(),
      postdistrikt: z.string(),
    }),
    persons: z.array(korsbaekPerson),
  })
  .meta({
    id: 'KorsbaekPersons',
    description: "Korsbæk Kommune's fictional test persons, as the platform's CPR replica (SF1520) serves them",
  });

export type KorsbaekPerson = z.infer<typeof korsbaekPerson>;
export type KorsbaekPersons = Omit<z.infer<typeof korsbaekPersonsFile>, '$schema'>;
