// STUB(lead): placeholder so dependants compile; the sysctl owner replaces this file.
import type { ParseResult } from '@wglint/core';

export interface SysctlFile {
  readonly type: 'SysctlFile';
}

export function parseSysctl(text: string): ParseResult<SysctlFile> {
  void text;
  return { ast: { type: 'SysctlFile' }, problems: [] };
}
