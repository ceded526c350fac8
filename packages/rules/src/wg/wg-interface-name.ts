import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { interfaceNameFromPath, interfaceNameProblem } from '@wglint/wg';
import { headerRange, wgFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-interface-name',
    severity: 'error',
    summary: 'Config file name that is not a valid interface name (at most 15 of `a-zA-Z0-9_=+.-`)',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      const name = file.ast.interfaceName ?? interfaceNameFromPath(file.path);
      if (name === null) continue;
      const problem = interfaceNameProblem(name);
      if (!problem) continue;
      const refusal = 'wg-quick refuses the file ("The config file must be a valid interface name, followed by .conf")';
      const suggestion = name.replace(/[^a-zA-Z0-9_=+.-]/g, '').slice(0, 15) || 'wg0';
      const message =
        problem === 'too-long'
          ? `The interface name \`${name}\` (from the file name) has ${name.length} characters, but Linux allows at most 15: ${refusal}. Rename the file, e.g. to \`${suggestion}.conf\`.`
          : problem === 'characters'
            ? `The interface name \`${name}\` (from the file name) may only use \`a-z A-Z 0-9 _ = + . -\`${name.length > 15 ? ' and at most 15 characters' : ''}: ${refusal}. Rename the file, e.g. to \`${suggestion}.conf\`.`
            : problem === 'reserved'
              ? `The interface name \`${name}\` is reserved by the kernel (\`.\`, \`..\`, \`all\` and \`default\` cannot name a device). Rename the file, e.g. to \`wg0.conf\`.`
              : `The file name \`.conf\` gives an empty interface name: ${refusal}. Rename the file, e.g. to \`wg0.conf\`.`;
      const first = file.ast.sections[0];
      ctx.report({ file: file.path, range: first ? headerRange(first) : { start: 0, end: 0 }, message });
    }
  },
});
