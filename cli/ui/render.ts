import { renderToString } from 'ink';
import type { ReactElement } from 'react';

/** Where a frame goes: process.stdout, or anything with the same shape (tests pass a collector). */
export interface FrameSink {
  write(text: string): unknown;
  columns?: number;
}

/**
 * Renders an ink element once and writes its final frame. For commands that print a result
 * and exit (no live updates), this gives the same text with or without a terminal.
 */
export function renderOnce(element: ReactElement, sink: FrameSink): void {
  const text = renderToString(element, { columns: sink.columns && sink.columns > 20 ? sink.columns : 100 });
  sink.write(text.endsWith('\n') ? text : `${text}\n`);
}
