// Generated from the grammar in src/parser.ts by scripts/gen-cst-dts.ts; do not edit.
import type { CstNode, ICstVisitor, IToken } from "chevrotain";

export interface WgFileCstNode extends CstNode {
  name: "wgFile";
  children: WgFileCstChildren;
}

export type WgFileCstChildren = {
  line?: LineCstNode[];
};

export interface LineCstNode extends CstNode {
  name: "line";
  children: LineCstChildren;
}

export type LineCstChildren = {
  header?: HeaderCstNode[];
  entry?: EntryCstNode[];
  LineEnd: IToken[];
};

export interface HeaderCstNode extends CstNode {
  name: "header";
  children: HeaderCstChildren;
}

export type HeaderCstChildren = {
  LBracket: IToken[];
  HeaderName?: IToken[];
  RBracket: IToken[];
};

export interface EntryCstNode extends CstNode {
  name: "entry";
  children: EntryCstChildren;
}

export type EntryCstChildren = {
  Key?: IToken[];
  Equals?: IToken[];
  Value?: IToken[];
  HookEquals?: IToken[];
  RawValue?: IToken[];
};

export interface ICstNodeVisitor<IN, OUT> extends ICstVisitor<IN, OUT> {
  wgFile(children: WgFileCstChildren, param?: IN): OUT;
  line(children: LineCstChildren, param?: IN): OUT;
  header(children: HeaderCstChildren, param?: IN): OUT;
  entry(children: EntryCstChildren, param?: IN): OUT;
}
