import { describe, expect, it } from 'vitest';
import { countWrittenPages } from './demo-site.ts';

/** Lines as Astro 7 writes them while it generates static routes (copied from a build of this site). */
const astroOutput = [
  '13:14:41 [build] Rearranging server assets...',
  '',
  ' generating static routes ',
  '13:14:42   ├─ /404.html13:14:42 [WARN] [content] Entry docs → 404 was not found.',
  ' (+19ms) ',
  '13:14:42   ├─ /integrationer/index.html (+14ms) ',
  '13:14:42   ├─ /ydelsesomraader/index.html (+7ms) ',
  '13:14:42   └─ /pakker/index.html (+9ms) ',
].join('\n');

describe("the demo's site-build progress", () => {
  it('counts the pages Astro reports written, and nothing in its other lines', () => {
    expect(countWrittenPages(astroOutput)).toBe(4);
    expect(countWrittenPages('13:14:40 [build] ✓ Completed in 1.61s.\n13:14:41 [vite] ✓ built in 830ms')).toBe(0);
  });
});
