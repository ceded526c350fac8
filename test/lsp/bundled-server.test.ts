import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('bundled VS Code extension', () => {
  it('builds, and its language server answers over stdio with diagnostics', async () => {
    execFileSync(process.execPath, [join(root, 'scripts/build-extension.mjs')], { stdio: 'pipe' });
    const server = spawn(process.execPath, [join(root, 'vscode-extension/dist/server.cjs'), '--stdio'], { stdio: 'pipe' });
    const client = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) => client.onNotification('textDocument/publishDiagnostics', resolve));
    client.listen();
    try {
      const init = await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
      expect(init).toMatchObject({ serverInfo: { name: 'wglint' } });
      await client.sendNotification('initialized', {});
      const uri = `file://${mkdtempSync(join(tmpdir(), 'wglint-ext-'))}/wg0.conf`;
      await client.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'wireguard', version: 1, text: '[Interface]\nListenPort 51820\n' },
      });
      const published = await diagnostics;
      expect(published.uri).toBe(uri);
      expect(published.diagnostics.map((d) => d.code)).toContain('syntax-error');
    } finally {
      client.dispose();
      server.kill();
    }
  });
});
