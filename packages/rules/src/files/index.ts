import type { HostRule } from '../host-rule.js';

export const rules: readonly HostRule[] = [];
