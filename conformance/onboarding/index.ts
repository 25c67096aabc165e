/** The onboarding sheet: store, status rules, history, read API, Excel import/export. */
export { SheetStore, type RunAppend, type SheetOptions } from './sheet-store.ts';
export { TrustedKeyError, type NewTrustedPlatformKey, type TrustedPlatformKey } from './trusted-platform-keys.ts';
export { readSheet, type SheetSnapshot } from './read-sheet.ts';
export { resolveSheetPath, sheetEnvVariable } from './sheet-path.ts';
export { checkEvent, statusByCodeOrLabel, type EventProblem } from './check-event.ts';
export { shownByRun, statusFromRun, type RunEvidenceCounts, type RunKey, type RunStatus } from './status-from-run.ts';
export { eventSources, type EventEvidence, type EventSource, type NewStatusEvent, type StatusEvent } from './status-event.ts';
export { currentStatuses, statusOfEvent, type CurrentStatus, type CurrentStatuses, type DeclaredStatus, type SheetStatus } from './current-status.ts';
export { buildMatrix, statusMark, type MatrixCell, type MatrixFilter, type MatrixRow, type SheetMatrix, type StatusLegend } from './sheet-matrix.ts';
export { buildConnectionReport, type ConnectionReport, type ReportIntegration } from './connection-report.ts';
export { exportWorkbook } from './xlsx-export.ts';
export { readWorkbook, type ImportedCell, type ImportProblem, type WorkbookContent } from './xlsx-import.ts';
export { planImport } from './import-plan.ts';
export { currentOf } from './current-of.ts';
export { exportSheetFile, type ExportOutcome } from './export-sheet.ts';
