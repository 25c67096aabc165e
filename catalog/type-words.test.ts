import { describe, expect, it } from 'vitest';
import { loadCatalog } from './load-catalog.ts';
import { copyValidFixture, editFile } from './test-fixtures/fixture-copy.ts';
import { tempDirs } from './test-fixtures/temp-dirs.ts';
import { typeWithArticle, withArticle } from './type-words.ts';

const temp = tempDirs();

describe('the article before a type name', () => {
  // Every type name zod reports as "expected" (zod/v4/core $ZodInvalidTypeExpected).
  it.each([
    ['array', 'an array'],
    ['object', 'an object'],
    ['int', 'an integer'],
    ['undefined', 'an undefined value'],
    ['string', 'a string'],
    ['number', 'a number'],
    ['boolean', 'a boolean'],
    ['bigint', 'a big integer'],
    ['symbol', 'a symbol'],
    ['null', 'a null value'],
    ['never', 'no value'],
    ['void', 'no value'],
    ['date', 'a date'],
    ['tuple', 'a tuple'],
    ['record', 'a record'],
    ['map', 'a map'],
    ['set', 'a set'],
    ['file', 'a file'],
    ['nonoptional', 'a value'],
    ['nan', 'a NaN'],
    ['function', 'a function'],
  ])('%s reads "%s"', (type, expected) => {
    expect(typeWithArticle(type)).toMatch(new RegExp(`^${expected.replace(/[()]/g, '\\$&')}\\b`));
  });

  it.each([
    ['item', 'an item'],
    ['entry', 'an entry'],
    ['URL', 'a URL'],
    ['UUID', 'a UUID'],
    ['union', 'a union'],
    ['hour', 'an hour'],
    ['list', 'a list'],
    ['SF number', 'an SF number'],
    ['HTTP', 'an HTTP'],
  ])('a word it does not know: %s reads "%s"', (word, expected) => {
    expect(withArticle(word)).toBe(expected);
  });
});

describe('the fix for a value of the wrong type', () => {
  it('says "Write an array", not "Write a array" (issue 9)', async () => {
    const dir = temp.removeAfter(await copyValidFixture());
    await editFile(dir, 'integrations/SF1500.yaml', 'prerequisites: [SF1514]', 'prerequisites: SF1514');
    const [problem] = (await loadCatalog(dir)).problems;
    expect(problem).toMatchObject({ name: 'wrong-type', path: 'prerequisites' });
    expect(problem!.message).toMatch(/^Expected an array/);
    expect(problem!.fix).toMatch(/^Write an array/);
  });

  it('says "Write an object" for a list where fields belong', async () => {
    const dir = temp.removeAfter(await copyValidFixture());
    await editFile(dir, 'integrations/SF1500.yaml', 'ski0219: true', 'ski0219: true\nlinks: [[a]]');
    const [problem] = (await loadCatalog(dir)).problems;
    expect(problem).toMatchObject({ name: 'wrong-type', path: 'links[0]' });
    expect(problem!.fix).toMatch(/^Write an object/);
  });
});
