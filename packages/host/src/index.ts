export type { ParsedFile } from './parsed-file.js';
export type { HostModel, TargetVersions } from './model.js';
export { parseSourceFile } from './parse-file.js';
export { buildHostModel, DEFAULT_TARGETS } from './build.js';
