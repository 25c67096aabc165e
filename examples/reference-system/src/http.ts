import { Agent, request } from 'undici';

/**
 * The one HTTP client of the system: undici with the system certificate for mutual TLS.
 * `soapRequest` lets the generated SOAP clients (the soap package) send through it instead of
 * axios; it speaks the small part of axios' request/response shape that soap uses.
 */
export function mutualTlsAgent(tls: { cert: string; key: string; ca: string }): Agent {
  return new Agent({ connect: { cert: tls.cert, key: tls.key, ca: tls.ca }, keepAliveTimeout: 10_000 });
}

interface AxiosLikeRequest {
  url: string;
  method?: string;
  headers?: Record<string, string | number>;
  data?: string | Buffer;
}

export function soapRequest(agent: Agent) {
  return async (options: AxiosLikeRequest) => {
    const headers = Object.fromEntries(
      Object.entries(options.headers ?? {})
        .filter(([name]) => !['host', 'content-length', 'accept-encoding'].includes(name.toLowerCase()))
        .map(([name, value]) => [name, String(value)]),
    );
    const response = await request(options.url, {
      method: (options.method ?? 'POST') as 'POST',
      headers,
      body: options.data,
      dispatcher: agent,
    });
    const data = await response.body.text();
    return { status: response.statusCode, statusText: '', headers: response.headers, data, config: options };
  };
}
