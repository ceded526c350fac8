// STUB(lead): placeholder so dependants compile; the wg owner replaces this file.
import type { ParseResult } from '@wglint/core';

export interface WgConfig {
  readonly type: 'WgConfig';
}

export function parseWgConfig(text: string): ParseResult<WgConfig> {
  void text;
  return { ast: { type: 'WgConfig' }, problems: [] };
}
