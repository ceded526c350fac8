import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import type { CodeAction, Hover, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver';
import { startServer } from '../src/server.js';

const PRIVATE_KEY = 'SECRETsecretSECRETsecretSECRETsecretSECRET0=';
const PUBLIC_KEY = 'xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=';

/** A client and an in-process server joined by two pipes, as bash-language-server tests do. */
function connect(): MessageConnection {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startServer(server, { debounceMs: 0 });
  server.listen();
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  client.listen();
  return client;
}

describe('language server', () => {
  let client: MessageConnection;
  let uri: string;
  const published: PublishDiagnosticsParams[] = [];
  const text = `[Interface]\nPrivateKey = ${PRIVATE_KEY}\nListenPort = 51820\nAddress 10.0.0.1/24\n\n[Peer]\nPublicKey = ${PUBLIC_KEY}\nAllowedIPs = 10.0.0.2/32\n`;

  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'wglint-lsp-'));
    mkdirSync(join(root, 'etc', 'wireguard'), { recursive: true });
    const file = join(root, 'etc', 'wireguard', 'wg0.conf');
    writeFileSync(file, text);
    uri = pathToFileURL(file).href;
    client = connect();
    client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => published.push(p));
    const init = await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
    expect(init).toMatchObject({ capabilities: { hoverProvider: true, codeActionProvider: true, documentFormattingProvider: true } });
    await client.sendNotification('initialized', {});
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wireguard', version: 1, text } });
    for (let i = 0; i < 100 && published.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  });

  afterAll(() => client.dispose());

  it('publishes the CLI diagnostics while typing, with rule ids and docs links', () => {
    const diags = published.at(-1)!.diagnostics;
    const syntax = diags.find((d) => d.code === 'syntax-error');
    expect(syntax, JSON.stringify(diags)).toBeDefined();
    expect(syntax!.range.start.line).toBe(3);
    expect(syntax!.codeDescription?.href).toMatch(/syntax-error\.md$/);
  });

  it('never puts the private key in a message', () => {
    expect(JSON.stringify(published)).not.toContain(PRIVATE_KEY);
  });

  it('hovers a wg key with its documentation', async () => {
    const h = (await client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 3 } })) as Hover;
    expect(JSON.stringify(h.contents)).toContain('ListenPort');
    expect(JSON.stringify(h)).not.toContain(PRIVATE_KEY);
  });

  it('hovers a diagnostic with its rule summary', async () => {
    const h = (await client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 2 } })) as Hover;
    expect(JSON.stringify(h.contents)).toContain('syntax-error');
  });

  it('offers a suppression quick fix on a diagnostic line', async () => {
    const actions = (await client.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    const suppress = actions.find((a) => a.title === 'Disable syntax-error for this line');
    expect(suppress?.edit?.changes?.[uri]?.[0]?.newText).toBe('# wglint-disable-next-line syntax-error\n');
  });

  it('completes keys of the section under the cursor', async () => {
    const items = (await client.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 7, character: 0 } })) as { label: string }[];
    const labels = items.map((i) => i.label);
    expect(labels).toContain('PersistentKeepalive');
    expect(labels).not.toContain('ListenPort');
  });

  it('formats the document with the comment-preserving formatter', async () => {
    const messy = '[Interface]\nlistenport=51820   # keep me\n';
    const u2 = uri.replace('wg0.conf', 'wg1.conf');
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri: u2, languageId: 'wireguard', version: 1, text: messy } });
    const edits = (await client.sendRequest('textDocument/formatting', { textDocument: { uri: u2 }, options: { tabSize: 2, insertSpaces: true } })) as TextEdit[];
    expect(edits).toHaveLength(1);
    expect(edits[0]!.newText).toContain('# keep me');
    expect(edits[0]!.newText).toContain('ListenPort = 51820');
  });
});
