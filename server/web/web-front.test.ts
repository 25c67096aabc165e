import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../index.ts';
import { api } from '../testing/api-client.ts';

// Supplier A owns reference-system (CVR 99990006); supplier B owns jobcenter-y14-eksempel (99990002), which Aalborg (851) uses.
describe('the web front over HTTP: sessions, CSRF, the same refusals as the API', () => {
  let dir: string;
  let server: RunningServer;
  let admin: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'klarmeld-web-'));
    server = await startServer({ dataDir: dir });
    admin = (await readFile(join(dir, 'admin-token'), 'utf8')).trim();
    for (const [name, body] of Object.entries({
      a: { role: 'supplier', cvr: '99990006' },
      b: { role: 'supplier', cvr: '99990002', name: 'Leverandør B' },
      aalborg: { role: 'municipality', municipalityCode: '851' },
    })) {
      tokens[name] = (await api(server.url, admin, 'POST', '/api/identities', body)).json.token;
    }
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const post = (path: string, fields: Record<string, string>, cookie?: string, origin?: string) =>
    fetch(new URL(path, server.url), {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams(fields),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(cookie ? { cookie } : {}),
        ...(origin ? { origin } : {}),
      },
    });
  const get = (path: string, cookie?: string) =>
    fetch(new URL(path, server.url), { redirect: 'manual', headers: cookie ? { cookie } : {} });
  const signIn = async (token: string) => {
    const answer = await post('/sign-in', { token });
    expect(answer.status).toBe(303);
    return answer.headers.get('set-cookie')!.split(';')[0]!;
  };
  const csrfOf = async (path: string, cookie: string) =>
    /name="_csrf" value="([^"]+)"/.exec(await (await get(path, cookie)).text())![1]!;

  it('signs in with the API token into an HttpOnly, SameSite=Strict session that does not hold the token, and refuses an unknown token', async () => {
    const first = await get('/');
    expect(first.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await first.text()).toContain('<form class="km-form" method="post" action="/sign-in">');
    const wrong = await post('/sign-in', { token: 'kmt_wrong' });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Den nøgle kender serveren ikke');
    const answer = await post('/en/sign-in', { token: tokens.aalborg! });
    expect(answer.headers.get('location')).toBe('/en/');
    const setCookie = answer.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toContain(tokens.aalborg);
    const home = await (await get('/en/', setCookie.split(';')[0])).text();
    expect(home).toContain('Signed in as <strong>Aalborg Kommune</strong>');
    expect(home).toContain('<html lang="en">');
  });

  it('signs out only with the form of the session, and clears the cookie', async () => {
    const cookie = await signIn(tokens.a!);
    expect((await post('/sign-out', {}, cookie)).status).toBe(403);
    const out = await post('/sign-out', { _csrf: await csrfOf('/', cookie) }, cookie);
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/^klarmeld_session=; .*Max-Age=0/);
  });

  it('treats a forged or altered session as signed out', async () => {
    const cookie = await signIn(tokens.a!);
    const altered = cookie.replace(/\.(\d+)\./, (_, n: string) => `.${Number(n) + 3600}.`);
    expect((await get('/matrix', altered)).status).toBe(303);
    expect((await get('/matrix', cookie)).status).toBe(200);
  });

  it('records a municipality approval only with the form of its own session and from its own origin', async () => {
    const cookie = await signIn(tokens.aalborg!);
    const fields = { system: 'jobcenter-y14-eksempel', integration: 'SF1520', decision: 'approve' };
    const count = async () => (await server.store.agreementDecisions({ systemIds: ['jobcenter-y14-eksempel'] })).length;
    expect((await post('/actions/agreement', fields, cookie)).status).toBe(403);
    const otherSession = await csrfOf('/', await signIn(tokens.b!));
    expect((await post('/actions/agreement', { ...fields, _csrf: otherSession }, cookie)).status).toBe(403);
    const csrf = await csrfOf('/systems/jobcenter-y14-eksempel', cookie);
    const foreign = await post('/actions/agreement', { ...fields, _csrf: csrf }, cookie, 'https://evil.example');
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toContain('CSRF');
    expect(await count()).toBe(0);
    const done = await post('/actions/agreement', { ...fields, _csrf: csrf }, cookie, server.url);
    expect(done.headers.get('location')).toBe('/systems/jobcenter-y14-eksempel?saved=1');
    expect(await count()).toBe(1);
    expect(await (await get('/systems/jobcenter-y14-eksempel?saved=1', cookie)).text()).toMatch(
      /Seneste beslutning: <strong>godkendt<\/strong>/,
    );
  });

  it("refuses supplier B supplier A's report and KOMBIT's forms with the API's own 403 text", async () => {
    const cookie = await signIn(tokens.b!);
    const viaApi = await api(server.url, tokens.b, 'GET', '/api/systems/reference-system/report');
    const page = await get('/systems/reference-system', cookie);
    expect(page.status).toBe(403);
    const html = await page.text();
    expect(viaApi.json.message).toMatch(/Leverandør B may not/);
    expect(html).toContain(viaApi.json.message.replaceAll("'", '&#39;'));
    const csrf = await csrfOf('/', cookie);
    const place = await post(
      '/actions/programme',
      { system: 'reference-system', category: 'Administrativt fjernet', _csrf: csrf },
      cookie,
    );
    expect(place.status).toBe(403);
    expect(await place.text()).toMatch(
      /Leverandør B may not set a system&#39;s place in the onboarding programme: only kombit may/,
    );
    expect(await server.store.programmeEvents()).toEqual([]);
  });

  it("lets KOMBIT set a system's place with one of KOMBIT's reasons, shown on the programme page in Danish and English", async () => {
    const cookie = await signIn(admin);
    const csrf = await csrfOf('/programme', cookie);
    const set = await post(
      '/actions/programme',
      {
        system: 'jobcenter-y14-eksempel',
        category: 'administrativt-fjernet',
        reason: 'Produktet er gået ud af markedet',
        _csrf: csrf,
      },
      cookie,
    );
    expect(set.status).toBe(303);
    const row = (html: string) => /<tr data-system="jobcenter-y14-eksempel">.*?<\/tr>/.exec(html)![0];
    expect(row(await (await get('/programme', cookie)).text())).toContain(
      'Administrativt fjernet</td><td>Produktet er gået ud af markedet',
    );
    expect(row(await (await get('/en/programme', cookie)).text())).toContain('Removed administratively');
    expect((await post('/actions/constructor', { _csrf: csrf }, cookie)).status).toBe(404);
    const enrolled = await api(server.url, admin, 'POST', '/api/programme', {
      system: 'jobcenter-y14-eksempel',
      category: 'Tilmeldt onboardingsforløb',
      round: 3,
    });
    expect(enrolled.json.event).toMatchObject({ category: 'tilmeldt', round: 3 });
    expect(row(await (await get('/programme', cookie)).text())).toContain('Tilmeldt onboardingsforløb 3');
    const bad = await post(
      '/actions/programme',
      { system: 'jobcenter-y14-eksempel', category: 'klarmeldt', reason: 'Fordi', _csrf: csrf },
      cookie,
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('is not one of KOMBIT&#39;s reasons');
  });

  it("lets a supplier contest KOMBIT's estimate of its own system and KOMBIT decide it, once", async () => {
    const a = await signIn(tokens.a!);
    const contest = await post(
      '/actions/contest',
      {
        system: 'reference-system',
        integration: 'SF1500',
        reason: 'Vi bruger ikke Organisation',
        _csrf: await csrfOf('/systems/reference-system', a),
      },
      a,
    );
    expect(contest.headers.get('location')).toBe('/systems/reference-system?saved=1');
    const kombit = await signIn(admin);
    const programme = await (await get('/programme', kombit)).text();
    expect(programme).toContain(
      '<strong>reference-system × SF1500</strong>: Leverandøren er ikke enig: Vi bruger ikke Organisation',
    );
    const csrf = await csrfOf('/programme', kombit);
    const decision = {
      system: 'reference-system',
      integration: 'SF1500',
      decision: 'upheld',
      reason: 'SF1500 er obligatorisk i Y14',
      _csrf: csrf,
    };
    expect((await post('/actions/decide', decision, kombit)).status).toBe(303);
    expect(await (await get('/programme', kombit)).text()).toContain('Ingen åbne indsigelser.');
    const again = await post('/actions/decide', decision, kombit);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('No open contest of reference-system × SF1500 to decide');
    expect((await server.store.contestEvents()).map((c) => `${c.kind} ${c.decision ?? ''} ${c.actor}`)).toEqual([
      'contest  klarmeld-projektet (referenceleverandør)',
      'decision upheld KOMBIT',
    ]);
  });

  it('lets KOMBIT trust a platform key through the form, listed on the keys page', async () => {
    const kombit = await signIn(admin);
    const trusted = await post(
      '/en/actions/trust-key',
      {
        name: 'KOMBIT external test environment',
        fingerprint: 'c'.repeat(64),
        publicKey: '',
        _csrf: await csrfOf('/en/keys', kombit),
      },
      kombit,
    );
    expect(trusted.headers.get('location')).toBe('/en/keys?saved=1');
    const keys = await (await get('/en/keys?saved=1', kombit)).text();
    expect(keys).toContain('<th scope="row">KOMBIT external test environment</th><td><code>' + 'c'.repeat(64));
    expect(keys).toContain('role="status">Saved.');
  });

  it('filters the matrix by supplier and area with a plain form, and shows a supplier only its own systems', async () => {
    const kombit = await signIn(admin);
    const rows = async (path: string, cookie: string) =>
      [...(await (await get(path, cookie)).text()).matchAll(/<tr data-system="([^"]+)">/g)].map((m) => m[1]);
    const every = await rows('/matrix', kombit);
    expect(every).toEqual(expect.arrayContaining(['reference-system', 'jobcenter-y14-eksempel']));
    const ofB = await rows('/matrix?supplier=99990002', kombit);
    expect(ofB).toContain('jobcenter-y14-eksempel');
    expect(ofB).not.toContain('reference-system');
    expect(await rows('/matrix?supplier=99990002&area=Y14', kombit)).toContain('jobcenter-y14-eksempel');
    expect((await rows('/matrix?area=Y14', kombit)).length).toBeLessThan(every.length);
    // B sees exactly its own systems: what KOMBIT sees filtered by B's CVR.
    expect(await rows('/matrix', await signIn(tokens.b!))).toEqual(ofB);
  });

  it("lets KOMBIT set a cell's status with a reason on the report, checked as the sheet checks it", async () => {
    const kombit = await signIn(admin);
    const csrf = await csrfOf('/systems/jobcenter-y14-eksempel', kombit);
    const set = await post(
      '/actions/status',
      {
        system: 'jobcenter-y14-eksempel',
        integration: 'SF1500',
        status: 'ikke-klarmeldt',
        reason: 'Ingen test endnu',
        _csrf: csrf,
      },
      kombit,
    );
    expect(set.headers.get('location')).toBe('/systems/jobcenter-y14-eksempel?saved=1');
    const row = /<tr data-integration="SF1500">.*?<\/tr>/s.exec(
      await (await get('/systems/jobcenter-y14-eksempel', kombit)).text(),
    )![0];
    expect(row).toContain('<span class="km-st s5">N</span> Nej');
    expect(row).toContain('<option value="ikke-klarmeldt" selected>');
    expect(row).toContain('intet belæg<br><span class="km-muted">Begrundelse: Ingen test endnu');
    const current = (await server.store.currentStatuses()).find(
      (e) => e.system === 'jobcenter-y14-eksempel' && e.integration === 'SF1500',
    );
    expect(current).toMatchObject({
      status: 'ikke-klarmeldt',
      reason: 'Ingen test endnu',
      source: 'manual',
      actor: 'KOMBIT',
    });
    const unknown = await post(
      '/actions/status',
      { system: 'jobcenter-y14-eksempel', integration: 'SF1500', status: 'Måske', _csrf: csrf },
      kombit,
    );
    expect(unknown.status).toBe(400);
    const a = await signIn(tokens.a!);
    const refused = await post(
      '/actions/status',
      { system: 'reference-system', integration: 'SF1520', status: 'klarmeldt', _csrf: await csrfOf('/', a) },
      a,
    );
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('may not set a status in the onboarding sheet: only kombit may');
  });

  it('shows a municipality on its home page the agreements waiting for its decision, one fewer after it decides one', async () => {
    const cookie = await signIn(tokens.aalborg!);
    const waiting = async () => {
      const row = /<tr data-system="jobcenter-y14-eksempel">.*?<td>(\d+)<\/td><td>([^<]*)<\/td><\/tr>/.exec(
        await (await get('/', cookie)).text(),
      )!;
      return { count: Number(row[1]), integrations: row[2]!.split(', ').filter(Boolean) };
    };
    const before = await waiting();
    expect(before.count).toBe(before.integrations.length);
    expect(before.count).toBeGreaterThan(0);
    const first = before.integrations[0]!;
    const csrf = await csrfOf('/systems/jobcenter-y14-eksempel', cookie);
    expect(
      (
        await post(
          '/actions/agreement',
          { system: 'jobcenter-y14-eksempel', integration: first, decision: 'reject', reason: 'Ikke nu', _csrf: csrf },
          cookie,
        )
      ).status,
    ).toBe(303);
    const after = await waiting();
    expect(after.count).toBe(before.count - 1);
    expect(after.integrations).not.toContain(first);
  });
});
