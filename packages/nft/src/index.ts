// @wglint/nft: parser, typed AST, walker and printers for nftables rulesets.
export * from './ast.js';
export { parseNft, parseNftCommandLine, type NftParseOptions, type NftIncludeResolver } from './parse.js';
