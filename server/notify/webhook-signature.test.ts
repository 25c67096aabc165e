import { expect, it } from 'vitest';
import { newWebhookSecret, verifyWebhook, webhookHeaders } from './webhook-signature.ts';

it("signs the Standard Webhooks specification's test vector exactly, so a receiver's library accepts what the server sends", () => {
  const headers = webhookHeaders(
    'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    'msg_p5jXN8AQM9LWM0D4loKWxJek',
    1614265330,
    '{"test": 2432232314}',
  );
  expect(headers).toEqual({
    'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
    'webhook-timestamp': '1614265330',
    'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
  });
  expect(
    verifyWebhook(
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      { ...headers, 'webhook-signature': `v1,bm9wZQ== ${headers['webhook-signature']}` },
      '{"test": 2432232314}',
      new Date(1614265330_000),
    ),
  ).toBe(true);
});

it('makes a new 32-byte secret each time', () => {
  const [a, b] = [newWebhookSecret(), newWebhookSecret()];
  expect(a).not.toBe(b);
  expect(Buffer.from(a.slice('whsec_'.length), 'base64')).toHaveLength(32);
});
