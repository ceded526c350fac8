// Symbol model of one nft load (one file, or several files loaded as one batch): tables by
// family + name, chains, sets/maps, defines and their uses, jump/goto edges, element commands,
// includes, and the effects of `flush`/`delete` in order. Built once; rules read it.
import type { TextRange } from '@wglint/core';
import type {
  NftChain, NftCommand, NftDefine, NftElementCommand, NftFamily, NftInclude, NftRule, NftRuleset, NftSet,
  NftSetElement, NftTable,
} from '../ast.js';

/** A parsed file handed to the model builder (`text`: its source, when known). */
export interface NftSource {
  readonly file: string;
  readonly ast: NftRuleset;
  readonly text?: string;
}

/** A place in one of the model's files. */
export interface NftLocation {
  readonly file: string;
  readonly range: TextRange;
}

export interface NftModelOptions {
  /**
   * Resolves an `include` that the parser left unresolved: the included files (possibly none, for
   * a glob without matches), or null when it cannot be known (the model is then `incomplete`).
   */
  resolveInclude?(include: NftInclude, fromFile: string): readonly NftSource[] | null;
}

/** One table generation: from its first declaration until `delete table`/`flush ruleset`. */
export interface NftTableSymbol {
  readonly key: string;
  readonly family: NftFamily;
  readonly name: string;
  /** `table …` / `add table …` nodes that declare it (empty when only used by later commands). */
  readonly declarations: { readonly file: string; readonly node: NftTable }[];
  /** True when declared in this model; false when commands add to a table created elsewhere. */
  declared: boolean;
  /**
   * True when the model cannot see everything in the table: it was not declared here, or rules were
   * added to chains that were never declared here. Rules must not report missing names there.
   */
  open: boolean;
  /** Chains present at the end (after deletes). */
  readonly chains: Map<string, NftChainSymbol>;
  /** Every chain declared in this generation, including deleted ones (for name resolution). */
  readonly allChains: Map<string, NftChainSymbol>;
  readonly sets: Map<string, NftSetSymbol>;
  readonly allSets: Map<string, NftSetSymbol>;
  /** Set when `delete/destroy table` or `flush ruleset` ended this generation. */
  removedBy: NftLocation | null;
}

export interface NftChainSymbol {
  readonly table: NftTableSymbol;
  readonly name: string;
  readonly declarations: { readonly file: string; readonly node: NftChain }[];
  /** False when rules were added to the chain but it was never declared in the model. */
  declared: boolean;
  /** Where the name is first written (declaration, or first rule that names it). */
  nameLocation: NftLocation;
  /** Base chain: has `type … hook … priority …`. */
  base: boolean;
  chainType: string | null;
  hook: string | null;
  /** Resolved priority number (null for variables/unknown names). */
  priority: number | null;
  priorityText: string | null;
  /** The declaration carrying the hook spec. */
  hookDeclaration: { readonly file: string; readonly node: NftChain } | null;
  devices: string[];
  policy: { readonly value: string; readonly location: NftLocation } | null;
  /** Rules in order, after `flush` effects. */
  rules: NftRuleSymbol[];
  /** Edges out of this chain (including those in anonymous chains of its rules). */
  readonly jumps: NftJumpEdge[];
  /** Edges into this chain. */
  readonly jumpedFrom: NftJumpEdge[];
  removedBy: NftLocation | null;
}

export interface NftRuleSymbol {
  readonly file: string;
  readonly node: NftRule;
  readonly chain: NftChainSymbol;
}

export interface NftSetSymbol {
  readonly table: NftTableSymbol;
  readonly kind: 'set' | 'map';
  readonly name: string;
  readonly file: string;
  readonly node: NftSet;
  readonly keyType: readonly string[];
  readonly dataType: readonly string[];
  readonly flags: readonly string[];
  /** Elements from the declaration and from `add element` commands. */
  readonly elements: { readonly file: string; readonly element: NftSetElement; readonly via: 'declaration' | 'command' }[];
  readonly references: NftSetReference[];
  removedBy: NftLocation | null;
}

