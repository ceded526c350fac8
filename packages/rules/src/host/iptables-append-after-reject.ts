import { defineRule, type Fix, type TextEdit } from '@wglint/core';
import type { HostModel, IptInsertion, IptRuleFact } from '@wglint/host';
import { iptCovers, isDropping } from '@wglint/host';
import { originText } from './utils.js';

type DroppingBefore = IptInsertion['droppingBefore'];

export default defineRule<HostModel>({
  meta: {
    id: 'iptables-append-after-reject',
    severity: 'warning',
    summary: 'A rule is added behind a REJECT/DROP that catches every packet it could match, so it never matches',
    fixable: true,
    languages: ['wg', 'iptables-save'],
  },
  check(ctx) {
    const model = ctx.model;
    // Insertions into one chain share their `droppingBefore` arrays: the DROP/REJECT rules that can
    // cover anything at all are picked out once per array, so a long chain costs linear time.
    const candidates = new Map<DroppingBefore, DroppingBefore>();
    for (const ins of model.iptables.insertions) {
      const before = ins.droppingBefore;
      if (before.length === 0) continue;
      const rule = ins.rule;
      if (rule.origin.kind === 'default' || rule.origin.kind === 'wg-quick') continue;
      // no target and nothing to match (`-m comment` only: pve-firewall's PVESIG markers): it does nothing anywhere
      if (rule.facts.target === undefined && rule.facts.matchesAll) continue;
      let can = candidates.get(before);
      if (!can) candidates.set(before, (can = before.filter((d) => isDropping(d.rule.facts) && (d.rule.facts.matchesAll || !d.rule.facts.hasOtherMatches))));
      let hit: DroppingBefore[number] | undefined;
      for (const d of can) {
        if (d.position < ins.index && iptCovers(d.rule.facts, rule.facts)) {
          hit = d;
          break;
        }
      }
      if (!hit) continue;
      const blocker = hit.rule;
      const catchAll = hit.position;
      // A dump's -A says all the message needs in its summary; hooks (and -I) read the command.
      const sum = rule.summary;
      const cmd = sum?.kind === 'append' ? undefined : rule.command;
      const chain = rule.chain;
      const position = catchAll + 1;
      const how = !cmd || cmd.kind === 'append' ? `\`-A ${chain}\` appends` : `\`-I ${chain} ${cmd.ruleNumber?.value ?? 1}\` inserts`;
      const blockerText = `\`${blockerSpec(blocker)}\` (${originText(model, blocker.origin)})`;
      let fix: Fix | undefined;
      if (ins.hook && ins.certain && cmd?.commandWord && cmd.chain) {
        const edits: TextEdit[] =
          cmd.kind === 'insert' && cmd.ruleNumber
            ? [{ range: cmd.ruleNumber.word.range, text: String(position) }]
            : [
                { range: cmd.commandWord.range, text: '-I' },
                { range: { start: cmd.chain.range.end, end: cmd.chain.range.end }, text: ` ${position}` },
              ];
        fix = { title: `Insert the rule at position ${position} of ${chain}`, edits };
      }
      // `-A CHAIN` (or `-I CHAIN`), from the summary of a dump line or the hook's command
      const head =
        sum && sum.headStart >= 0
          ? { start: sum.headStart, end: sum.headEnd }
          : cmd?.commandWord && cmd.chain
            ? { start: cmd.commandWord.range.start, end: cmd.chain.range.end }
            : undefined;
      const range = head ?? rule.origin.range;
      ctx.report({
        file: rule.origin.file,
        range,
        message:
          `${how} this rule behind ${blockerText}, which ${blocker.facts.target === 'REJECT' ? 'rejects' : 'drops'} ` +
          `every packet it could match: it never matches. ` +
          (rule.origin.kind === 'file'
            ? `Move it above that rule.`
            : `Insert it before that rule: \`-I ${chain} ${position}\`${ins.certain ? '' : ' (check the position: other interfaces also add rules here)'}.`),
        ...(fix ? { fix } : {}),
      });
    }
  },
});

/** The catch-all rule as `iptables -S` would show it (table omitted). */
function blockerSpec(r: IptRuleFact): string {
  return `-A ${r.chain}${r.facts.specKey ? ` ${r.facts.specKey}` : ''}`;
}
