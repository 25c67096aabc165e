/**
 * Runs: a supplier opens one of its own system, follows its progress, relays its trigger
 * requests, and reads the signed document when the server has judged it. The server accepts
 * no results from the client: the only thing the CLI posts during a run is the system's reply
 * to a trigger request, which the suites read as they would read a local trigger hook.
 */
import { badRequest, notFound } from '../api/api-error.ts';
import { requireOwner } from '../api/access.ts';
import type { ApiRequest, ApiRoute } from '../api/json-api.ts';
import { forwardedHeader, runElsewhere } from '../cluster/run-elsewhere.ts';
import type { ServerRun } from '../store/server-store.ts';
import type { RunService } from '../runs/run-service.ts';
import type { ServerStore } from '../store/server-store.ts';
import { optionalList, optionalText, text } from './fields.ts';

/** How long a long poll waits before answering "nothing yet" (the CLI polls again). */
const pollMs = 20_000;
const waitOf = (query: URLSearchParams) => Math.min(pollMs, Math.max(0, Number(query.get('waitMs') ?? pollMs) || 0));

export function runRoutes(store: ServerStore, runs: RunService): ApiRoute[] {
  /**
   * A run not judged here (another instance's, or ended before this one started): forwarded to
   * its instance, or answered from the database (server/cluster/run-elsewhere.ts).
   */
  const elsewhere = async (request: ApiRequest, method: 'GET' | 'POST', fromDatabase: (run: ServerRun) => unknown) => {
    const forwardedBy = request.raw?.headers[forwardedHeader];
    const answer = await runElsewhere(store, runs.instance, {
      who: request.who,
      runId: request.params.id!,
      method,
      path: request.raw?.path ?? '/',
      body: request.body,
      authorization: request.raw?.headers.authorization,
      forwardedBy: typeof forwardedBy === 'string' ? forwardedBy : undefined,
    });
    if (answer.kind === 'forwarded') return { status: answer.status, body: answer.body };
    return { body: fromDatabase(answer.run) };
  };
  return [
    {
      method: 'POST',
      path: '/api/runs',
      async handle({ who, body }) {
        if ('results' in body || 'tests' in body || 'document' in body) {
          throw badRequest(
            'The server judges runs itself and accepts no results, tests or run documents from a client: open a run with {"system"} and relay its trigger requests.',
          );
        }
        const timeout = body.triggerTimeoutSeconds;
        const integrations = optionalList(body, 'integrations', 'a list of integration ids, e.g. ["SF1520"]');
        const callbackUrl = optionalText(
          body,
          'callbackUrl',
          "the https:// URL of the system's Beskedfordeler callback",
        );
        const profileName = optionalText(body, 'profile', 'the name of the profile file');
        const municipality = optionalText(
          body,
          'municipality',
          'the kommunekode or CVR of a municipality using the system',
        );
        if (callbackUrl && !/^https:\/\/[^/\s]+/.test(callbackUrl))
          throw badRequest(
            `"callbackUrl" must be an https:// URL: the platform pushes over mutual TLS, not "${callbackUrl}".`,
          );
        const run = await runs.open(who, {
          system: text(body, 'system', "the system's catalogue id"),
          ...(integrations ? { integrations } : {}),
          ...(callbackUrl ? { callbackUrl } : {}),
          ...(typeof timeout === 'number' ? { triggerTimeoutSeconds: timeout } : {}),
          record: body.record === true,
          ...(profileName ? { profileName } : {}),
          ...(municipality ? { municipality } : {}),
        });
        return { status: 201, body: { run } };
      },
    },
    {
      method: 'GET',
      path: '/api/runs',
      async handle({ who }) {
        if (who.role === 'municipality') return { body: { runs: [] } };
        return { body: { runs: await store.runs(who.role === 'supplier' ? who.cvr : undefined) } };
      },
    },
    {
      method: 'GET',
      path: '/api/runs/:id',
      async handle({ who, params }) {
        const run = await store.run(params.id!);
        if (!run) throw notFound(`Run ${params.id}`);
        requireOwner(who, run, `read run ${run.id}`);
        const { document, ...rest } = run;
        // What the sheet recorded from it, as the judgement's history entry says.
        const judged = (await store.history(run.id)).find((h) => h.action === 'run.judge')?.detail;
        return {
          body: {
            run: rest,
            ...(document ? { document: JSON.parse(document) as unknown } : {}),
            ...(judged && 'recorded' in judged ? { recorded: judged.recorded, notRecorded: judged.notRecorded } : {}),
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/api/runs/:id/events',
      async handle(request) {
        const { who, params, query } = request;
        const after = Math.max(0, Number(query.get('after') ?? 0) || 0);
        const active = runs.local(who, params.id!);
        // From the database: the events were the other instance's; the state tells the CLI whether to go on.
        if (!active) return elsewhere(request, 'GET', (run) => ({ events: [], next: after, state: run.state }));
        return { body: await active.eventsAfter(after, waitOf(query)) };
      },
    },
    {
      method: 'GET',
      path: '/api/runs/:id/trigger',
      async handle(asked) {
        const { who, params, query } = asked;
        const active = runs.local(who, params.id!);
        if (!active) return elsewhere(asked, 'GET', (run) => ({ state: run.state }));
        const request = await active.relay.next(waitOf(query));
        if (request) return { body: { request } };
        return { body: { state: active.state } };
      },
    },
    {
      // The supplier stopped klarmeld test (Ctrl-C): the run ends now, as an environment error, instead of waiting out the trigger.
      method: 'POST',
      path: '/api/runs/:id/cancel',
      async handle(request) {
        const { who, params } = request;
        const active = runs.local(who, params.id!);
        if (!active) return elsewhere(request, 'POST', (run) => ({ state: run.state }));
        if (active.state === 'open') {
          active.relay.end(
            `${who.name} stopped klarmeld test, which relayed the system's trigger: the run was cancelled, and nothing after this was judged.`,
          );
          await store.appendHistory({ actor: who.id, action: 'run.cancel', subject: active.id });
        }
        return { body: { state: active.state } };
      },
    },
    {
      method: 'POST',
      path: '/api/runs/:id/trigger/:request',
      async handle(request) {
        const { who, params, body } = request;
        const active = runs.local(who, params.id!);
        const gone = {
          code: 'run.request-gone',
          message: `Trigger request ${params.request} no longer waits for an answer (answered already, timed out, or the run ended).`,
        };
        if (!active) {
          const answered = await elsewhere(request, 'POST', () => gone);
          return 'status' in answered ? answered : { status: 409, body: answered.body };
        }
        const answer =
          typeof body.reply === 'string'
            ? { reply: body.reply }
            : typeof body.failed === 'string'
              ? { failed: body.failed }
              : typeof body.unanswered === 'string'
                ? { unanswered: body.unanswered }
                : undefined;
        if (!answer)
          throw badRequest(
            'Post {"reply": "<the system\'s reply, as text>"}, {"failed": "<what was wrong with it>"} or {"unanswered": "<why the system gave none>"}.',
          );
        if (!active.relay.answer(params.request!, answer)) {
          return { status: 409, body: gone };
        }
        return { body: { accepted: true } };
      },
    },
  ];
}
