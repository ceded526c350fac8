// The nft rules never throw, whatever the parser makes of damaged input.
import { describe, expect, it } from 'vitest';
import { lintTexts } from '@wglint/engine';
import { HUB, NFT, SEED_002 } from './helpers.js';

describe('nft rules on damaged rulesets', () => {
  it.each([['hub', HUB], ['seed 002', SEED_002]])('%s: every prefix and a few mutations lint without throwing', (_n, text) => {
    for (let i = 0; i <= text.length; i += 23) {
      expect(() => lintTexts({ [NFT]: text.slice(0, i) })).not.toThrow();
      expect(() => lintTexts({ [NFT]: text.slice(0, i) + text.slice(i + 7) })).not.toThrow();
      expect(() => lintTexts({ [NFT]: `${text.slice(0, i)}}\n${text.slice(i)}` })).not.toThrow();
    }
  });
});
