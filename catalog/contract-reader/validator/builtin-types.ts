/**
 * Lexical checks of the XSD built-in simple types the contracts use. Each returns a problem text or
 * undefined. The regular expressions are module constants, compiled once.
 */
export type ValueCheck = (value: string) => string | undefined;

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const DOUBLE = /^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|-?INF|NaN)$/;
const DATE = /^-?(\d{4,})-(\d{2})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?$/;
const DATE_TIME = /^-?(\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/;
const G_YEAR = /^-?\d{4,}(?:Z|[+-]\d{2}:\d{2})?$/;
const DURATION = /^-?P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;
const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;
const HEX = /^(?:[0-9a-fA-F]{2})*$/;
const NCNAME = /^[A-Za-z_\u00C0-\uFFFF][-.\w\u00B7\u00C0-\uFFFF]*$/;
const QNAME =
  /^(?:[A-Za-z_\u00C0-\uFFFF][-.\w\u00B7\u00C0-\uFFFF]*:)?[A-Za-z_\u00C0-\uFFFF][-.\w\u00B7\u00C0-\uFFFF]*$/;
const LANGUAGE = /^[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*$/;

const integerIn =
  (name: string, min?: bigint, max?: bigint): ValueCheck =>
  (v) => {
    if (!INTEGER.test(v)) return `"${v}" is not a valid ${name}`;
    if (min === undefined && max === undefined) return undefined;
    const n = BigInt(v);
    if ((min !== undefined && n < min) || (max !== undefined && n > max))
      return `"${v}" is outside the range of ${name}`;
    return undefined;
  };

const dateParts =
  (name: string, re: RegExp, hasTime: boolean): ValueCheck =>
  (v) => {
    const m = re.exec(v);
    if (m === null) return `"${v}" is not a valid ${name}`;
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > daysIn(Number(m[1]), month))
      return `"${v}" is not a valid ${name} (month or day out of range)`;
    if (hasTime && (Number(m[4]) > 24 || Number(m[5]) > 59 || Number(m[6]) > 60))
      return `"${v}" is not a valid ${name} (time out of range)`;
    return undefined;
  };

const daysIn = (year: number, month: number) =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

const lexical =
  (name: string, re: RegExp): ValueCheck =>
  (v) =>
    re.test(v) ? undefined : `"${v}" is not a valid ${name}`;
const anything: ValueCheck = () => undefined;

/** Built-in checks by local name in the XSD namespace. Unknown built-ins accept any text. */
export const BUILTIN_CHECKS: Record<string, ValueCheck> = {
  string: anything,
  normalizedString: anything,
  token: anything,
  anySimpleType: anything,
  anyType: anything,
  anyURI: anything,
  boolean: (v) =>
    v === 'true' || v === 'false' || v === '1' || v === '0'
      ? undefined
      : `"${v}" is not a boolean (true, false, 1 or 0)`,
  integer: integerIn('integer'),
  long: integerIn('long', -(2n ** 63n), 2n ** 63n - 1n),
  int: integerIn('int', -(2n ** 31n), 2n ** 31n - 1n),
  short: integerIn('short', -32768n, 32767n),
  byte: integerIn('byte', -128n, 127n),
  nonNegativeInteger: integerIn('nonNegativeInteger', 0n),
  positiveInteger: integerIn('positiveInteger', 1n),
  nonPositiveInteger: integerIn('nonPositiveInteger', undefined, 0n),
  negativeInteger: integerIn('negativeInteger', undefined, -1n),
  unsignedLong: integerIn('unsignedLong', 0n, 2n ** 64n - 1n),
  unsignedInt: integerIn('unsignedInt', 0n, 2n ** 32n - 1n),
  unsignedShort: integerIn('unsignedShort', 0n, 65535n),
  unsignedByte: integerIn('unsignedByte', 0n, 255n),
  decimal: lexical('decimal', DECIMAL),
  double: lexical('double', DOUBLE),
  float: lexical('float', DOUBLE),
  date: dateParts('date', DATE, false),
  dateTime: dateParts('dateTime', DATE_TIME, true),
  time: lexical('time', TIME),
  gYear: lexical('gYear', G_YEAR),
  duration: lexical('duration', DURATION),
  base64Binary: (v) =>
    BASE64.test(v) && v.replace(/\s+/g, '').length % 4 === 0
      ? undefined
      : `"${v.slice(0, 40)}" is not valid base64Binary`,
  hexBinary: lexical('hexBinary', HEX),
  NCName: lexical('NCName', NCNAME),
  ID: lexical('ID', NCNAME),
  IDREF: lexical('IDREF', NCNAME),
  Name: lexical('Name', QNAME),
  QName: lexical('QName', QNAME),
  language: lexical('language', LANGUAGE),
};

/** Built-ins whose value keeps its whitespace; every other type collapses it before checking. */
export const PRESERVES_WHITESPACE = new Set(['string', 'normalizedString', 'anySimpleType', 'anyType']);
