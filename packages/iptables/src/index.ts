// @wglint/iptables: iptables/ip6tables command lines and iptables-save files.
export * from './ast.js';
export { parseIptablesArgs, chainNameProblem, TABLES, type ParseIptablesOptions } from './parse-args.js';
export { checkIptCommand, lineIssues, isUnknownChain, unknownChainIssue, BUILTIN_CHAINS, isBuiltinChain, jumpChain, type CheckContext } from './validity.js';
export { findMatch, findTarget, isTargetName, protocolMatchName } from './extensions/index.js';
export type { ExtDef, OptDef } from './extensions/index.js';
export { parseIptablesSave, guessFamily, type ParseSaveOptions } from './save/parse-save.js';
export { splitRestoreLine } from './save/split-line.js';
export { formatIptablesSave } from './save/format.js';
export { printIptablesSave, printIptCommand, printRuleSpec, quoteWord, type PrintOptions } from './print.js';
export { canonicalRuleKey, conditionTokens, expandAddresses, normalizeAddress } from './canonical.js';
export {
  IptRuleset,
  type ApplyResult,
  type Provenance,
  type RulesetChain,
  type RulesetEvent,
  type RulesetRule,
  type RulesetTable,
} from './ruleset/model.js';
export {
  TERMINAL_TARGETS,
  findRulesAfterCatchAll,
  findRulesAfterCatchAllInSave,
  findShadowedRules,
  findShadowingRule,
  isCatchAll,
  stoppingTarget,
  ruleCovers,
  type CatchAllFinding,
  type SpecRef,
} from './ruleset/shadow.js';
export { matchesEstablished, stateOptionOf } from './spec-facts.js';
export { isReversedRange, parseUint, portNumber, protocolNumber } from './values.js';
