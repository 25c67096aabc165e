/**
 * The catalogue's one schema. Types, validation, the Astro collection schema and the
 * generated JSON Schema files (catalog/schema/generated/) all derive from these.
 */
export * from './identifiers.ts';
export * from './integration-id.ts';
export * from './message.ts';
export * from './service.ts';
export * from './integration.ts';
export * from './service-area.ts';
export * from './integration-package.ts';
export * from './organisation.ts';
export * from './programme-place.ts';
export * from './onboarding-status.ts';
export * from './service-agreement.ts';
export * from './korsbaek-samples.ts';
export * from './unpublished-contract.ts';
export * from './korsbaek-persons.ts';
export * from './korsbaek-organisation.ts';
export * from './korsbaek-cases.ts';
