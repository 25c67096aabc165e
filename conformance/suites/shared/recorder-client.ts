import { request, type Dispatcher } from 'undici';
import { EnvironmentError } from '../../framework/index.ts';
import type { Exchange, Recorder } from './environment.ts';

/** What `GET /klarmeld/exchanges` answers: the platform's ExchangeRecord, read defensively. */
interface RecordJson {
  id: string;
  time: string;
  integration?: string;
  service?: string;
  operation?: string;
  method?: string;
  path?: string;
  soapVersion?: string;
  soapAction?: string;
  status?: number;
  latencyMs?: number;
  request?: { contentType?: string; body?: string };
  response?: { contentType?: string; body?: string };
  findings?: { severity: string; code: string; message: string }[];
  fault?: { code: string; text: string };
}

/**
 * The embedded platform's recorder, read over HTTPS as the system itself (the platform shows
 * each certificate only its own exchanges).
 */
export function recorderClient(
  baseUrl: string,
  dispatcher: Dispatcher,
  clock: () => Date = () => new Date(),
): Recorder {
  return {
    async mark() {
      return clock().toISOString();
    },
    async since(marker) {
      const first = new URL('/klarmeld/exchanges', baseUrl);
      first.searchParams.set('since', marker);
      first.searchParams.set('limit', '1000');
      // The platform answers in pages (bounded by count and bytes); `next` leads to the rest, in order.
      const exchanges: Exchange[] = [];
      for (let url: URL | undefined = first; url;) {
        let status: number;
        let text: string;
        try {
          const response = await request(url, { dispatcher });
          status = response.statusCode;
          text = await response.body.text();
        } catch (error) {
          throw new EnvironmentError(
            'recorder-unreachable',
            `The platform's recorder at ${url.origin} did not answer: ${(error as Error).message}`,
            { cause: error },
          );
        }
        if (status !== 200)
          throw new EnvironmentError(
            'recorder-refused',
            `The platform's recorder answered HTTP ${status}: ${text.slice(0, 200)}`,
          );
        const page = JSON.parse(text) as { exchanges?: RecordJson[]; next?: string };
        exchanges.push(...(page.exchanges ?? []).map(toExchange));
        url = typeof page.next === 'string' ? new URL(page.next, baseUrl) : undefined;
      }
      return exchanges;
    },
  };
}

export function toExchange(record: RecordJson): Exchange {
  return {
    id: record.id,
    time: record.time,
    integration: record.integration,
    service: record.service,
    operation: record.operation,
    path: record.path,
    method: record.method,
    soapVersion: record.soapVersion,
    contentType: record.request?.contentType,
    soapAction: record.soapAction,
    requestBody: record.request?.body ?? '',
    status: record.status,
    responseBody: record.response?.body ?? '',
    findings: record.findings ?? [],
    fault: record.fault,
    latencyMs: record.latencyMs,
    record,
  };
}
