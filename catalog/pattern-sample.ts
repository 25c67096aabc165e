/**
 * A string that matches an XSD pattern, for the small patterns KOMBIT's schemas use (UUIDs, CVR
 * and CPR numbers, KLE subjects, dates written as text): literals, escapes (\d, \w, \s, \. …),
 * classes with ranges, groups with alternatives, and the quantifiers ? * + {n} {n,m}. The first
 * alternative and the fewest repeats are taken. `variant` picks the class member: 'first'
 * (digits 0, hex a), or 'last' (digits 9, hex f), the shape of klarmeld's fault-on-demand values.
 * Undefined for a pattern it cannot read (a Unicode category, a subtraction): the caller then
 * makes no value rather than a wrong one.
 */
export function patternSample(pattern: string, variant: 'first' | 'last' = 'first'): string | undefined {
  const state = { s: pattern, i: 0, variant };
  try {
    const out = alternatives(state);
    return state.i === pattern.length ? out : undefined;
  } catch {
    return undefined;
  }
}

interface State {
  s: string;
  i: number;
  variant: 'first' | 'last';
}

function alternatives(st: State): string {
  const first = sequence(st);
  while (st.s[st.i] === '|') {
    st.i++;
    sequence(st);
  }
  return first;
}

function sequence(st: State): string {
  let out = '';
  while (st.i < st.s.length && st.s[st.i] !== '|' && st.s[st.i] !== ')') {
    const atom = atomOf(st);
    const [min] = quantifier(st);
    out += atom().repeat(min);
  }
  return out;
}

function quantifier(st: State): [number, number] {
  const c = st.s[st.i];
  if (c === '?') {
    st.i++;
    return [0, 1];
  }
  if (c === '*') {
    st.i++;
    return [0, Infinity];
  }
  if (c === '+') {
    st.i++;
    return [1, Infinity];
  }
  if (c === '{') {
    const end = st.s.indexOf('}', st.i);
    const [a, b] = st.s.slice(st.i + 1, end).split(',');
    st.i = end + 1;
    return [Number(a), b === undefined ? Number(a) : b === '' ? Infinity : Number(b)];
  }
  return [1, 1];
}

const classes: Record<string, [string, string]> = {
  d: ['0', '9'],
  w: ['a', 'z'],
  s: [' ', ' '],
  i: ['a', 'z'],
  c: ['a', 'z'],
};

function atomOf(st: State): () => string {
  const c = st.s[st.i]!;
  if (c === '(') {
    st.i++;
    const inner = alternatives(st);
    if (st.s[st.i] !== ')') throw new Error('unclosed group');
    st.i++;
    return () => inner;
  }
  if (c === '[') return charClass(st);
  if (c === '\\') {
    const e = st.s[st.i + 1]!;
    st.i += 2;
    if (e === 'p' || e === 'P') throw new Error('unicode category');
    const pair = classes[e];
    return () => (pair ? (st.variant === 'first' ? pair[0] : pair[1]) : e);
  }
  if (c === '.') {
    st.i++;
    return () => (st.variant === 'first' ? 'a' : 'f');
  }
  st.i++;
  return () => c;
}

function charClass(st: State): () => string {
  const end = st.s.indexOf(']', st.i + 2);
  const body = st.s.slice(st.i + 1, end);
  st.i = end + 1;
  if (body.startsWith('^') || body.includes('-[')) throw new Error('negated or subtracted class');
  const members: string[] = [];
  for (let k = 0; k < body.length; k++) {
    if (body[k] === '\\') {
      const pair = classes[body[k + 1]!];
      members.push(...(pair ? [pair[0], pair[1]] : [body[k + 1]!]));
      k++;
    } else if (body[k + 1] === '-' && k + 2 < body.length) {
      members.push(body[k]!, body[k + 2]!);
      k += 2;
    } else members.push(body[k]!);
  }
  // 'last' prefers the hex digit f where the class has one (UUID classes), else its last member.
  const pick = st.variant === 'first' ? members[0]! : members.includes('f') ? 'f' : members[members.length - 1]!;
  return () => pick;
}
