import type { Handlers } from '../../common/api';
import type { DB } from '../../db/open';
import { annotationHandlers } from './annotations';
import { assessmentHandlers } from './assessments';
import { caseHandlers } from './cases';
import { caseExportHandlers } from './caseExport';
import { ServiceContext, type ServiceOptions } from './context';
import { documentHandlers } from './documents';
import { flagHandlers } from './flags';
import { linkHandlers } from './links';
import { sourceHandlers } from './sources';
import { exportHandlers } from './exports';
import { suggestionHandlers, SuggestionRunner } from './suggestions';
import { versionHandlers } from './versions';
import { historyHandlers } from './history';
import { AssistantWorker } from './assistant';
import { workspaceHandlers } from './workspace';

export { ServiceContext, type ServiceOptions } from './context';

/** The handlers of common/api.ts over one database: the only entry into the data for every transport. */
export function createService(db: DB, options: ServiceOptions = {}): Handlers {
  const ctx = new ServiceContext(db, options);
  const assistant = options.assistant ?? new AssistantWorker();
  return {
    ...documentHandlers(ctx),
    ...annotationHandlers(ctx),
    ...sourceHandlers(ctx),
    ...linkHandlers(ctx),
    ...flagHandlers(ctx),
    ...historyHandlers(ctx),
    ...exportHandlers(ctx),
    ...versionHandlers(ctx),
    ...assessmentHandlers(ctx),
    ...caseHandlers(ctx, assistant),
    ...caseExportHandlers(ctx, caseHandlers(ctx, assistant)),
    ...suggestionHandlers(ctx, new SuggestionRunner(ctx, assistant)),
    ...workspaceHandlers(ctx),
  };
}
