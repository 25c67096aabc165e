/** The onboarding sheet: store, status rules, history, read API, Excel import/export. */
export { SheetStore, type RunAppend, type SheetOptions } from './sheet-store.ts';
export {
  checkTrustedKey,
  TrustedKeyError,
  type NewTrustedPlatformKey,
  type TrustedPlatformKey,
} from './trusted-platform-keys.ts';
export { readSheet, type SheetSnapshot } from './read-sheet.ts';
export { resolveSheetPath, sheetEnvVariable } from './sheet-path.ts';
export { checkEvent, statusByCodeOrLabel, type EventProblem } from './check-event.ts';
export { shownByRun, statusFromRun, type RunEvidenceCounts, type RunKey, type RunStatus } from './status-from-run.ts';
export {
  runEarnsStatus,
  type EarnedStatuses,
  type IntegrationShown,
  type RunSigner,
  type RunToJudge,
} from './run-earns-status.ts';
export {
  eventSources,
  type EventEvidence,
  type EventSource,
  type NewStatusEvent,
  type StatusEvent,
} from './status-event.ts';
export {
  currentStatuses,
  statusOfEvent,
  type CurrentStatus,
  type CurrentStatuses,
  type DeclaredStatus,
  type SheetStatus,
} from './current-status.ts';
export {
  buildMatrix,
  EXAMPLE_MARK,
  exampleLegend,
  matrixColumns,
  statusMark,
  type MatrixCell,
  type MatrixFilter,
  type MatrixRow,
  type SheetMatrix,
  type StatusLegend,
} from './sheet-matrix.ts';
export { buildConnectionReport, type ConnectionReport, type ReportIntegration } from './connection-report.ts';
export { exportWorkbook, type ExportExtras } from './xlsx-export.ts';
export { readWorkbook, type ImportedCell, type ImportProblem, type WorkbookContent } from './xlsx-import.ts';
export { planImport, type PlannedChange } from './import-plan.ts';
export { importWorkbook, type SheetImport } from './import-sheet.ts';
export { appendKeptCells, latestKeptCells, type KeptCell } from './kept-cells.ts';
export {
  defaultWord,
  markOf,
  readWord,
  reportCodeText,
  wordList,
  wordsOf,
  type ReadWord,
  type Vocabulary,
  type WordReading,
} from './kombit-words.ts';
export { headerOf, integrationOfHeader, kombitColumns, type KombitColumn } from './kombit-columns.ts';
export {
  backingDetail,
  backingKindLabel,
  backingKindLabels,
  backingKinds,
  backingOf,
  backingText,
  type Backing,
} from './declaration-backing.ts';
export { currentOf } from './current-of.ts';
export { exportSheetFile, type ExportOutcome } from './export-sheet.ts';
export {
  contestReason,
  findCategory,
  findReason,
  programmeCategories,
  programmeReasons,
  type ProgrammeCategory,
} from './programme-categories.ts';
export {
  appendContestEvent,
  appendProgrammeEvent,
  contestEvents,
  programmeEvents,
  toContest as contestEventFromRow,
  toProgramme as programmeEventFromRow,
  type ContestEvent,
  type ProgrammeEvent,
} from './programme-events.ts';
export {
  derivePlace,
  openContests,
  programmeOverview,
  type ProgrammeOverview,
  type ProgrammePlace,
} from './programme-overview.ts';
export { backingMark, noStatusStyle, statusCss, statusStyles, type StatusStyle } from './status-style.ts';
