/**
 * `klarmeld verify`, `klarmeld sheet record` and `klarmeld test --record` judge a run by its
 * evidence and by its verdicts re-derived from its tapes (issue 13); the work is done beside
 * the suites, where klarmeld server can call it too.
 */
export { verifyAndRederive } from '../../conformance/suites/index.ts';
