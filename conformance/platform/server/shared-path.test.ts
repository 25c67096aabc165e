import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import type { PlatformRequest, PlatformServices, ServiceHandler } from '../service-handler.ts';
import { Router } from './router.ts';

const ns = 'urn:oio:test:1';
const handler = (name: string, elements: string[] | undefined, fallback = false): ServiceHandler => ({
  integration: 'SF9000',
  service: 'Objekt',
  path: '/objekt/1',
  soapVersion: '1.2',
  callerProof: 'message-signature',
  ...(elements && { requestElements: elements.map((e) => `{${ns}}${e}`) }),
  ...(fallback && { validatesItself: true }),
  handle: async () => ({ status: 200, contentType: 'application/soap+xml', body: name, findings: [] }),
});
const requestFor = (element: string) => {
  const doc = new DOMParser().parseFromString(`<${element} xmlns="${ns}"/>`, 'text/xml');
  return { bodyElement: doc.documentElement as unknown as Element } as PlatformRequest<undefined>;
};
const answerOf = async (router: Router, element: string) =>
  (await router.soapHandler('/objekt/1')!.handle(requestFor(element) as never, {} as PlatformServices)).body;

describe('a path shared by a hand-written handler and the contract module', () => {
  it('gives the hand-written handler the operations it names and the contract module the rest', async () => {
    const router = new Router([
      { name: 'contract', fallback: true, handlers: [handler('contract', ['LaesInput', 'OpretInput'], true)] },
      { name: 'hand', handlers: [handler('hand', ['LaesInput'])] },
    ]);
    expect(await answerOf(router, 'LaesInput')).toBe('hand');
    expect(await answerOf(router, 'OpretInput')).toBe('contract');
    expect(await answerOf(router, 'UkendtInput')).toBe('hand');
  });

  it('leaves the whole path to a hand-written handler that does not name its operations, or proves its caller otherwise', async () => {
    const silent = new Router([
      { name: 'hand', handlers: [handler('hand', undefined)] },
      { name: 'contract', fallback: true, handlers: [handler('contract', ['OpretInput'], true)] },
    ]);
    expect(await answerOf(silent, 'OpretInput')).toBe('hand');
    const byCertificate = new Router([
      {
        name: 'hand',
        handlers: [{ ...handler('hand', ['LaesInput']), callerProof: 'tls-certificate' } as ServiceHandler],
      },
      { name: 'contract', fallback: true, handlers: [handler('contract', ['OpretInput'], true)] },
    ]);
    expect(await answerOf(byCertificate, 'OpretInput')).toBe('hand');
  });
});
