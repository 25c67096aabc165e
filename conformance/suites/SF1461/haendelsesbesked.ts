/** The Beskedtype of the pushes the tests send (KOMBIT's test message type). */
export const testMessageType = '7654895c-a3f3-4c77-8afd-4c77330f963c';

/**
 * A Haendelsesbesked (Beskedkuvert, urn:oio:besked:kuvert:1.0) as KOMBIT's example message
 * shapes it, for the pushes the provider tests send. `omit` leaves a required part out to make
 * a malformed message.
 */
export function haendelsesbesked(options: {
  messageUuid: string;
  messageType?: string;
  cvr?: string;
  omit?: 'BeskedId';
}): string {
  const id =
    options.omit === 'BeskedId'
      ? ''
      : `<ns2:BeskedId><UUIDIdentifikator>${options.messageUuid}</UUIDIdentifikator></ns2:BeskedId>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<ns2:Haendelsesbesked xmlns="urn:oio:sagdok:3.0.0" xmlns:ns2="urn:oio:besked:kuvert:1.0">
${id}<ns2:BeskedVersion>1.0</ns2:BeskedVersion>
<ns2:Beskedkuvert><ns2:Filtreringsdata>
<ns2:Beskedtype><UUIDIdentifikator>${options.messageType ?? testMessageType}</UUIDIdentifikator></ns2:Beskedtype>
<ns2:TilladtModtager><URNIdentifikator>urn:oio:cvr-nr:${options.cvr ?? '11111111'}</URNIdentifikator></ns2:TilladtModtager>
</ns2:Filtreringsdata></ns2:Beskedkuvert>
</ns2:Haendelsesbesked>`;
}
