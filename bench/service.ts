import { openApp } from '../main/app';
import type { Seeded } from './seed';

// Tagging through the service alone (router, validation, SQLite, the answer), in this process:
// what the web host and Electron's main process do for each tag, without the browser around it.

export interface ServiceTagRun {
  /** Milliseconds from the call to the validated answer, per tag. */
  ms: number[];
  /** The answer's size as JSON, per tag: what travels over IPC or HTTP. */
  bytes: number[];
}

export async function serviceTags(dbPath: string, seeded: Seeded, count: number): Promise<ServiceTagRun> {
  const app = openApp(dbPath, { backups: false });
  const run: ServiceTagRun = { ms: [], bytes: [] };
  try {
    const sentences = seeded.generated.sentences;
    for (let i = 0; i < count; i++) {
      // Sentences spread over the whole text, a claim or an attribution in turn.
      const s = sentences[Math.floor(((i + 0.5) * sentences.length) / count)]!;
      const kind = i % 2 === 0 ? 'claim' : 'attribution';
      const t0 = performance.now();
      const result = await app.dispatch('createAnnotation', { documentId: seeded.documentId, kind, start: s.start, end: s.end });
      const ms = performance.now() - t0;
      if (!result.ok) throw new Error(`bench: tagging through the service failed: ${result.error.message}`);
      run.ms.push(ms);
      run.bytes.push(Buffer.byteLength(JSON.stringify(result.value)));
    }
  } finally {
    app.close();
  }
  return run;
}
