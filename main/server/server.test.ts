import fc from 'fast-check';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, SECRET_HEADER } from '../../common/methods';
import { openApp, type App } from '../app';
import { CONTENT_SECURITY_POLICY, newSecret } from './security';
import { startServer, type RunningServer } from './server';

// The real web host on a real database file, driven with node:http so the test controls every
// header a browser (or an attacker's page, or a rebinding DNS name) would send.

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string | undefined>; body?: string | Buffer; setHost?: boolean; chunks?: Buffer[]; host?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(options.headers ?? {})) if (v !== undefined) headers[k] = v;
    const req = http.request(
      {
        host: options.host ?? '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers,
        setHost: options.setHost ?? !('Host' in headers || 'host' in headers),
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    // A server that answers early (413) may close before the whole body is written.
    req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'EPIPE' ? undefined : reject(err)));
    if (options.chunks) {
      for (const c of options.chunks) req.write(c);
      req.end();
    } else req.end(options.body);
  });
}

describe('local web host', () => {
  let dir: string;
  let staticDir: string;
  let app: App;
  let server: RunningServer;
  let secret: string;
  let documentId: number;
  const LIMIT = 64 * 1024;
  const replies: Reply[] = [];

  function api(method: string, input: unknown, extra: Record<string, string | undefined> = {}) {
    return request(server.port, {
      method: 'POST',
      path: `/api/${method}`,
      headers: { 'Content-Type': 'application/json', [SECRET_HEADER]: secret, ...extra },
      body: JSON.stringify(input),
    }).then((r) => (replies.push(r), r));
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-server-'));
    staticDir = path.join(dir, 'static');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Claimscope</title>');
    fs.writeFileSync(path.join(dir, 'private.txt'), 'PRIVATE NEXT TO THE BUNDLE');
    app = openApp(path.join(dir, 'claimscope.db'));
    const imported = await app.dispatch('importBytes', { name: 'a.txt', dataBase64: Buffer.from('One claim here. Another claim there.').toString('base64') });
    documentId = (imported as { ok: true; value: { document: { id: number } } }).value.document.id;
    secret = newSecret();
    server = await startServer({ dispatch: app.dispatch, staticDir, secret, port: 0, maxBodyBytes: LIMIT });
  });

  afterAll(async () => {
    await server?.close();
    app?.close();
    // No response of any test ever carried a CORS header.
    for (const r of replies) for (const h of Object.keys(r.headers)) expect(h.startsWith('access-control-'), h).toBe(false);
  });

  it('answers a call that has the secret, the right Host and no (or its own) Origin', async () => {
    const r = await api('listDocuments', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { documents: [{ id: documentId }] } });
    const own = await api('listDocuments', {}, { Origin: `http://127.0.0.1:${server.port}` });
    expect(own.status).toBe(200);
    const byName = await api('listDocuments', {}, { Host: `localhost:${server.port}` });
    expect(byName.status).toBe(200);
  });

  it('refuses a call without the secret, with a wrong one, or with it in the URL', async () => {
    const none = await api('listDocuments', {}, { [SECRET_HEADER]: undefined });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const wrong = await api('listDocuments', {}, { [SECRET_HEADER]: secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A') });
    expect(wrong.status).toBe(401);
    const short = await api('listDocuments', {}, { [SECRET_HEADER]: 'x' });
    expect(short.status).toBe(401);
    const inUrl = await request(server.port, {
      method: 'POST',
      path: `/api/listDocuments?secret=${secret}`,
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(inUrl.status).toBe(401);
  });

  it('refuses a Host that is not the loopback address and our port (DNS rebinding), on the API and static files', async () => {
    for (const host of [`evil.example:${server.port}`, 'evil.example', `127.0.0.1:${server.port + 1}`, `127.0.0.1.nip.io:${server.port}`, '[::1]:' + server.port]) {
      const r = await api('listDocuments', {}, { Host: host });
      expect(r.status, host).toBe(421);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'unauthorized', message: 'wrong Host header' } });
      const page = await request(server.port, { path: '/', headers: { Host: host } });
      expect(page.status, host).toBe(421);
      replies.push(r, page);
    }
    // Without any Host, Node's HTTP/1.1 parser refuses the request before our handler runs.
    const noHost = await request(server.port, { path: '/', setHost: false });
    expect([400, 421]).toContain(noHost.status);
  });

  it('refuses a foreign Origin even with the secret (another page, a file, a sandboxed frame)', async () => {
    for (const origin of ['http://evil.example', `http://evil.example:${server.port}`, 'null', `https://127.0.0.1:${server.port}`, 'file://']) {
      const r = await api('listDocuments', {}, { Origin: origin });
      expect(r.status, origin).toBe(403);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
  });

  it('caps the request body: 413 for a declared or a streamed body over the limit, and nothing is written', async () => {
    const big = JSON.stringify({ name: 'big.txt', dataBase64: 'A'.repeat(LIMIT) });
    const declared = await api('importBytes', JSON.parse(big));
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'request too large' } });
    const streamed = await request(server.port, {
      method: 'POST',
      path: '/api/importBytes',
      headers: { 'Content-Type': 'application/json', [SECRET_HEADER]: secret, 'Transfer-Encoding': 'chunked' },
      chunks: Array.from({ length: 8 }, () => Buffer.from('A'.repeat(LIMIT / 4))),
    });
    expect(streamed.status).toBe(413);
    replies.push(streamed);
    expect(JSON.parse((await api('listDocuments', {})).body).value.documents).toHaveLength(1);
  });

  it('takes JSON over POST only', async () => {
    const notJson = await api('listDocuments', {}, { 'Content-Type': 'text/plain' });
    expect(notJson.status).toBe(415);
    const form = await api('listDocuments', {}, { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    const broken = await request(server.port, {
      method: 'POST',
      path: '/api/listDocuments',
      headers: { 'Content-Type': 'application/json', [SECRET_HEADER]: secret },
      body: '{"unterminated',
    });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'body is not JSON' } });
    for (const method of ['GET', 'PUT', 'DELETE', 'OPTIONS']) {
      const r = await request(server.port, { method, path: '/api/listDocuments', headers: { [SECRET_HEADER]: secret, Origin: 'http://evil.example' } });
      expect(r.status, method).toBeGreaterThanOrEqual(403);
      replies.push(r);
      const own = await request(server.port, { method, path: '/api/listDocuments', headers: { [SECRET_HEADER]: secret } });
      expect(own.status, method).toBe(405);
      replies.push(own);
    }
    const post = await request(server.port, { method: 'POST', path: '/index.html' });
    expect(post.status).toBe(405);
  });

  it('serves the bundle with the CSP, and nothing outside it (path traversal)', async () => {
    const index = await request(server.port, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    replies.push(index);
    for (const p of [
      '/../private.txt',
      '/..%2fprivate.txt',
      '/%2e%2e/private.txt',
      '/%2e%2e%2fprivate.txt',
      '/static/..%2f..%2fprivate.txt',
      '/..%5cprivate.txt',
      '/%252e%252e/private.txt',
      '/index.html%00.png',
      '/%E0%A4%A',
      '/' + encodeURIComponent(path.join(dir, 'private.txt')),
    ]) {
      const r = await request(server.port, { path: p });
      expect(r.status, p).toBeGreaterThanOrEqual(400);
      expect(r.status, p).toBeLessThan(500);
      expect(r.body, p).not.toContain('PRIVATE');
      replies.push(r);
    }
  });

  it('listens on 127.0.0.1 only: not on another interface of this machine, not on ::1', async () => {
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((i): i is os.NetworkInterfaceInfo => !!i && !i.internal)
      .map((i) => i.address);
    const reaches = (host: string) =>
      new Promise<boolean>((resolve) => {
        const socket = net.connect({ host, port: server.port });
        socket.once('connect', () => (socket.destroy(), resolve(true)));
        socket.once('error', () => resolve(false));
      });
    expect(await reaches('127.0.0.1')).toBe(true); // the probe itself works
    for (const address of [...others, '::1']) expect(await reaches(address), address).toBe(false);
  });

  it('validates every method over HTTP like the router does: random bodies get 400 invalid_input and change nothing', async () => {
    const before = JSON.parse((await api('getState', { documentId })).body);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHOD_NAMES), fc.oneof(fc.jsonValue(), fc.array(fc.anything())), async (method, input) => {
        const parsed = (await import('../../common/api')).api[method].input.safeParse(input);
        fc.pre(!parsed.success);
        const r = await api(method, input);
        expect(r.status).toBe(400);
        expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      }),
      { numRuns: 60 },
    );
    const after = JSON.parse((await api('getState', { documentId })).body);
    expect(after).toEqual(before);
    expect(JSON.parse((await api('listDocuments', {})).body).value.documents).toHaveLength(1);
  });
});