export interface NftJumpEdge {
  readonly kind: 'jump' | 'goto';
  readonly from: NftChainSymbol;
  /** Target name as written (`$x` when a variable). */
  readonly targetName: string;
  /** Resolved target (null when missing, dynamic, or the table is open). */
  readonly to: NftChainSymbol | null;
  readonly file: string;
  /** Range of the target name (or of the whole verdict when no name range exists). */
  readonly range: TextRange;
  readonly rule: NftRuleSymbol;
  /** `verdict` for `jump x`, `vmap` for a verdict inside a verdict map (inline or named). */
  readonly via: 'verdict' | 'vmap';
}

export interface NftDefineSymbol {
  readonly name: string;
  readonly file: string;
  readonly node: NftDefine;
  /** `top` for file level, else the table key of the block it is in (also for chain blocks). */
  readonly scope: string;
  /** Name of the chain whose block holds it (visible in that chain only); null otherwise. */
  readonly chain: string | null;
  /**
   * For a `define` (not `redefine`) of a name already visible where it stands (same block or an
   * enclosing one): that definition. nft refuses it (`redefinition of symbol 'NAME'`).
   */
  readonly redefinitionOf: NftDefineSymbol | null;
  readonly uses: NftVariableUse[];
}

export interface NftVariableUse {
  readonly name: string;
  readonly file: string;
  readonly range: TextRange;
  /** The definition in scope at the use, null when none (nft: `unknown identifier`). */
  readonly define: NftDefineSymbol | null;
  /** True when it resolves to a define in the block of the chain it sits in. */
  readonly chainLocal: boolean;
}

export interface NftSetReference {
  readonly name: string;
  readonly file: string;
  readonly range: TextRange;
  /** Table the reference is resolved in (null when the rule's table is unknown). */
  readonly table: NftTableSymbol | null;
  readonly set: NftSetSymbol | null;
  readonly rule: NftRuleSymbol | null;
}

export interface NftElementCommandSymbol {
  readonly file: string;
  readonly node: NftElementCommand;
  readonly table: NftTableSymbol | null;
  readonly set: NftSetSymbol | null;
}

export interface NftIncludeSymbol {
  readonly file: string;
  readonly node: NftInclude;
  /** Files it brought in; null when it could not be resolved. */
  readonly files: readonly string[] | null;
}

/** A command that removes things, in load order. */
export interface NftEffect {
  readonly kind: 'flush-ruleset' | 'delete-table' | 'flush-table' | 'delete-chain' | 'flush-chain' | 'delete-set' | 'delete-rule';
  readonly file: string;
  readonly node: NftCommand;
  /** Family of `flush ruleset FAMILY`, or of the object. */
  readonly family: NftFamily | null;
}

export interface NftModel {
  /** Files in load order (sources and resolved includes). */
  readonly files: readonly string[];
  /** Tables present at the end of the load. */
  readonly tables: readonly NftTableSymbol[];
  /** Every table generation, including removed ones. */
  readonly allTables: readonly NftTableSymbol[];
  readonly defines: readonly NftDefineSymbol[];
  readonly variableUses: readonly NftVariableUse[];
  readonly setReferences: readonly NftSetReference[];
  readonly jumps: readonly NftJumpEdge[];
  readonly elementCommands: readonly NftElementCommandSymbol[];
  readonly includes: readonly NftIncludeSymbol[];
  readonly effects: readonly NftEffect[];
  /** Every rule that was added, with its chain (also those later flushed). */
  readonly rules: readonly NftRuleSymbol[];
  /** True when some include could not be resolved: names may be defined where the model cannot see. */
  readonly incomplete: boolean;
  /** Live table by family and name. */
  table(family: NftFamily, name: string): NftTableSymbol | undefined;
}


