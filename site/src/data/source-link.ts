/**
 * Where a cited source can be read. The catalogue and the suites cite public documents as a URL
 * or as `owner/repo@commit:path` (a file in a public GitHub repository at a fixed commit), each
 * with an optional note in brackets; several are joined by "; ". A citation with an elided part
 * ("…") names a document without a usable address, so it stays text.
 */
export interface SourcePart {
  text: string;
  href?: string;
  /** What the citation points at inside the document, e.g. "(entityID)". */
  note?: string;
}

const repoFile = /^([\w.-]+)\/([\w.-]+)@([0-9a-f]{7,40}):(\S.*)$/;
/** A note after the path: a section ("§2.1 …") or a bracket at the end ("(entityID)"). */
const withNote = /^(.+?) (§.*|\([^()]*\))$/;

function githubUrl(owner: string, repo: string, commit: string, path: string): string {
  const last = path.replace(/\/$/, '').split('/').at(-1) ?? '';
  const kind = path.endsWith('/') || !last.includes('.') ? 'tree' : 'blob';
  return `https://github.com/${owner}/${repo}/${kind}/${commit}/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** One citation: its text, its address where it has a usable one, and its note. */
export function sourcePart(citation: string): SourcePart {
  const url = /^(https?:\/\/\S+)(?: (.*))?$/.exec(citation);
  if (url)
    return url[1]!.includes('…')
      ? { text: citation }
      : { text: url[1]!, href: url[1]!, ...(url[2] && { note: url[2] }) };
  const file = repoFile.exec(citation);
  if (!file || citation.includes('…')) return { text: citation };
  const [, owner, repo, commit, rest] = file as unknown as [string, string, string, string, string];
  const noted = withNote.exec(rest);
  const path = noted ? noted[1]! : rest;
  const text = `${owner}/${repo}@${commit}:${path}`;
  return { text, href: githubUrl(owner, repo, commit, path), ...(noted && { note: noted[2]! }) };
}

/** Every citation of a source text ("a; b; c"). */
export function sourceParts(source: string): SourcePart[] {
  return source.split('; ').map((s) => sourcePart(s.trim()));
}
