import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, tempDir, type WebHost } from '../e2e/support/server';
import { ensureBuilt } from './built';
import path from 'node:path';
import { docxParts, rawZip } from './import/zip';

// A file that keeps a parser busy for long (here a 90 KB .docx holding 40 MB of paragraphs, about
// 20 s of mammoth, under the unpacked-size caps) is read in a thread of its own: the real web host goes on answering other requests at once,
// and the file is refused in one line when its time limit passes.

let host: WebHost | null = null;
afterEach(async () => {
  await host?.stop();
  host = null;
});

async function call(h: WebHost, method: string, input: unknown): Promise<{ ok: boolean; value?: any; error?: { message: string } }> {
  const r = await fetch(`${h.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-claimscope-secret': h.secret, origin: h.origin },
    body: JSON.stringify(input),
  });
  return (await r.json()) as never;
}

describe('imports off the event loop', () => {
  beforeAll(() => ensureBuilt());

  it('keeps answering while a hostile file is read, then refuses it in one line at its time limit', async () => {
    process.env.CLAIMSCOPE_IMPORT_TIMEOUT_MS = '4000';
    try {
      host = await startWebHost(path.join(tempDir(), 'c.db'));
    } finally {
      delete process.env.CLAIMSCOPE_IMPORT_TIMEOUT_MS;
    }
    const slow = rawZip(docxParts('<w:p><w:r><w:t>The end.</w:t></w:r></w:p>'.repeat(1_000_000)));
    const started = Date.now();
    const importing = call(host, 'importBytes', { name: 'slow.docx', dataBase64: Buffer.from(slow).toString('base64') });
    let done = false;
    void importing.then(() => (done = true));
    const latencies: number[] = [];
    while (!done && Date.now() - started < 20_000) {
      const t0 = performance.now();
      const r = await call(host, 'listDocuments', {});
      latencies.push(performance.now() - t0);
      expect(r.ok).toBe(true);
      await new Promise((res) => setTimeout(res, 25));
    }
    const result = await importing;
    expect(result.ok).toBe(false);
    expect(result.error!.message).toMatch(/^slow\.docx: reading it took longer than 4 s, so it was stopped; .*open a simpler copy/);
    expect((await call(host, 'listDocuments', {})).value.documents).toEqual([]);
    latencies.sort((a, b) => a - b);
    const p95 = latencies[Math.floor(latencies.length * 0.95)]!;
    expect(latencies.length).toBeGreaterThan(20);
    expect(p95, `requests during the import, ms: ${latencies.map(Math.round).join(' ')}`).toBeLessThan(200);
  }, 60_000);
});
