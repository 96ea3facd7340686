import type { Handlers } from '../../common/api';
import type { DB } from '../../db/open';
import { annotationHandlers } from './annotations';
import { ServiceContext, type ServiceOptions } from './context';
import { documentHandlers } from './documents';
import { historyHandlers } from './history';

export { ServiceContext, type ServiceOptions } from './context';

/** The handlers of common/api.ts over one database: the only entry into the data for every transport. */
export function createService(db: DB, options: ServiceOptions = {}): Handlers {
  const ctx = new ServiceContext(db, options);
  return {
    ...documentHandlers(ctx),
    ...annotationHandlers(ctx),
    ...historyHandlers(ctx),
  };
}
