/**
 * Reading and writing the words of KOMBIT's onboarding sheet (catalog/data/onboarding-statuses.yaml).
 * Every spelling KOMBIT uses is accepted and kept as it was written ("Delvis" stays "Delvis",
 * "Delvist" stays "Delvist", "Forløb 3" keeps its round); klarmeld's codes, the short marks
 * (K, D …) and the connection report's codes ("🟢 1. Ja", "5. Delvis") are accepted too. A
 * blank cell is no status.
 */
import type { OnboardingStatus } from '../../catalog/index.ts';

export type Vocabulary = readonly OnboardingStatus[];

/** A word read: the status code and the word to keep for the cell (KOMBIT's spelling). */
export interface ReadWord {
  code: string;
  word: string;
  /** The onboarding round of "Forløb N". */
  round?: number;
}

export type WordReading = ReadWord | { blank: true } | { problem: string };

/** The initials of a code, e.g. DK for delvist-klarmeldt: the mark when the data gives none. */
export const initials = (code: string) =>
  code
    .split('-')
    .map((part) => part[0]!.toUpperCase())
    .join('');
export const markOf = (status: OnboardingStatus) => status.mark ?? initials(status.code);
export const wordsOf = (status: OnboardingStatus) => status.words ?? [status.label];

/** The connection report's code as KOMBIT writes it ("🟢 1. Ja"), or undefined where the sources give none. */
export function reportCodeText(status: OnboardingStatus | undefined): string | undefined {
  const code = status?.reportCode;
  return code ? `${code.sign} ${code.number}. ${code.word}` : undefined;
}

/** klarmeld's labels before issue 11, which older exported workbooks carry. */
const formerLabels: Record<string, string> = {
  '1. ja / klarmeldt': 'klarmeldt',
  '2. nej / ikke klarmeldt': 'ikke-klarmeldt',
  'delvist klarmeldt': 'delvist-klarmeldt',
};

const fold = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** The word to write for a status set by code (its first spelling), with the round where it takes one. */
export function defaultWord(status: OnboardingStatus, round?: number): string {
  const word = wordsOf(status)[0]!;
  return status.round && round !== undefined ? `${word} ${round}` : word;
}

/** Reads a cell or a command-line status: a KOMBIT word, a report code, a code, a mark or a label. */
export function readWord(vocabulary: Vocabulary, text: string | undefined | null): WordReading {
  const raw = (text ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!raw) return { blank: true };
  const folded = raw.toLowerCase();
  for (const status of vocabulary) {
    for (const word of wordsOf(status)) {
      if (status.round) {
        const m = new RegExp(`^${escape(fold(word))} ?(\\d+)$`).exec(folded);
        if (m) return { code: status.code, word: `${word} ${Number(m[1])}`, round: Number(m[1]) };
        if (folded === fold(word))
          return { problem: `"${raw}" needs the round's number, as KOMBIT writes it: "${word} 3".` };
      } else if (folded === fold(word)) {
        return { code: status.code, word };
      }
    }
  }
  const report = /^(?:\S+ )?(\d+)\. ?(\S.*)$/u.exec(raw);
  if (report) {
    const found = vocabulary.find(
      (s) => s.reportCode && s.reportCode.number === Number(report[1]) && fold(s.reportCode.word) === fold(report[2]!),
    );
    if (found) {
      const exact = `${found.reportCode!.number}. ${found.reportCode!.word}`;
      return { code: found.code, word: raw === exact || raw === `${found.reportCode!.sign} ${exact}` ? raw : exact };
    }
    if (!formerLabels[folded]) {
      return {
        problem: `"${raw}" is not a code of KOMBIT's connection report: its sources show only ${vocabulary.flatMap((s) => reportCodeText(s) ?? []).join(', ')}.`,
      };
    }
  }
  const byCode =
    vocabulary.find(
      (s) =>
        s.code === folded ||
        markOf(s).toLowerCase() === folded ||
        fold(s.label) === folded ||
        fold(s.labelEn) === folded,
    ) ?? vocabulary.find((s) => s.code === formerLabels[folded]);
  if (byCode) {
    if (byCode.round)
      return { problem: `"${raw}" needs the round's number, as KOMBIT writes it: "${defaultWord(byCode)} 3".` };
    return { code: byCode.code, word: defaultWord(byCode) };
  }
  return {
    problem: `"${raw}" is not a word of KOMBIT's sheet. Write one of: ${wordList(vocabulary)}, or a blank cell.`,
  };
}

/** The words KOMBIT writes in its sheet, for messages and the Excel drop-down. */
export function wordList(vocabulary: Vocabulary): string {
  return vocabulary
    .filter((s) => s.inSheet !== false)
    .flatMap((s) => wordsOf(s).map((w) => (s.round ? `${w} N` : w)))
    .join(', ');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
