import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * The door through which klarmeld's runner asks this system to do something, as a user of
 * the system would through its screens: POST /trigger { action, params } → { ok, result | error }.
 * GET /health answers 200 once the system is up. The system's web pages (/web/…) share the port.
 */
export type ActionHandler = (params: Record<string, unknown>) => Promise<unknown>;

/** An error the system reports to its user, with a permanent code (e.g. person-not-found). */
export class ActionError extends Error {
  override name = 'ActionError';
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export function createTriggerServer(
  handlers: Record<string, ActionHandler>,
  /** The system's web pages (its web login, /web/…), served on the same port. */
  web?: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>,
): Server {
  return createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.method === 'GET' && req.url === '/health') return send(200, { ok: true });
    if (web && req.url?.startsWith('/web/'))
      return web(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      });
    if (req.method !== 'POST' || req.url !== '/trigger')
      return send(404, { ok: false, error: { code: 'not-found', message: 'POST /trigger' } });
    let text = '';
    for await (const chunk of req) text += chunk;
    let action: string;
    let params: Record<string, unknown>;
    try {
      ({ action, params = {} } = JSON.parse(text) as { action: string; params?: Record<string, unknown> });
    } catch {
      return send(400, {
        ok: false,
        error: { code: 'bad-request', message: 'Send JSON { "action": …, "params": … }' },
      });
    }
    const handler = handlers[action];
    if (!handler)
      return send(200, {
        ok: false,
        error: { code: 'unsupported-action', message: `This system cannot do "${action}"` },
      });
    try {
      const result = await handler(params);
      send(200, result === undefined ? { ok: true } : { ok: true, result });
    } catch (error) {
      const code = error instanceof ActionError ? error.code : 'failed';
      send(200, { ok: false, error: { code, message: (error as Error).message || String(error) } });
    }
  });
}
