/**
 * Which column of a system inventory holds what. KOMBIT's lists come from SKI, ADM and KITOS
 * (seeds/002_…), each with its own headers; the connection report's own words ("SKI System navn",
 * "Leverandør", "Anvender kommuner", "SKI Ydelsesområde", "SKI Use case(s)") are accepted, with
 * common Danish and English variants. A header is compared folded: lower case, without spaces,
 * punctuation or a trailing "(KOMBIT skøn)". Columns matching none are kept verbatim.
 */
export type Field = 'name' | 'supplier' | 'supplierCvr' | 'areas' | 'useCases' | 'municipalities' | 'fictional';

const aliases: Record<Field, string[]> = {
  name: ['skisystemnavn', 'systemnavn', 'system', 'navn', 'name', 'systemname', 'itsystem', 'skisystem'],
  supplier: ['leverandør', 'leverandørnavn', 'supplier', 'suppliername', 'leverandor'],
  supplierCvr: ['leverandørcvr', 'cvr', 'cvrnummer', 'suppliercvr', 'leverandorcvr', 'cvrnr'],
  areas: [
    'skiydelsesområde',
    'ydelsesområde',
    'ydelsesområder',
    'skiydelsesområder',
    'area',
    'areas',
    'serviceareas',
    'skiarea',
    'skiareas',
  ],
  useCases: ['skiusecases', 'usecases', 'usecase', 'skiusecase'],
  municipalities: ['anvenderkommuner', 'kommuner', 'municipalities', 'anvendere', 'kommune'],
  fictional: ['fictional', 'eksempel', 'projekteksempel', 'example'],
};

export const foldHeader = (header: string) =>
  header
    .toLowerCase()
    .replace(/\(kombit skøn\)/g, '')
    .replace(/[^a-z0-9æøå]/g, '');

/** The field of each header (undefined for a column the import keeps verbatim); the first column of a field wins. */
export function mapColumns(headers: readonly string[]): (Field | undefined)[] {
  const taken = new Set<Field>();
  return headers.map((header) => {
    const folded = foldHeader(header);
    const field = (Object.keys(aliases) as Field[]).find((f) => aliases[f].includes(folded));
    if (!field || taken.has(field)) return undefined;
    taken.add(field);
    return field;
  });
}

/**
 * Splits a list cell ("Aalborg kommune; Fredericia kommune", or one per line) into its values;
 * commas separate too where a value cannot hold one (municipality names), not in a use case's title.
 */
export const listOf = (cell: string, commas = false) =>
  cell
    .split(commas ? /[;\n|]+|,/ : /[;\n|]+/)
    .map((v) => v.trim().replace(/^[-•]\s*/, ''))
    .filter(Boolean);
