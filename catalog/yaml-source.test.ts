import { describe, expect, it } from 'vitest';
import { parseYamlSource } from './yaml-source.ts';

/** The syntax errors of a text, as "line:column". */
const positions = (text: string) =>
  parseYamlSource('f.yaml', text)
    .read()
    .syntax.map((s) => `${s.line}:${s.column}`);

/**
 * Each text breaks on a known line. The parser notices an unclosed bracket or quote only where
 * the next line starts (or at the end of the file); the reader must be sent to the line that opens it.
 */
describe('the position of a YAML syntax error', () => {
  it('is the line of an unclosed [ , not the line after it (issue 9: one line too late)', () => {
    const text = [
      'suppliers:',
      '  - cvr: "90000001"',
      '    name: [Eksempel Software ApS',
      '    fictional: true',
      '',
    ].join('\n');
    expect(positions(text)).toEqual(['3:11']);
  });

  it('is the line of an unclosed [ on the last line of the file', () => {
    expect(positions('a: 1\nb: [x, y\n')).toEqual(['2:4']);
    expect(positions('a: 1\nb: [x, y')).toEqual(['2:4']);
  });

  it('is the line of an unclosed { in the middle of a file', () => {
    expect(positions('a: 1\nb: {x: 1\nc: 2\nd: 3\n')).toEqual(['2:4']);
  });

  it('is the line of an unclosed quote, even when the quoted text runs on to the end of the file', () => {
    expect(positions('a: 1\nname: "Økonomi\nb: 2\nc: 3\n')).toEqual(['2:7']);
    expect(positions("a: 1\nname: 'Økonomi\nb: 2\n")).toEqual(['2:7']);
  });

  it('says where the parser noticed it, so both places can be looked at', () => {
    const [problem] = parseYamlSource('f.yaml', 'a: 1\nb: [x, y\nc: 2\n').read().syntax;
    expect(problem!.message).toMatch(/\[ on line 2 is not closed/);
  });

  it('stays where it is for mistakes the parser sees on their own line', () => {
    expect(positions('a: 1\nkind: x\nkind: y\n')).toEqual(['3:1']);
    expect(positions('a: 1\nb c\nd: 2\n')).toEqual(['2:1']);
    expect(positions('a:\n  b: 1\n c: 2\n')).toEqual(['3:1']);
    expect(positions('a: [x, y]\nb: "z"\n')).toEqual([]);
  });
});
