import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../src/analyze.js';

describe('host context of an open document', () => {
  it("reads the host's rt_tables, so a table name it defines is not reported while typing", () => {
    const root = mkdtempSync(join(tmpdir(), 'wglint-lsp-host-'));
    mkdirSync(join(root, 'etc', 'wireguard'), { recursive: true });
    mkdirSync(join(root, 'etc', 'iproute2'), { recursive: true });
    writeFileSync(join(root, 'etc', 'iproute2', 'rt_tables'), '200 vpn\n');
    const fsPath = join(root, 'etc', 'wireguard', 'wg0.conf');
    const text = '[Interface]\nAddress = 10.0.0.1/24\nPostUp = ip rule add fwmark 1 table vpn priority 5; ip rule add fwmark 2 table nope priority 6\n';
    writeFileSync(fsPath, text);
    const a = analyzeDocument({ uri: `file://${fsPath}`, fsPath, version: 1, text, open: new Map() });
    expect(a.host.files['etc/iproute2/rt_tables']).toBe('200 vpn\n');
    const tables = a.diagnostics.filter((d) => d.ruleId === 'ip-table-name-unknown');
    expect(tables.map((d) => text.slice(d.range.start, d.range.end))).toEqual(['nope']);
  });

  it('reads the sysctl.d directories outside etc as part of the host', () => {
    const root = mkdtempSync(join(tmpdir(), 'wglint-lsp-host-'));
    mkdirSync(join(root, 'etc', 'wireguard'), { recursive: true });
    mkdirSync(join(root, 'usr', 'lib', 'sysctl.d'), { recursive: true });
    writeFileSync(join(root, 'usr', 'lib', 'sysctl.d', '50-default.conf'), 'net.ipv4.ip_forward = 1\n');
    const fsPath = join(root, 'etc', 'wireguard', 'wg0.conf');
    const text = '[Interface]\nAddress = 10.0.0.1/24\n';
    writeFileSync(fsPath, text);
    const a = analyzeDocument({ uri: `file://${fsPath}`, fsPath, version: 1, text, open: new Map() });
    expect(Object.keys(a.host.files).sort()).toEqual(['etc/wireguard/wg0.conf', 'usr/lib/sysctl.d/50-default.conf']);
  });
});
