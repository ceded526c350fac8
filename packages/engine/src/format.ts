import type { Language } from '@wglint/core';
import * as iptables from '@wglint/iptables';
import * as nft from '@wglint/nft';
import * as sysctl from '@wglint/sysctl';
import * as wg from '@wglint/wg';

/** A comment-preserving formatter: the file's text in canonical layout. */
export type TextFormatter = (text: string) => string;

/**
 * Each language package exports its formatter under this name. They are looked up at run time so
 * `wglint format` works (and says which languages it cannot format yet) while they are written.
 */
const FORMATTER_EXPORTS: Readonly<Record<Language, readonly [Record<string, unknown>, string]>> = {
  wg: [wg as Record<string, unknown>, 'formatWgConfig'],
  nft: [nft as Record<string, unknown>, 'formatNft'],
  'iptables-save': [iptables as Record<string, unknown>, 'formatIptablesSave'],
  sysctl: [sysctl as Record<string, unknown>, 'formatSysctl'],
};

/** The formatter of a language, or undefined when its package has none yet. */
export function formatterFor(language: Language): TextFormatter | undefined {
  const [mod, name] = FORMATTER_EXPORTS[language];
  const f = mod[name];
  return typeof f === 'function' ? (f as TextFormatter) : undefined;
}
