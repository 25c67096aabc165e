/** The reference system's parts that tests elsewhere use (DESIGN.md §2). */
export { expectedCatches } from './reference-system/expected-catches.ts';
export { faultNames } from './reference-system/src/faults.ts';
