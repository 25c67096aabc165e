import type { CheckContext } from './check-context.ts';

/** Reports every item whose key repeats an earlier item's key, pointing at the first one. */
function duplicates<T extends object>(
  ctx: CheckContext,
  items: readonly T[],
  key: (item: T) => string | undefined,
  field: string,
  what: string,
): void {
  const first = new Map<string, T>();
  for (const item of items) {
    const value = key(item);
    if (value === undefined) continue;
    const earlier = first.get(value);
    if (!earlier) {
      first.set(value, item);
      continue;
    }
    ctx.problems.push(
      ctx.origins.problem(
        'duplicate-id',
        item,
        [field],
        `The ${what} "${value}" is already defined at ${ctx.origins.where(earlier, [field])}.`,
        `Give each ${what} its own ${field}, or remove one of the two entries.`,
      ),
    );
  }
}

/** Ids must be unique within each kind: integrations, areas, use cases, packages, systems, suppliers, municipalities, statuses, user system UUIDs. */
export function checkDuplicates(ctx: CheckContext): void {
  const { catalog } = ctx;
  duplicates(ctx, catalog.integrations, (i) => i.id, 'id', 'integration');
  duplicates(ctx, catalog.areas, (a) => a.id, 'id', 'service area');
  duplicates(
    ctx,
    catalog.areas.flatMap((a) => a.useCases),
    (u) => u.id,
    'id',
    'use case',
  );
  duplicates(ctx, catalog.packages, (p) => p.id, 'id', 'integration package');
  duplicates(ctx, catalog.systems, (s) => s.id, 'id', 'system');
  duplicates(ctx, catalog.systems, (s) => s.userSystemUuid, 'userSystemUuid', 'user system UUID');
  duplicates(ctx, catalog.suppliers, (s) => s.cvr, 'cvr', 'supplier CVR');
  duplicates(ctx, catalog.municipalities, (m) => m.cvr, 'cvr', 'municipality CVR');
  duplicates(ctx, catalog.municipalities, (m) => m.code, 'code', 'kommunekode');
  duplicates(ctx, catalog.statuses, (s) => s.code, 'code', 'status code');
}
