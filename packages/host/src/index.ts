export type { ParsedFile } from './parsed-file.js';
export type { HostModel, TargetVersions } from './model.js';
