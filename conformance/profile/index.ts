/** The supplier's klarmeld.yaml: what other folders may use (DESIGN.md §2). */
export { triggerReply } from './actions.ts';
export type { TriggerAction, TriggerReply } from './actions.ts';
export { interpolate, loadProfile, parseProfile, profilePath } from './load-profile.ts';
export { ProfileError } from './problem.ts';
export { profileSchemaFile } from './json-schema.ts';
export type { Profile } from './schema.ts';
export { systemUnderTest } from './system-under-test.ts';
export type { SystemUnderTest } from './system-under-test.ts';
