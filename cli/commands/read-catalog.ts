/**
 * Loads the catalogue for a command that reads it, and says on stderr when it has problems (the
 * answer may then be incomplete). The loader is imported here, on first need, so that commands
 * which do not read the catalogue do not pay for it.
 */
export async function readCatalog(dir: string | undefined) {
  const { loadCatalog } = await import('../../catalog/index.ts');
  const { catalog, problems } = await loadCatalog(dir === undefined ? {} : dir);
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors > 0)
    process.stderr.write(
      `The catalogue has ${errors} problems, so this answer may be incomplete. Run "klarmeld catalog check" to see them.\n`,
    );
  return catalog;
}
