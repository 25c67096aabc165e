/**
 * The 18 integration columns of KOMBIT's onboarding sheet, in KOMBIT's order and with KOMBIT's
 * headers verbatim (seeds/002, slide "ONBOARDINGSPROGRAMMET HOLDER STYR PÅ
 * ENKELTINTEGRATIONERNE"). Every matrix (CLI, site, Excel) shows all 18, whether or not a
 * system requires them; integrations KOMBIT's sheet does not list follow them.
 */
export interface KombitColumn {
  integration: string;
  /** The header as KOMBIT writes it, e.g. "SF 1470 - Sags- og Dokumentindeks". */
  header: string;
}

export const kombitColumns: readonly KombitColumn[] = Object.freeze(
  [
    ['SF1460_A', 'SF 1460_A - Modtag besked'],
    ['SF1460_B', 'SF 1460_B - Vedligehold værdiliste i beskedabonnement'],
    ['SF1460_C', 'SF 1460_C - Aflever besked'],
    ['SF1460_D', 'SF 1460_D - Modtag besked via pull'],
    ['SF1470', 'SF 1470 - Sags- og Dokumentindeks'],
    ['SF1490', 'SF 1490 - Ydelsesindekset'],
    ['SF1500', 'SF 1500 - Organisation services'],
    ['SF1510', 'SF 1510 - Klassifikation services'],
    ['SF1511', 'SF 1511 - Sikkerhed Hent token fra Context Handler'],
    ['SF1512', 'SF 1512 - Sikkerhed Security Token Service, indgående'],
    ['SF1514', 'SF 1514 - Sikkerhed Security Token Service, udgående'],
    ['SF1515', 'SF 1515 - Sikkerhed SAML SingleLogout'],
    ['SF1520', 'SF 1520 - CPR - replica opslag'],
    ['SF1590_A', 'SF 1590_A - ØIR - Afsend økonomipostering til ØIR (Fin)'],
    ['SF1590_B', 'SF 1590_B - Afsend debitorregistrering til Debitor'],
    ['SF1590_D', 'SF 1590_D - ØIR - Godkend faktura'],
    ['SF1590_E', 'SF 1590_E - Afsend Betalingsanmodning til NemKonto'],
    ['SF1630', 'SF 1630 - Ledelsesinformation - datafeed'],
  ].map(([integration, header]) => Object.freeze({ integration: integration!, header: header! })),
);

/**
 * The integration id a column header names: "SF 1470 - Sags- og Dokumentindeks", "SF1470",
 * "sf 1590_a" → SF1470 / SF1590_A; other ids (SAPA-dialog) as written. Undefined when the
 * header does not start with an SF number and is not one of `knownIds`.
 */
export function integrationOfHeader(header: string, knownIds: ReadonlySet<string>): string | undefined {
  const text = header.trim();
  if (knownIds.has(text)) return text;
  const sf = /^SF\s*(\d{4})(?:_([A-Za-z]))?(?=$|[\s\-–:])/i.exec(text);
  if (sf) return `SF${sf[1]}${sf[2] ? `_${sf[2].toUpperCase()}` : ''}`;
  const id = text.split(/\s+[-–]\s+/)[0]!;
  return knownIds.has(id) ? id : undefined;
}

/** The header klarmeld writes for an integration: KOMBIT's where it has one, else in KOMBIT's style. */
export function headerOf(integration: string, title: string | undefined): string {
  const kombit = kombitColumns.find((c) => c.integration === integration);
  if (kombit) return kombit.header;
  const sf = /^SF(\d{4}(?:_[A-Z])?)$/.exec(integration);
  const id = sf ? `SF ${sf[1]}` : integration;
  return title ? `${id} - ${title}` : id;
}
