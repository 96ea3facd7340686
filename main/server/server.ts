import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SECRET_HEADER } from '../../common/methods';
import type { Dispatch } from '../router';
import { CONTENT_SECURITY_POLICY, hostAllowed, originAllowed, secretMatches } from './security';

/** Large enough for a 50 MB import sent as base64 inside JSON. */
export const MAX_BODY_BYTES = 72 * 1024 * 1024;

export interface ServerOptions {
  dispatch: Dispatch;
  staticDir: string;
  secret: string;
  port?: number;
  maxBodyBytes?: number;
}

export interface RunningServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...COMMON_HEADERS });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function refuse(res: http.ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

/**
 * The request body, or null when it is larger than `limit` (declared or streamed). On null the
 * caller answers 413 with `Connection: close`; the rest of the body is never read.
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (!(declared <= limit)) return resolve(null);
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        settled = true;
        req.off('data', onData);
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      if (!settled) resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => {
      if (!settled) reject(err);
    });
  });
}

function serveStatic(res: http.ServerResponse, staticDir: string, urlPath: string): void {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return send(res, 400, 'text/plain', 'bad path');
  }
  if (rel.includes('\0')) return send(res, 404, 'text/plain', 'not found');
  if (rel === '/' || rel === '') rel = '/index.html';
  const root = path.resolve(staticDir);
  const file = path.resolve(root, '.' + rel);
  if (!file.startsWith(root + path.sep)) return send(res, 404, 'text/plain', 'not found');
  fs.readFile(file, (err, data) => {
    if (err) return send(res, 404, 'text/plain', 'not found');
    const type = MIME[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, {
      'Content-Type': type,
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      ...COMMON_HEADERS,
    });
    res.end(data);
  });
}

/**
 * The local web host: the renderer bundle and the API, on 127.0.0.1 only. Every API call needs
 * the per-launch secret; Host and Origin must be our own (against DNS rebinding and other pages).
 */
export function startServer(options: ServerOptions): Promise<RunningServer> {
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  let port = 0;
  const server = http.createServer(async (req, res) => {
    try {
      if (!hostAllowed(req.headers.host, port)) return refuse(res, 421, 'unauthorized', 'wrong Host header');
      if (!originAllowed(req.headers.origin, port)) return refuse(res, 403, 'unauthorized', 'foreign Origin');
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return refuse(res, 405, 'invalid_input', 'use POST');
        const presented = req.headers[SECRET_HEADER];
        if (!secretMatches(Array.isArray(presented) ? presented[0] : presented, options.secret)) {
          return refuse(res, 401, 'unauthorized', 'missing or wrong secret; open the URL the app printed');
        }
        if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return refuse(res, 415, 'invalid_input', 'send application/json');
        }
        const body = await readBody(req, limit);
        if (body === null) {
          res.setHeader('Connection', 'close');
          return refuse(res, 413, 'invalid_input', 'request too large');
        }
        let input: unknown;
        try {
          input = body.length ? JSON.parse(body.toString('utf8')) : {};
        } catch {
          return refuse(res, 400, 'invalid_input', 'body is not JSON');
        }
        const method = url.pathname.slice('/api/'.length);
        const result = await options.dispatch(method, input);
        return sendJson(res, result.ok ? 200 : result.error.code === 'internal' ? 500 : 400, result);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'invalid_input', 'method not allowed');
      serveStatic(res, options.staticDir, url.pathname);
    } catch (err) {
      if (!res.headersSent) refuse(res, 500, 'internal', 'internal error');
      console.error('claimscope: request failed:', err);
    }
  });
  server.requestTimeout = 120_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        port,
        url: `http://127.0.0.1:${port}/#secret=${options.secret}`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}
