// @wglint/nft: parser, typed AST, walker and printers for nftables rulesets.
export * from './ast.js';
export { parseNft, parseNftCommandLine, type NftParseOptions, type NftIncludeResolver } from './parse.js';
export { applyCommands, type RulesetState, type StateTable, type StateChain, type StateSet } from './ruleset-state.js';
export { printNftCanonical, printNftCommand, printExpr, printStatement, printRuleBody, printPriority, priorityNameAllowed } from './print-canonical.js';
export { formatNft } from './format.js';
export { walkNft, visitNft, type NftWalker, type NftNodeByType } from './walk.js';
export { RESERVED_WORDS, RESERVED_WORDS_1_1, PRIORITIES, BRIDGE_PRIORITIES, FAMILIES, HOOKS, META_KEYS, CT_KEYS } from './keywords.js';
export { toIpAddress, toCidr, toPortRange, toInterfaceName, membersOf, isTerminalStatement } from './operands.js';
export * from './model/index.js';
export { parseNftJson, parseNftSource, isNftJson } from './json/index.js';
