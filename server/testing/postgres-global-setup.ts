/**
 * Vitest global setup: one PostgreSQL server for the whole `vitest run`, started the first time a
 * test file asks for it (a run without PostgreSQL tests never starts one). Each test file used to
 * `initdb` and start a server of its own, about 1.5 s of CPU and several seconds of wall time per
 * file; a fresh database (`CREATE DATABASE`, from template1) costs a few milliseconds.
 *
 * The server belongs to Vitest's main process, and the test workers (other processes) reach it
 * through a small HTTP broker on 127.0.0.1 whose address is handed to them with `provide`
 * (`sharedTestPostgres()` in shared-postgres.ts asks it). The teardown stops the server and removes
 * its folder; when the main process dies instead, `startTestPostgres`'s exit hook kills it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { TestProject } from 'vitest/node';
import { startTestPostgres, type TestPostgres } from './postgres.ts';

declare module 'vitest' {
  interface ProvidedContext {
    /** The broker's base URL (see shared-postgres.ts). */
    klarmeldPostgresBroker: string;
  }
}

/** What the broker answers: the server, and for POST /database a new, empty database on it. */
export interface BrokerAnswer {
  /** The maintenance database's URL (superuser `klarmeld`, no password). */
  url: string;
  port: number;
  database?: string;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let server: Promise<TestPostgres> | undefined;
  let databases = 0;
  const running = () => {
    server ??= startTestPostgres();
    // A failed start is not kept: the next request tries again and gets its own error.
    return server.catch((error: unknown) => {
      server = undefined;
      throw error;
    });
  };
  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://broker');
    const postgres = await running();
    const body: BrokerAnswer = { url: postgres.url, port: postgres.port };
    if (request.method === 'POST' && url.pathname === '/database') {
      const prefix = (url.searchParams.get('prefix') ?? '').replace(/[^a-z0-9_]/g, '_').slice(0, 40) || 'test';
      body.database = await postgres.createDatabase(`${prefix}_${++databases}`);
    } else if (request.method !== 'GET' || url.pathname !== '/server') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const broker = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(String((error as Error)?.message ?? error));
    });
  });
  await new Promise<void>((resolve, reject) => broker.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = broker.address() as { port: number };
  project.provide('klarmeldPostgresBroker', `http://127.0.0.1:${port}`);
  return async () => {
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    const started = await server?.catch(() => undefined);
    await started?.stop();
  };
}
