import { describe, expect, it } from 'vitest';
import { api } from '../common/api';
import { ClaimscopeError } from '../common/errors';
import { METHOD_NAMES } from '../common/methods';
import { openApp } from './app';
import { createRouter } from './router';
import { createService } from './service';

describe('router', () => {
  const app = openApp(':memory:');

  it('has one handler per method, and the method list matches the API description', () => {
    expect(Object.keys(app.service).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('refuses unknown method names, prototype names included', async () => {
    for (const m of ['nope', 'constructor', '__proto__', 'toString', 42, null]) {
      expect(await app.dispatch(m, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  it('validates input before the handler runs, with a one-line message', async () => {
    const r = await app.dispatch('createAnnotation', { documentId: 1, kind: 'opinion', start: 0, end: 4 });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!r.ok) expect(r.error.message).not.toContain('\n');
    expect(await app.dispatch('createAnnotation', { documentId: 1, kind: 'claim', start: 4, end: 4 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('end must be greater') },
    });
    expect(await app.dispatch('listDocuments', { extra: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await app.dispatch('getDocument', 'x')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('passes ClaimscopeError through and hides other errors behind a generic message', async () => {
    const service = createService(app.db);
    const logs: string[] = [];
    const dispatch = createRouter(
      {
        ...service,
        listDocuments: () => {
          throw new ClaimscopeError('conflict', 'busy; try again');
        },
        getDocument: () => {
          throw new Error('secret internals at /home/x');
        },
      },
      (m) => logs.push(m),
    );
    expect(await dispatch('listDocuments', {})).toEqual({ ok: false, error: { code: 'conflict', message: 'busy; try again' } });
    const r = await dispatch('getDocument', { id: 1 });
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: 'getDocument: internal error; please report it' } });
    expect(logs.join('\n')).toContain('secret internals');
  });

  it('reads every busy and locked code as a conflict, SQLITE_BUSY_SNAPSHOT included', async () => {
    const service = createService(app.db);
    for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_TIMEOUT', 'SQLITE_LOCKED_SHAREDCACHE']) {
      const dispatch = createRouter({ ...service, listDocuments: () => { throw Object.assign(new Error('busy'), { code }); } }, () => {});
      expect(await dispatch('listDocuments', {}), code).toMatchObject({ ok: false, error: { code: 'conflict' } });
    }
  });

  it('says what to do about a full disk, a read-only file or an I/O error, naming the database', async () => {
    const service = createService(app.db);
    const cases: Array<[string, RegExp]> = [
      ['SQLITE_FULL', /the disk holding \/data\/c\.db is full; free some space/],
      ['SQLITE_READONLY_DIRECTORY', /\/data\/c\.db is read-only/],
      ['SQLITE_IOERR_WRITE', /the disk reported an error reading or writing \/data\/c\.db/],
      ['EACCES', /permission denied/],
    ];
    for (const [code, message] of cases) {
      const dispatch = createRouter({ ...service, listDocuments: () => { throw Object.assign(new Error('x'), { code }); } }, () => {}, { databasePath: '/data/c.db' });
      expect(await dispatch('listDocuments', {}), code).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(message) } });
    }
  });

  it('validates output too: a handler returning the wrong shape is an internal error', async () => {
    const service = createService(app.db);
    const dispatch = createRouter({ ...service, listDocuments: () => ({ documents: [{ id: 'x' }] }) as never }, () => {});
    expect(await dispatch('listDocuments', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
