import { it } from 'vitest';
import { parseIptablesArgs, checkIptCommand } from '@wglint/iptables';
import { iptFactsOf } from '../src/ipt-facts.js';
import { typeHookLine } from '../src/hooks.js';
it('perf', () => {
  const words = '-A INPUT -j ACCEPT'.split(' ').map((text, k) => ({ text, range: { start: k, end: k + 1 } }));
  let t = Date.now();
  for (let k = 0; k < 37449; k++) parseIptablesArgs(words, { family: 'ipv4' });
  console.log('ipt', Date.now() - t); t = Date.now();
  const c = parseIptablesArgs(words, { family: 'ipv4' }).ast;
  for (let k = 0; k < 37449; k++) checkIptCommand(c);
  console.log('check', Date.now() - t); t = Date.now();
  for (let k = 0; k < 37449; k++) iptFactsOf(c);
  console.log('facts', Date.now() - t); t = Date.now();
  const value = 'iptables -A INPUT -j ACCEPT; '.repeat(37449);
  const text = 'PostUp = ' + value;
  typeHookLine({ kind: 'PostUp', value, valueRange: { start: 9, end: text.length }, lineRange: { start: 0, end: text.length } }, 'wg0', 'f', text, []);
  console.log('typeHookLine', Date.now() - t);
});
