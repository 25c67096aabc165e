/** `klarmeld platform fixtures` reads the platform's own list (the site shows the same). */
export { listFixtures, type FixtureList } from '../../conformance/platform/index.ts';
