import type { Rule } from '@wglint/core';
import type { HostModel } from '@wglint/host';

/** Every wglint rule is a pure function of one host's model. */
export type HostRule = Rule<HostModel>;
