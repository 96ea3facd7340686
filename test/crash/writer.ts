// A child process that writes annotations into a Claimscope database through the real app code
// (openApp: the open path with its checks and migrations, the service, the router) and reports
// each write on stdout only after the call returned: "ack <id>". The crash and concurrency tests
// run it as a separate process (bundled by test/crash/harness.ts) and kill it, or run two at once.
//
//   node writer.cjs <db> [--document ID] [--count N] [--barrier] [--hold]
//
// --barrier: print "waiting" and wait for a line on stdin before opening the database, so several
// writers start together. Without --count it writes until killed.
import fs from 'node:fs';
import { openApp } from '../../main/app';

function out(line: string): void {
  // Synchronous: once this returns the line is in the pipe, even if the process dies next.
  fs.writeSync(1, line + '\n');
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function waitForGo(): Promise<void> {
  out('waiting');
  await new Promise<void>((resolve) => {
    process.stdin.once('data', () => resolve());
  });
  process.stdin.pause();
}

async function main(): Promise<void> {
  const db = process.argv[2];
  if (!db) throw new Error('usage: writer <db> [--document ID] [--count N] [--barrier]');
  const documentId = arg('--document') ? Number(arg('--document')) : null;
  const count = arg('--count') ? Number(arg('--count')) : Infinity;
  if (process.argv.includes('--barrier')) await waitForGo();
  const app = openApp(db, { onDamaged: (r) => out(`damaged ${r.movedTo}`) });
  out(`ready ${process.pid}`);
  if (process.argv.includes('--hold')) {
    // Keep the database open until told to let go (a line on stdin).
    await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
    process.stdin.pause();
    app.close();
    return;
  }
  if (documentId === null) {
    app.close();
    return;
  }
  const doc = await app.dispatch('getDocument', { id: documentId });
  if (!doc.ok) throw new Error(`document ${documentId}: ${doc.error.message}`);
  const length = (doc.value as { document: { text: string } }).document.text.length;
  out(`loop ${Date.now()}`);
  for (let i = 0; i < count; i++) {
    const start = Math.floor(Math.random() * (length - 1));
    const end = start + 1 + Math.floor(Math.random() * Math.min(40, length - start - 1));
    const r = await app.dispatch('createAnnotation', { documentId, kind: i % 3 === 0 ? 'attribution' : 'claim', start, end });
    if (!r.ok) {
      out(`err ${r.error.code} ${r.error.message}`);
      process.exitCode = 3;
      break;
    }
    out(`ack ${(r.value as { annotation: { id: number } }).annotation.id}`);
  }
  app.close();
  out(`done ${Date.now()}`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  out(`err crash ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 2;
});
