/** The languages wglint reads; the ids are the CLI's `--lang` values (see CONTRACT.md). */
export type Language = 'wg' | 'nft' | 'iptables-save' | 'sysctl';

export const LANGUAGES: readonly Language[] = ['wg', 'nft', 'iptables-save', 'sysctl'];

/** A file as read from disk or an editor buffer. */
export interface SourceFile {
  /** Path as reached from the CLI argument, or the document URI in the LSP. */
  readonly path: string;
  readonly text: string;
  readonly language: Language;
}
