/**
 * Type names as a reader of a YAML file needs them, with the right article ("an array", "an
 * object", "an integer"). zod reports the expected type by its internal name (`array`, `int`,
 * `nonoptional`, …); every name zod can report is listed, so none is left to the guess below.
 */
const zodTypeWords: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'a boolean (true or false)',
  bigint: 'a big integer',
  symbol: 'a symbol',
  undefined: 'an undefined value',
  null: 'a null value',
  never: 'no value',
  void: 'no value',
  date: 'a date',
  array: 'an array (a YAML list: "- item" lines or [a, b])',
  object: 'an object (a YAML mapping: "name: value" lines)',
  tuple: 'a tuple (a YAML list of fixed length)',
  record: 'a record (a YAML mapping)',
  map: 'a map',
  set: 'a set',
  file: 'a file',
  nonoptional: 'a value',
  nan: 'a NaN',
  function: 'a function',
};

/** A type zod expected, e.g. `array`, as reader's words with its article: "an array (a YAML list …)". */
export function typeWithArticle(type: string): string {
  return zodTypeWords[type] ?? withArticle(type);
}

/**
 * "a" or "an" before a word, by its sound: an array, an hour, a union, a UUID, an SF number.
 * Letters of an abbreviation (all capitals) are read by their names.
 */
export function withArticle(word: string): string {
  return `${startsWithVowelSound(word) ? 'an' : 'a'} ${word}`;
}

function startsWithVowelSound(word: string): boolean {
  if (/^[A-Z]{2,}\b/.test(word)) return /^[AEFHILMNORSX]/.test(word);
  const lower = word.toLowerCase();
  if (/^(hour|honest|honou?r|heir)/.test(lower)) return true;
  if (/^(uni|use|usu|uti|ure|eu|one|once)/.test(lower)) return false;
  return /^[aeiou]/.test(lower);
}
