/**
 * An event as an e-mail (RFC 5322 with MIME): Danish first, then English; UTF-8 text in base64,
 * so the message is 7-bit clean whatever the relay supports; a non-ASCII subject as RFC 2047
 * encoded words. The Message-ID is the delivery's, so a retried delivery is the same message.
 */
import { eventText } from './event-text.ts';
import type { DueDelivery } from './notify-store.ts';

const encodedWords = (text: string) => {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  // At most 45 bytes per word keeps each encoded word under 75 characters; whole characters only.
  const words: string[] = [];
  let chunk = '';
  for (const char of text) {
    if (Buffer.byteLength(chunk + char) > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join('\r\n ');
};

const rfc5322Date = (date: Date) => {
  const [day, , month, year, time] = date.toUTCString().replace(',', '').split(' ');
  return `${day}, ${date.getUTCDate()} ${month} ${year} ${time} +0000`;
};

export function emailMessage(due: DueDelivery, from: string, now: Date): string {
  const text = eventText(due.event);
  const body = [
    text.body.da,
    '',
    `Du får denne besked, fordi ${due.subscription.owner.name} abonnerer på ${due.event.type} (abonnement ${due.subscription.id}).`,
    '',
    '-- English --',
    '',
    text.body.en,
    '',
    `You receive this because ${due.subscription.owner.name} subscribed to ${due.event.type} (subscription ${due.subscription.id}).`,
    '',
  ].join('\r\n');
  const headers = [
    `From: klarmeld <${from}>`,
    `To: <${due.subscription.target}>`,
    `Subject: ${encodedWords(`[klarmeld] ${text.subject.da}`)}`,
    `Date: ${rfc5322Date(now)}`,
    `Message-ID: <${due.delivery.id}@klarmeld>`,
    `X-Klarmeld-Event: ${due.event.type}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
  ];
  const encoded = Buffer.from(body).toString('base64').replace(/.{76}/g, '$&\r\n');
  return `${headers.join('\r\n')}\r\n\r\n${encoded}`;
}
