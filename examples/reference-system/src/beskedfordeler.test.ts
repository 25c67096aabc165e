import { describe, expect, it } from 'vitest';
import { haendelsesbesked } from '../../../conformance/suites/index.ts';
import { createInbox } from './beskedfordeler.ts';

const now = new Date('2026-11-22T09:00:00Z');
const statusOf = (body: string) => Number(/StatusKode>(\d+)</.exec(body)?.[1]);

describe('the reference system’s Beskedfordeler inbox', () => {
  it('acknowledges a message with 20 and keeps it once, however often it is delivered', () => {
    const inbox = createInbox(new Set());
    const message = haendelsesbesked({ messageUuid: '01157488-c45c-4fd2-b076-1de12effbf66' });
    expect(statusOf(inbox.receive(message, now).body)).toBe(20);
    expect(statusOf(inbox.receive(message, now).body)).toBe(20);
    expect(inbox.list()).toEqual([
      {
        messageUuid: '01157488-c45c-4fd2-b076-1de12effbf66',
        messageType: '7654895c-a3f3-4c77-8afd-4c77330f963c',
        receivedAt: now.toISOString(),
        deliveries: 2,
      },
    ]);
  });

  it('answers 40 with a reason for what it cannot read, and in the SOAP version it was asked in', () => {
    const inbox = createInbox(new Set());
    const noId = inbox.receive(haendelsesbesked({ messageUuid: 'x', omit: 'BeskedId' }), now);
    expect(statusOf(noId.body)).toBe(40);
    expect(noId.body).toContain('FejlbeskedTekst>Haendelsesbesked mangler BeskedId');
    const soap12 = inbox.receive(
      '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>nonsense</s:Body></s:Envelope>',
      now,
    );
    expect(soap12.contentType).toContain('application/soap+xml');
    expect(statusOf(soap12.body)).toBe(40);
    expect(statusOf(inbox.receive('not xml at all', now).body)).toBe(40);
  });

  it('with the bad-push-reply fault acknowledges even what it cannot read', () => {
    expect(statusOf(createInbox(new Set(['bad-push-reply'])).receive('not xml', now).body)).toBe(20);
  });
});
