import type { Page } from 'playwright-core';

/**
 * Measurements a reader would notice, taken in the page. An element counts as too wide when it
 * reaches past the right edge of the screen (or of the content column) and no scroll box of its
 * own holds it: a table or the matrix may scroll inside a box that fits, the page may not.
 */

/** Opens every collapsed contract operation, so their soapActions and fields are measured too. */
export function openAllOperations(page: Page): Promise<void> {
  return page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
}

/** The page's own scroll width and the elements that stick out past the screen's right edge. */
export function overflowing(page: Page): Promise<{ scrollWidth: number; wide: string[] }> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`;
    const heldBy = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (/auto|scroll|hidden|clip/.test(getComputedStyle(a).overflowX)) return a;
      }
      return undefined;
    };
    const wide: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      if (!el.checkVisibility()) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= vw + 1) continue;
      const holder = heldBy(el);
      if (holder && holder.getBoundingClientRect().right <= vw + 1) continue;
      wide.push(`${describe(el)} reaches ${Math.round(box.right)} px: "${(el.textContent ?? '').trim().slice(0, 40)}"`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, wide };
  });
}

/**
 * Words of table headers that the browser broke across lines ("V/er/si/o/n"). A soft hyphen
 * (U+00AD) marks where a long compound may break, as Danish hyphenates it; only breaks elsewhere count.
 */
export function brokenHeaderWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    for (const th of document.querySelectorAll('main th')) {
      if (!th.checkVisibility()) continue;
      const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // The matrix writes its headers top to bottom: there a line is a column of letters.
        const vertical = getComputedStyle(node.parentElement!).writingMode.startsWith('vertical');
        for (const match of node.textContent!.matchAll(/[^\s\u00AD]+/g)) {
          // The line of each letter; a letter's last box is its own (Chromium gives the first letter
          // after a soft-hyphen break the hyphen's box on the line above as well).
          const lines = new Set<number>();
          for (let k = match.index; k < match.index + match[0].length; k++) {
            const range = document.createRange();
            range.setStart(node, k);
            range.setEnd(node, k + 1);
            const boxes = [...range.getClientRects()].filter((r) => r.width > 0);
            if (boxes.length > 0) lines.add(Math.round(vertical ? boxes.at(-1)!.left : boxes.at(-1)!.top));
          }
          if (lines.size > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  });
}

/** Elements of the main content that reach into the table of contents beside it (wide screens). */
export function pastContentColumn(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const content = document.querySelector('main .sl-markdown-content');
    if (!content) return ['no content column'];
    const edge = content.getBoundingClientRect().right;
    const heldBy = (el: Element) => {
      for (let a = el.parentElement; a && a !== content; a = a.parentElement) {
        if (/auto|scroll|hidden|clip/.test(getComputedStyle(a).overflowX)) return a;
      }
      return undefined;
    };
    const out: string[] = [];
    for (const el of content.querySelectorAll('*')) {
      if (!el.checkVisibility()) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= edge + 1) continue;
      const holder = heldBy(el);
      if (holder && holder.getBoundingClientRect().right <= edge + 1) continue;
      out.push(
        `${el.tagName.toLowerCase()} reaches ${Math.round(box.right - edge)} px past the column: "${(el.textContent ?? '').trim().slice(0, 50)}"`,
      );
    }
    return out;
  });
}

/** Tables of the main content that scroll sideways inside their own box (the matrix may, by design). */
export function scrollingTables(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main table:not(.km-matrix)')]
      .filter((table) => table.checkVisibility() && table.scrollWidth > table.clientWidth + 1)
      .map(
        (table) =>
          `a table headed "${[...table.querySelectorAll('th')]
            .map((th) => th.textContent!.trim())
            .slice(0, 5)
            .join(' | ')}" is ${table.scrollWidth} px wide in ${table.clientWidth} px`,
      ),
  );
}
