/** The languages wglint reads; the ids are the CLI's `--lang` values (see CONTRACT.md). */
export type Language = 'wg' | 'nft' | 'iptables-save' | 'sysctl';

export const LANGUAGES: readonly Language[] = ['wg', 'nft', 'iptables-save', 'sysctl'];

/** A file as read from disk or an editor buffer. */
export interface SourceFile {
  /** Path as reached from the CLI argument, or the document URI in the LSP. */
  readonly path: string;
  readonly text: string;
  readonly language: Language;
  /**
   * Permission bits of the file on disk (`st_mode & 0o7777`), when it was read from disk; absent for
   * editor buffers, stdin and in-memory texts. Rules that need it (file permissions) skip files without it.
   */
  readonly mode?: number;
  /**
   * Permission bits of the directory holding the file, read with `mode`. A file is exposed only
   * through a directory others can enter (wg-quick checks `mode & dirMode & 0o007`).
   */
  readonly dirMode?: number;
  /**
   * True when the file on disk starts with a UTF-8 byte order mark, which the reader removed from
   * `text` (and puts back when it writes the file). wg, nft and iptables-restore refuse such a file.
   */
  readonly bom?: boolean;
}
