export { detectLanguage } from './detect-language.js';
export { runRules, UNUSED_SUPPRESSION, type RunOptions } from './run-rules.js';
export { lintTexts } from './lint-texts.js';
