import type { HostRule } from '../host-rule.js';
import privateKeyReadableByOthers from './private-key-readable-by-others.js';

export const rules: readonly HostRule[] = [privateKeyReadableByOthers];
