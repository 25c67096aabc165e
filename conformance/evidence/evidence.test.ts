import { describe, expect, it } from 'vitest';
import {
  canonicalDigest,
  canonicalJson,
  exchangeDigest,
  generateEvidenceKeys,
  keyFingerprint,
  publicKeyPem,
  signDigest,
  verifyDigest,
  signAttestation,
  verifyAttestation,
} from './index.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x', { z: null, y: true }], c: 'é' } })).toBe(
      '{"a":{"c":"é","d":[1,"x",{"y":true,"z":null}]},"b":1}',
    );
  });

  it('gives the same text whatever the key order of the input', () => {
    expect(canonicalJson({ x: 1, y: [2, 3] })).toBe(canonicalJson({ y: [2, 3], x: 1 }));
  });

  it('leaves out undefined members and writes undefined array entries as null, like JSON.stringify', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
  });

  it('refuses values that have no JSON form instead of digesting something ambiguous', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/\$\.a is NaN/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
  });

  it('writes dates through toJSON', () => {
    expect(canonicalJson({ at: new Date('2026-01-02T03:04:05Z') })).toBe('{"at":"2026-01-02T03:04:05.000Z"}');
  });
});

describe('exchangeDigest', () => {
  const exchange = { id: 'x1', service: 'SF1520', request: '<soap/>', response: '<ok/>', status: 200 };

  it('is the sha256 hex of the canonical JSON', () => {
    expect(exchangeDigest(exchange)).toBe(canonicalDigest(exchange));
    expect(exchangeDigest(exchange)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores the record’s own digest and signature fields', () => {
    expect(exchangeDigest({ ...exchange, digest: 'abc', signature: 'def' })).toBe(exchangeDigest(exchange));
  });

  it('changes when any field of the exchange changes', () => {
    expect(exchangeDigest({ ...exchange, status: 500 })).not.toBe(exchangeDigest(exchange));
  });
});

describe('signDigest / verifyDigest', () => {
  const keys = generateEvidenceKeys();
  const digest = canonicalDigest({ hello: 'world' });

  it('verifies a signature made with the matching private key', () => {
    const signature = signDigest(digest, keys.privateKeyPem);
    expect(verifyDigest(digest, signature, keys.publicKeyPem)).toBe(true);
  });

  it('rejects a signature over another digest, under another key, or malformed', () => {
    const signature = signDigest(digest, keys.privateKeyPem);
    const other = generateEvidenceKeys();
    expect(verifyDigest(canonicalDigest({ hello: 'there' }), signature, keys.publicKeyPem)).toBe(false);
    expect(verifyDigest(digest, signature, other.publicKeyPem)).toBe(false);
    expect(verifyDigest(digest, 'not base64 at all', keys.publicKeyPem)).toBe(false);
    expect(verifyDigest('XYZ', signature, keys.publicKeyPem)).toBe(false);
  });

  it('refuses to sign something that is not a digest', () => {
    expect(() => signDigest('hello', keys.privateKeyPem)).toThrow(/64 lower-case hex/);
  });

  it('derives the published public key and a stable fingerprint from the private key', () => {
    expect(publicKeyPem(keys.privateKeyPem)).toBe(keys.publicKeyPem);
    expect(keyFingerprint(keys.privateKeyPem)).toBe(keyFingerprint(keys.publicKeyPem));
    expect(keyFingerprint(keys.publicKeyPem)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('run attestation', () => {
  const keys = generateEvidenceKeys();
  const statement = {
    kind: 'klarmeld.run-attestation/2' as const,
    runId: 'run-1',
    resultsDigest: canonicalDigest({ tests: [{ id: 'a', result: 'pass' }] }),
    system: { uuid: '11111111-2222-4333-8444-555555555555', name: 'Fagsystem', id: 'fagsystem' },
    exchanges: [canonicalDigest('x')],
    signedAt: '2026-11-22T08:00:00.000Z',
  };

  it('verifies an attestation signed with the platform key', () => {
    const attestation = signAttestation(statement, (digest) => signDigest(digest, keys.privateKeyPem));
    expect(verifyAttestation(attestation, keys.publicKeyPem)).toBe(true);
  });

  it('rejects an attestation whose statement was edited after signing', () => {
    const attestation = signAttestation(statement, (digest) => signDigest(digest, keys.privateKeyPem));
    const edited = { ...attestation, statement: { ...statement, resultsDigest: canonicalDigest('other') } };
    expect(verifyAttestation(edited, keys.publicKeyPem)).toBe(false);
  });
});
