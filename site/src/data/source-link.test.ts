import { describe, expect, it } from 'vitest';
import { sourcePart, sourceParts } from './source-link.ts';

describe('sourcePart', () => {
  it('links a file of a public repository at its commit, keeping the note apart', () => {
    expect(
      sourcePart('itk-dev/serviceplatformen@9afa6353:src/Service/SF1514/SAMLTokenSoapTemplate.xml (entityID)'),
    ).toEqual({
      text: 'itk-dev/serviceplatformen@9afa6353:src/Service/SF1514/SAMLTokenSoapTemplate.xml',
      href: 'https://github.com/itk-dev/serviceplatformen/blob/9afa6353/src/Service/SF1514/SAMLTokenSoapTemplate.xml',
      note: '(entityID)',
    });
  });

  it('keeps a section after the path as a note', () => {
    expect(sourcePart('kombit/kosdy_infrastructureSamples-java@93c9b6b3:README.md §2.1')).toEqual({
      text: 'kombit/kosdy_infrastructureSamples-java@93c9b6b3:README.md',
      href: 'https://github.com/kombit/kosdy_infrastructureSamples-java/blob/93c9b6b3/README.md',
      note: '§2.1',
    });
  });

  it('links a folder as a tree and encodes spaces in the path', () => {
    expect(
      sourcePart(
        'itk-dev/serviceplatformen@9afa6353:resources/sf1500/Tekniske specifikationer (v6.0 Services)/v6_0_0_0/wsdl/',
      ).href,
    ).toBe(
      'https://github.com/itk-dev/serviceplatformen/tree/9afa6353/resources/sf1500/Tekniske%20specifikationer%20(v6.0%20Services)/v6_0_0_0/wsdl/',
    );
  });

  it('links a URL and keeps its note as text', () => {
    expect(sourcePart('https://digitaliseringskataloget.dk/integration/sf1470 ("inden for få minutter")')).toEqual({
      text: 'https://digitaliseringskataloget.dk/integration/sf1470',
      href: 'https://digitaliseringskataloget.dk/integration/sf1470',
      note: '("inden for få minutter")',
    });
  });

  it('leaves an elided address, a named document and a bare file name as text', () => {
    for (const citation of [
      'http://docplayer.dk/42992771-… (reference list)',
      'kombit/bfo_infrastructureSamples-java@16bcd166:bf-client-example-app/…/AnvendersystemOperationer.xsd',
      'KOMBIT, workshop »Datadrevne udbredelsesindsatser«: onboarding-arket',
      'BrugerOperationer.xsd',
    ]) {
      expect(sourcePart(citation)).toEqual({ text: citation });
    }
  });
});

describe('sourceParts', () => {
  it('splits a source into its citations', () => {
    expect(
      sourceParts('BrugerOperationer.xsd; kombit/kosdy_infrastructureSamples-java@93c9b6b3:README.md').map(
        (p) => p.href,
      ),
    ).toEqual([undefined, 'https://github.com/kombit/kosdy_infrastructureSamples-java/blob/93c9b6b3/README.md']);
  });
});
