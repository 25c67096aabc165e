import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { sampleRun } from '../testing/sample-run.ts';
import { toHtml, toJson, toJunitXml } from './index.ts';

async function failingRun() {
  const { document } = await sampleRun({ notFound: 'fail' });
  // A hostile message: markup and a control character from a misbehaving system.
  document.tests[1]!.message = 'The system showed <script>alert(1)</script> & "data"\u0001';
  return document;
}

describe('JUnit XML reporter', () => {
  it('is well-formed XML with one testcase per test, requirement ids and failure messages', async () => {
    const document = await failingRun();
    const xml = toJunitXml(document);
    const dir = mkdtempSync(join(tmpdir(), 'junit-'));
    writeFileSync(join(dir, 'j.xml'), xml);
    execFileSync('xmllint', ['--noout', join(dir, 'j.xml')]);
    const parsed = new DOMParser().parseFromString(xml, 'text/xml');
    const cases = Array.from(parsed.getElementsByTagName('testcase'));
    expect(cases.map((c) => c.getAttribute('name'))).toEqual([
      'sf9999.lookup.person-found: Finds a person [SF9999-R01]',
      'sf9999.lookup.not-found: Says "not found" without crashing [SF9999-R02]',
      'sf9999.lookup.retry: Retries once after a dropped connection [SF9999-R03]',
    ]);
    const failure = cases[1]!.getElementsByTagName('failure')[0]!;
    expect(failure.getAttribute('message')).toBe('The system showed <script>alert(1)</script> & "data"\ufffd');
    expect(failure.getAttribute('type')).toBe('fail.supplier');
    expect(cases[2]!.getElementsByTagName('skipped')[0]!.getAttribute('message')).toBe('skip: Needs the flaky link');
    const requirementProps = Array.from(cases[0]!.getElementsByTagName('property')).filter((p) => p.getAttribute('name') === 'requirement');
    expect(requirementProps.map((p) => p.getAttribute('value'))).toEqual(['SF9999-R01']);
    const suite = parsed.getElementsByTagName('testsuite')[0]!;
    expect([suite.getAttribute('tests'), suite.getAttribute('failures'), suite.getAttribute('skipped')]).toEqual(['3', '1', '1']);
  });
});

describe('HTML reporter', () => {
  it('is one self-contained page naming every test, its requirements and the verdict', async () => {
    const document = await failingRun();
    const html = toHtml(document);
    expect(html).toMatch(/^<!doctype html>/);
    for (const test of document.tests) expect(html).toContain(`id="${test.id}"`);
    expect(html).toContain('FAILED: A required (SHALL) test failed');
    expect(html).toContain('Not tested: The audit log is inside the system');
    expect(html).toContain("countersigned this report's results digest");
    expect(html).toContain("the results are the runner's claim");
    expect(html).not.toMatch(/<script|src=|href="http|<link/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('names the verdict of an incomplete run and lists each required test that did not run, with its reason', async () => {
    const { document } = await sampleRun({ skip: ['sf9999.lookup.not-found'] });
    const html = toHtml(document);
    expect(html).toContain('INCOMPLETE: No required (SHALL) test failed, but some did not run');
    expect(html).toMatch(/Required tests that did not run<\/h2><ul><li><a href="#sf9999.lookup.not-found">.*Needs a trigger hook<\/li>/);
  });
});

describe('JSON reporter', () => {
  it('prints the run document as it is', async () => {
    const document = await failingRun();
    expect(JSON.parse(toJson(document))).toEqual(document);
  });
});
