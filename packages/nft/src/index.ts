// STUB(lead): placeholder so dependants compile; the nft owner replaces this file.
import type { ParseResult } from '@wglint/core';

export interface NftRuleset {
  readonly type: 'NftRuleset';
}

export function parseNft(text: string): ParseResult<NftRuleset> {
  void text;
  return { ast: { type: 'NftRuleset' }, problems: [] };
}
