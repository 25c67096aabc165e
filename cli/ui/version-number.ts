/**
 * How the CLI writes KOMBIT's number of an integration version. Where the sources do not give
 * it, the catalogue has none, and the CLI says so instead of printing a number or "undefined".
 */
export const numberNotPublished = 'number not published';

type Numbered = { version?: string | undefined };

/** The number alone, e.g. for "current version  6 (I drift)". */
export const versionNumber = (version: Numbered): string => version.version ?? numberNotPublished;

/** A version's heading: "version 6", or "version (number not published)". */
export const versionHeading = (version: Numbered): string => `version ${version.version ?? `(${numberNotPublished})`}`;
