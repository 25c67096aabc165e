import { readFile, readdir, stat } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';

export interface BrokenLink {
  page: string;
  link: string;
  why: string;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

const decode = (s: string) => s.replaceAll('&amp;', '&').replaceAll('&#38;', '&');

/** Site-relative links and sources of a page (href, src), without external ones. */
export function internalLinks(html: string): string[] {
  const links = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => decode(m[1]!));
  return links.filter((l) => l !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(l) && !l.startsWith('//'));
}

const ids = (html: string) => new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1]!)));

/**
 * Every internal link of the built site that leads nowhere: a path with no file (or
 * directory index) behind it, or a #fragment with no element of that id on the target page.
 */
export async function findBrokenLinks(dist: string): Promise<{ pages: number; links: number; broken: BrokenLink[] }> {
  const files = await htmlFiles(dist);
  const pages = new Map<string, string>();
  await Promise.all(files.map(async (f) => pages.set(f, await readFile(f, 'utf8'))));
  const idCache = new Map<string, Set<string>>();
  const exists = new Map<string, Promise<string | undefined>>();
  const target = (path: string) => {
    let found = exists.get(path);
    if (!found) {
      found = (async () => {
        for (const candidate of [path, join(path, 'index.html')]) {
          if (
            await stat(candidate).then(
              (s) => s.isFile(),
              () => false,
            )
          )
            return candidate;
        }
        return undefined;
      })();
      exists.set(path, found);
    }
    return found;
  };
  const broken: BrokenLink[] = [];
  let links = 0;
  for (const [file, html] of pages) {
    const page = '/' + relative(dist, file).split(sep).join('/');
    for (const link of new Set(internalLinks(html))) {
      links++;
      const [pathPart, fragment] = link.split('#', 2) as [string, string | undefined];
      const path = pathPart.split('?')[0]!;
      const absolute = path === '' ? page : path.startsWith('/') ? path : posix.join(posix.dirname(page), path);
      const found = await target(join(dist, decodeURIComponent(absolute)));
      if (!found) {
        broken.push({ page, link, why: 'no such file' });
        continue;
      }
      if (fragment && found.endsWith('.html')) {
        if (!idCache.has(found)) idCache.set(found, ids(pages.get(found) ?? (await readFile(found, 'utf8'))));
        if (!idCache.get(found)!.has(decodeURIComponent(fragment)))
          broken.push({ page, link, why: `no element with id "${fragment}"` });
      }
    }
  }
  return { pages: pages.size, links, broken };
}
