import { cp, readFile, stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';

/**
 * Serves the catalogue's contract files under /kontrakter/ for download: copied into the
 * build output when the build is done (never into git), and served from the catalogue
 * while `astro dev` runs.
 */
export function contractFiles({ dir, route = 'kontrakter' }) {
  return {
    name: 'klarmeld:contract-files',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(async (req, res, next) => {
          const prefix = `/${route}/`;
          if (!req.url?.startsWith(prefix)) return next();
          const file = normalize(join(dir, decodeURIComponent(req.url.slice(prefix.length).split('?')[0])));
          if (!file.startsWith(dir + sep)) return next();
          try {
            if (!(await stat(file)).isFile()) return next();
            res.setHeader('content-type', 'application/octet-stream');
            res.end(await readFile(file));
          } catch {
            next();
          }
        });
      },
      'astro:build:done': async ({ dir: out, logger }) => {
        try {
          await cp(dir, join(out.pathname, route), { recursive: true });
        } catch (error) {
          if (error.code !== 'ENOENT') throw error;
          logger.warn(`No contract files at ${dir}; the download links will not resolve.`);
        }
      },
    },
  };
}
