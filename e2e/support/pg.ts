// The throwaway PostgreSQL cluster (test/pg.ts) and the workspace's setup steps (main/sync/client.ts)
// for the browser suite, which compiles only e2e/.
export { pgAvailable, startPostgres, type PgCluster } from '../../test/pg';
export { addWorkspaceMember, initWorkspace } from '../../main/sync/client';
