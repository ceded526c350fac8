import type { SourceFile, SyntaxProblem } from '@wglint/core';
import type { IptablesSave } from '@wglint/iptables';
import type { NftRuleset } from '@wglint/nft';
import type { SysctlFile } from '@wglint/sysctl';
import type { WgConfig } from '@wglint/wg';

interface ParsedBase {
  readonly file: SourceFile;
  /** False for files read only for context (the rest of a host root): no diagnostics there. */
  readonly lint: boolean;
  readonly problems: readonly SyntaxProblem[];
}

/** A file of a host, parsed by its language's parser. */
export type ParsedFile =
  | (ParsedBase & { readonly language: 'wg'; readonly ast: WgConfig })
  | (ParsedBase & { readonly language: 'nft'; readonly ast: NftRuleset })
  | (ParsedBase & { readonly language: 'iptables-save'; readonly ast: IptablesSave })
  | (ParsedBase & { readonly language: 'sysctl'; readonly ast: SysctlFile });
