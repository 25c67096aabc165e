import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import type { RunDocument } from '../run-document.ts';
import { summarise } from '../summarise.ts';
import { sampleRun } from '../testing/sample-run.ts';
import { toHtml, toJson, toJunitXml } from './index.ts';

/**
 * The run of `--integration SF9999` on a system that also has SF9998: the second suite's tests are
 * all omitted, and the summary is the summariser's, as the runner would write it.
 */
async function runWithUnselectedSuite(): Promise<RunDocument> {
  const { document } = await sampleRun();
  const suite = { ...document.suites[0]!, id: 'sf9998', integration: 'SF9998', title: 'Another integration' };
  const omitted = document.tests.map((t) => ({
    ...t,
    id: t.id.replace('sf9999', 'sf9998'),
    suite: 'sf9998',
    integration: 'SF9998',
    result: 'omit' as const,
    message: 'Not selected with --integration',
    exchanges: [],
    durationMs: 0,
  }));
  const tests = [...document.tests, ...omitted];
  return { ...document, suites: [...document.suites, suite], tests, summary: summarise(tests) };
}

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
    const requirementProps = Array.from(cases[0]!.getElementsByTagName('property')).filter(
      (p) => p.getAttribute('name') === 'requirement',
    );
    expect(requirementProps.map((p) => p.getAttribute('value'))).toEqual(['SF9999-R01']);
    const suite = parsed.getElementsByTagName('testsuite')[0]!;
    expect([suite.getAttribute('tests'), suite.getAttribute('failures'), suite.getAttribute('skipped')]).toEqual([
      '3',
      '1',
      '1',
    ]);
  });
});

describe('JUnit XML reporter, suites not selected', () => {
  it('gives every suite its verdict as a property: "not-selected" for the one left out, never "passed"', async () => {
    const parsed = new DOMParser().parseFromString(toJunitXml(await runWithUnselectedSuite()), 'text/xml');
    type XmlElement = ReturnType<typeof parsed.getElementsByTagName>[number];
    const verdictOf = (suite: XmlElement) =>
      Array.from(suite.getElementsByTagName('property'))
        .find((p) => p.getAttribute('name') === 'verdict' && p.parentNode?.parentNode === suite)
        ?.getAttribute('value');
    expect(
      Array.from(parsed.getElementsByTagName('testsuite')).map((s) => [s.getAttribute('id'), verdictOf(s)]),
    ).toEqual([
      ['sf9999', 'passed'],
      ['sf9998', 'not-selected'],
    ]);
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
    expect(html).toMatch(
      /Required tests that did not run<\/h2><ul><li><a href="#sf9999.lookup.not-found">.*Needs a trigger hook<\/li>/,
    );
  });
});

describe('HTML reporter, suites not selected', () => {
  it('shows a suite left out with --integration as "not selected", not as a green pass with SHALL 0 of 0', async () => {
    const html = toHtml(await runWithUnselectedSuite());
    const section = html.slice(html.indexOf('<h2>SF9998'));
    expect(section).toContain(
      '<span class="result r-omit">not selected</span> No test of SF9998 was selected in this run',
    );
    expect(section).not.toMatch(/r-pass">pass(ed)?<\/span> SHALL|SHALL tests passed: 0 of 0/);
    expect(html).toContain('<span class="result r-pass">passed</span> SHALL tests passed: 2 of 2');
  });

  it('does not call a run in which no SHALL test ran passed, and says nothing was shown', async () => {
    const { document } = await sampleRun({
      omit: ['sf9999.lookup.person-found', 'sf9999.lookup.not-found', 'sf9999.lookup.retry'],
    });
    const html = toHtml(document);
    expect(html).toContain('INCOMPLETE: ');
    expect(html).toContain('No required (SHALL) test ran in this run, so it shows nothing about the system.');
    expect(html).not.toContain('PASSED');
  });
});

describe('JSON reporter, suites not selected', () => {
  it('gives the summary of a suite left out the verdict "not-selected"; the run is judged on what was selected', async () => {
    const document = JSON.parse(toJson(await runWithUnselectedSuite())) as RunDocument;
    expect(document.summary.suites.map((s) => [s.integration, s.verdict])).toEqual([
      ['SF9999', 'passed'],
      ['SF9998', 'not-selected'],
    ]);
    expect([document.summary.verdict, document.summary.exitCode]).toEqual(['passed', 0]);
  });
});

describe('JSON reporter', () => {
  it('prints the run document as it is', async () => {
    const document = await failingRun();
    expect(JSON.parse(toJson(document))).toEqual(document);
  });
});
