import path from 'node:path';
import { parseArgs } from 'node:util';
import { oneLine, openApp } from '../app';
import { resolveDbPath } from '../paths';
import { secretFrom } from './security';
import { startServer } from './server';

// `npm run serve` / the fallback of `npm start`: the app for a browser on this machine.
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      db: { type: 'string' },
    },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${values.port}: give a port number (0 picks a free one)`);
  const dbPath = resolveDbPath(values.db);
  const secret = secretFrom(process.env);
  // CLAIMSCOPE_IMPORT_TIMEOUT_MS: a shorter limit for one import (the tests' hostile files).
  const timeoutMs = Number(process.env.CLAIMSCOPE_IMPORT_TIMEOUT_MS) || undefined;
  // The workspace stays live while the page is open: others' changes arrive within about a second.
  const app = openApp(dbPath, { warmAssistant: true, importLimits: { timeoutMs }, liveWorkspace: true });
  const server = await startServer({
    dispatch: app.dispatch,
    staticDir: path.join(__dirname, '..', 'renderer'),
    secret,
    port,
  });
  console.log(`Claimscope is running at ${server.url}`);
  console.log(`Data: ${dbPath}. Open the address above in your browser; press Ctrl+C to stop.`);
  const stop = () => {
    void server.close();
    app.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(`claimscope: ${oneLine(err)}`);
  process.exit(1);
});
