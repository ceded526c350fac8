export { startServer, type ServerOptions } from './server.js';
export { analyzeDocument, type DocumentAnalysis, type AnalyzeInput } from './analyze.js';
export { codeActions } from './code-actions.js';
export { completion } from './completion.js';
export { hover } from './hover.js';
export { formatDocument } from './formatting.js';
