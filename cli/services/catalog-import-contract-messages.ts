/** The message trees import-contract writes; the conversion lives with the contract reader, which the platform's tests also use. */
export { defaultMessageDepth, messageOf } from '../../catalog/index.ts';
