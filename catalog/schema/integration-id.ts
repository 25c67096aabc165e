import { z } from 'zod';

/** One form in which KOMBIT writes integration ids, with examples from the catalogue and where the form comes from. */
export interface IntegrationIdForm {
  /** The form in words, as problem messages show it. */
  form: string;
  /** A regular expression for the form, without anchors. */
  pattern: string;
  examples: string[];
  source: string;
}

/**
 * The forms of an integration id: the one place they are written down. Derived from the ids in
 * KOMBIT's onboarding sheet, Digitaliseringskataloget and shared/facts.md §1.1 (SF1500, SF1590_A,
 * SF1590_B_01…04, SF0787/SF0788). A number with a version attached (SF1520_3.6, SF1590_B_01_V3) names a
 * version of an integration description, not an integration, and fits none of them; so do SF-1999,
 * "SF 1500" and sf1500. The named form exists for the one integration KOMBIT gives no SF number
 * (SAPA's dialogue integration); it may not start with SF, which belongs to SF numbers.
 */
export const integrationIdForms: readonly IntegrationIdForm[] = [
  {
    form: 'SF and four digits',
    pattern: 'SF\\d{4}',
    examples: ['SF1500', 'SF0787'],
    source: 'https://digitaliseringskataloget.dk/integration/sf1500; facts.md §1.1 (SF0787 DUPLA)',
  },
  {
    form: 'an SF number, an underscore and a capital letter, for an integration KOMBIT splits into lettered parts',
    pattern: 'SF\\d{4}_[A-Z]',
    examples: ['SF1590_A', 'SF1460_D'],
    source: 'https://digitaliseringskataloget.dk/integrationer (SF1590_A Afsend økonomipostering); facts.md §1.1',
  },
  {
    form: 'a lettered SF number, an underscore and two digits, for its numbered parts',
    pattern: 'SF\\d{4}_[A-Z]_\\d{2}',
    examples: ['SF1590_B_01'],
    source: 'facts.md §1.1 (SF1590_B_01…04, the debtor integrations)',
  },
  {
    form: "for an integration without an SF number, the system's name in capitals other than SF, a hyphen and a lower-case word",
    pattern: '(?!SF)[A-Z]{2,}(-[a-z]+)+',
    examples: ['SAPA-dialog'],
    source: "KOMBIT's example tilslutningsrapport for Y14 (the SAPA dialogintegration, which has no SF number)",
  },
];

export const integrationIdPattern = new RegExp(`^(${integrationIdForms.map((f) => f.pattern).join('|')})$`);

/** The forms in one sentence, for messages. */
export const integrationIdFormsText = integrationIdForms
  .map((f, i) => `${i === integrationIdForms.length - 1 ? 'or, ' : ''}${f.form} (${f.examples.join(', ')})`)
  .join('; ');

/** An integration id as KOMBIT writes it: SF1500, SF1590_A, SF1590_B_01, or a named one such as SAPA-dialog. */
export const integrationId = z
  .string()
  .regex(integrationIdPattern, { message: `Write the id in one of KOMBIT's forms: ${integrationIdFormsText}` })
  .meta({ description: `Integration id in one of KOMBIT's forms: ${integrationIdFormsText}` });

/** True for the issue zod reports when a value is not in the integration id forms. */
export function isIntegrationIdIssue(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'invalid_format' && issue.format === 'regex' && issue.pattern === String(integrationIdPattern);
}

/** What to say about a value that is not in any of the forms, and the id it probably meant. */
export function integrationIdProblem(value: unknown): { message: string; fix: string } {
  const text = typeof value === 'string' ? value : String(value);
  const message = `"${text}" is not an integration id in any of KOMBIT's forms: ${integrationIdFormsText}.`;
  const versioned = /^(SF\d{4}(?:_[A-Z](?:_\d{2})?)?)_V?(\d+(?:\.\d+)*)$/i.exec(text.trim());
  if (versioned && integrationIdPattern.test(versioned[1]!.toUpperCase())) {
    const [id, version] = [versioned[1]!.toUpperCase(), versioned[2]!];
    return {
      message,
      fix: `"${text}" names version ${version} of the description of ${id}: write "${id}" here, and the version under "versions" of integrations/${id}.yaml.`,
    };
  }
  const guess = text
    .trim()
    .toUpperCase()
    .replace(/^SF[\s_-]*(\d{4})/, 'SF$1')
    .replace(/[\s-]+/g, '_');
  if (guess !== text && guess.startsWith('SF') && integrationIdPattern.test(guess)) {
    return { message, fix: `Write "${guess}", as KOMBIT writes it.` };
  }
  return { message, fix: 'Write the id as KOMBIT writes it on Digitaliseringskataloget, in one of the forms above.' };
}
