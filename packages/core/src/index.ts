export * from './range.js';
export * from './diagnostic.js';
export * from './fix.js';
export * from './language.js';
export * from './parse.js';
export * from './rule.js';
export * from './suppressions.js';
export * from './compare.js';
