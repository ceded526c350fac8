// STUB(lead): placeholder so dependants compile; the iptables owner replaces this file.
import type { ParseResult } from '@wglint/core';

export interface IptablesSave {
  readonly type: 'IptablesSave';
}

export function parseIptablesSave(text: string): ParseResult<IptablesSave> {
  void text;
  return { ast: { type: 'IptablesSave' }, problems: [] };
}
