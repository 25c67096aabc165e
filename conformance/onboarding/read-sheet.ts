import { existsSync } from 'node:fs';
import { contestEvents, programmeEvents, type ContestEvent, type ProgrammeEvent } from './programme-events.ts';
import { SheetStore } from './sheet-store.ts';
import type { StatusEvent } from './status-event.ts';

export interface SheetSnapshot {
  path: string;
  current: StatusEvent[];
  history: StatusEvent[];
  /** A system's place in the programme set by hand, oldest first. */
  programme: ProgrammeEvent[];
  /** Contests of KOMBIT's estimate and KOMBIT's decisions, oldest first. */
  contests: ContestEvent[];
}

/**
 * The read API the site uses: the current view and the whole history, or `undefined` when there
 * is no sheet file at `path` (a site built without a sheet shows the catalogue only).
 */
export function readSheet(path: string): SheetSnapshot | undefined {
  if (!existsSync(path)) return undefined;
  const store = SheetStore.open(path);
  try {
    return {
      path,
      current: store.current(),
      history: store.history(),
      programme: programmeEvents(store),
      contests: contestEvents(store),
    };
  } finally {
    store.close();
  }
}
