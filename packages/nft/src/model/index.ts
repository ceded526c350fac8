// Symbol model of nft rulesets: tables, chains, sets/maps, defines, jump edges, effects in order.
export * from './types.js';
export { buildNftModel, tableKey } from './build.js';
export { CHAIN_TYPE_RULES, FAMILY_HOOKS, NAT_HOOKS, findJumpCycles, isMatchStatement, reachingBaseChains } from './semantics.js';
