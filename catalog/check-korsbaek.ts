import type { CheckContext } from './check-context.ts';

/**
 * Korsbæk's test data refers to itself: a user's unit and functions, a unit's parent, a case's
 * users and class, a person's relatives. A reference to nothing would make the platform answer
 * with an object that does not exist, so each is reported at its file and line. A part whose file
 * is missing is not checked against (its absence is not the referring file's mistake).
 */
export function checkKorsbaek(ctx: CheckContext): void {
  const { persons, organisation, classes, cases } = ctx.catalog.korsbaek;
  const dangling = (file: object, path: (string | number)[], what: string, value: string, where: string) =>
    ctx.problems.push(
      ctx.origins.problem(
        'dangling-reference',
        file,
        path,
        `No ${what} has ${value}.`,
        `Use the uuid or number of one in ${where}, or add it there.`,
      ),
    );
  if (organisation) {
    const units = new Set(organisation.units.map((u) => u.uuid));
    const functions = new Set(organisation.functions.map((f) => f.uuid));
    organisation.units.forEach((u, i) => {
      if (u.parent && !units.has(u.parent)) dangling(organisation, ['units', i, 'parent'], 'unit', u.parent, 'units');
    });
    organisation.functions.forEach((f, i) => {
      if (!units.has(f.unit)) dangling(organisation, ['functions', i, 'unit'], 'unit', f.unit, 'units');
    });
    organisation.users.forEach((u, i) => {
      if (!units.has(u.unit)) dangling(organisation, ['users', i, 'unit'], 'unit', u.unit, 'units');
      u.functions.forEach((f, j) => {
        if (!functions.has(f)) dangling(organisation, ['users', i, 'functions', j], 'function', f, 'functions');
      });
    });
  }
  if (cases) {
    const users = organisation && new Set(organisation.users.map((u) => u.uuid));
    const classUuids = classes && new Set(classes.classes.map((c) => c.uuid));
    cases.cases.forEach((c, i) => {
      for (const field of ['registeredBy', 'sagsaktoer'] as const) {
        if (users && !users.has(c[field]))
          dangling(cases, ['cases', i, field], 'user', c[field], 'korsbaek/organisation.yaml');
      }
      if (classUuids && !classUuids.has(c.sagsklasse))
        dangling(cases, ['cases', i, 'sagsklasse'], 'class', c.sagsklasse, 'korsbaek/classes.yaml');
    });
  }
  if (persons) {
    const pnrs = new Set(persons.persons.map((p) => p.pnr));
    persons.persons.forEach((p, i) => {
      const { aegtefaelle, mor, far, boern, foraeldremyndighed } = p.relationer;
      const single = { aegtefaelle, mor, far };
      for (const [field, pnr] of Object.entries(single)) {
        if (pnr && !pnrs.has(pnr))
          dangling(persons, ['persons', i, 'relationer', field], 'test person', pnr, 'persons');
      }
      boern.forEach((pnr, j) => {
        if (!pnrs.has(pnr)) dangling(persons, ['persons', i, 'relationer', 'boern', j], 'test person', pnr, 'persons');
      });
      foraeldremyndighed.forEach((f, j) => {
        if (!pnrs.has(f.pnr))
          dangling(
            persons,
            ['persons', i, 'relationer', 'foraeldremyndighed', j, 'pnr'],
            'test person',
            f.pnr,
            'persons',
          );
      });
    });
  }
}
