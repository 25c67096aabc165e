import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Agent, request } from 'undici';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import {
  acceptResponse,
  authnRequest,
  logoutRequest,
  newId,
  readIdpMetadata,
  redirectTo,
  type Idp,
  type Login,
} from './saml-sp.ts';

/**
 * The system's web login through the Context Handler (SF1511) and its logout (SF1515), on the
 * trigger server's port under /web/: the pages a user opens (login, logout), the
 * AssertionConsumerService (acs) and logout return address (slo), and the page that shows who is
 * logged in (session, JSON). `web.describe` tells the runner these addresses (conformance/suites/
 * generic-web-login). The IdP's certificate and locations come from its metadata; on the embedded
 * platform that is served beside the STS (`/klarmeld/context-handler/metadata`).
 */
export function createWebLogin(config: Config, clock: Clock, base: () => string) {
  const { faults } = config;
  const entityId = `https://reference-system.klarmeld.test/saml/${config.connection.userSystemUuid}`;
  const sent = new Map<string, number>();
  const sessions = new Map<string, Login>();
  let idp: Promise<Idp> | undefined;
  const metadata = () =>
    (idp ??= (async () => {
      const agent = new Agent({ connect: { ca: config.tls.ca } });
      try {
        const url = new URL('/klarmeld/context-handler/metadata', config.connection.stsUrl).href;
        return readIdpMetadata(await (await request(url, { dispatcher: agent })).body.text());
      } finally {
        await agent.close();
      }
    })());
  const addresses = () => ({
    entityId,
    login: `${base()}/web/login`,
    logout: `${base()}/web/logout`,
    session: `${base()}/web/session`,
    // saml-bad-acs-address: registers an address that is no URL, so the IdP will not register it.
    assertionConsumerService: faults.has('saml-bad-acs-address') ? 'acs' : `${base()}/web/acs`,
    singleLogoutService: `${base()}/web/slo`,
  });
  const sessionOf = (req: IncomingMessage) => /(?:^|;\s*)refsys_session=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
  const redirect = (res: ServerResponse, location: string, cookie?: string) =>
    res.writeHead(302, { location, ...(cookie && { 'set-cookie': cookie }) }).end();
  const page = (res: ServerResponse, status: number, text: string) =>
    res
      .writeHead(status, { 'content-type': 'text/html; charset=utf-8' })
      .end(`<!DOCTYPE html><p>${text.replace(/</g, '&lt;')}</p>`);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
    const url = new URL(req.url ?? '/', base());
    const now = clock.now();
    if (req.method === 'GET' && url.pathname === '/web/login') {
      const id = newId();
      sent.set(id, now.getTime());
      // saml-stale-issue-instant: a clock an hour behind.
      const at = faults.has('saml-stale-issue-instant') ? new Date(now.getTime() - 3_600_000) : now;
      const xml = authnRequest({ id, at, idp: await metadata(), entityId, acs: addresses().assertionConsumerService });
      return redirect(
        res,
        redirectTo(
          (await metadata()).singleSignOn,
          xml,
          '/web/session',
          config.tls.key,
          !faults.has('saml-unsigned-authn-request'),
        ),
      );
    }
    if (req.method === 'POST' && url.pathname === '/web/acs') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const posted = new URLSearchParams(body).get('SAMLResponse');
      try {
        const login = acceptResponse(
          Buffer.from(posted ?? '', 'base64').toString('utf8'),
          { idp: await metadata(), entityId, acs: `${base()}/web/acs`, now, sent: (id) => sent.delete(id) },
          faults,
        );
        const session = randomUUID();
        sessions.set(session, login);
        return redirect(res, '/web/session', `refsys_session=${session}; HttpOnly; Path=/web; SameSite=Lax`);
      } catch (error) {
        return page(res, 403, `Login afvist: ${(error as Error).message}`);
      }
    }
    if (req.method === 'GET' && url.pathname === '/web/session') {
      const login = sessions.get(sessionOf(req) ?? '');
      if (!login) return res.writeHead(401, { 'content-type': 'application/json' }).end('{"user":null}');
      // saml-privileges-not-shown: shows the user but not what the user may do.
      const shown = {
        user: login.user,
        cvr: login.cvr,
        privileges: faults.has('saml-privileges-not-shown') ? [] : login.privileges,
      };
      return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(shown));
    }
    if (req.method === 'GET' && url.pathname === '/web/logout') {
      const session = sessionOf(req);
      const login = sessions.get(session ?? '');
      if (!login) return redirect(res, '/web/session');
      // saml-session-kept: logs out at the IdP but keeps its own session.
      if (!faults.has('saml-session-kept')) sessions.delete(session!);
      const xml = logoutRequest({
        id: newId(),
        at: now,
        idp: await metadata(),
        entityId,
        nameId: login.user,
        ...(!faults.has('saml-logout-without-session-index') &&
          login.sessionIndex !== undefined && { sessionIndex: login.sessionIndex }),
      });
      return redirect(
        res,
        redirectTo(
          (await metadata()).singleLogout,
          xml,
          '/web/session',
          config.tls.key,
          !faults.has('saml-unsigned-logout'),
        ),
      );
    }
    if (req.method === 'GET' && url.pathname === '/web/slo') return redirect(res, '/web/session');
    page(res, 404, 'Ingen side her.');
  }
  return { addresses, handle };
}
