/** The catalogue's one error module: permanent codes, and problems as data. */
export * from './problem-codes.ts';
export * from './catalog-problem.ts';
