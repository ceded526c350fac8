import type { HostRule } from '../host-rule.js';
import nftChainTypeHook from './nft-chain-type-hook.js';
import nftDuplicateChainPriority from './nft-duplicate-chain-priority.js';
import nftDuplicateDefine from './nft-duplicate-define.js';
import nftInterfacePlusWildcard from './nft-interface-plus-wildcard.js';
import nftJumpLoop from './nft-jump-loop.js';
import nftJumpToBaseChain from './nft-jump-to-base-chain.js';
import nftNatOutsideNatChain from './nft-nat-outside-nat-chain.js';
import nftPolicyOnRegularChain from './nft-policy-on-regular-chain.js';
import nftSetElementType from './nft-set-element-type.js';
import nftSetNeedsInterval from './nft-set-needs-interval.js';
import nftStatementAfterTerminal from './nft-statement-after-terminal.js';
import nftUndefinedChain from './nft-undefined-chain.js';
import nftUndefinedSet from './nft-undefined-set.js';
import nftUndefinedVariable from './nft-undefined-variable.js';
import nftUnreachableRule from './nft-unreachable-rule.js';
import nftUnreferencedChain from './nft-unreferenced-chain.js';
import nftUnusedDefine from './nft-unused-define.js';
import nftUnusedSet from './nft-unused-set.js';

/** Semantic rules over nft ruleset files (symbol model in @wglint/nft model), sorted by id. */
export const rules: readonly HostRule[] = [
  nftChainTypeHook,
  nftDuplicateChainPriority,
  nftDuplicateDefine,
  nftInterfacePlusWildcard,
  nftJumpLoop,
  nftJumpToBaseChain,
  nftNatOutsideNatChain,
  nftPolicyOnRegularChain,
  nftSetElementType,
  nftSetNeedsInterval,
  nftStatementAfterTerminal,
  nftUndefinedChain,
  nftUndefinedSet,
  nftUndefinedVariable,
  nftUnreachableRule,
  nftUnreferencedChain,
  nftUnusedDefine,
  nftUnusedSet,
];
