import type { DB } from './connection';
import { AnnotationRepo } from './repos/annotations';
import { AssessmentRepo } from './repos/assessments';
import { CaseRepo } from './repos/cases';
import { ClaimGroupRepo } from './repos/claimgroups';
import { DocumentRepo } from './repos/documents';
import { FlagRepo } from './repos/flags';
import { HypothesisRepo } from './repos/hypotheses';
import { LinkRepo } from './repos/links';
import { OperationRepo } from './repos/operations';
import { SettingsRepo } from './repos/settings';
import { SourceRepo } from './repos/sources';
import { SuggestionRepo } from './repos/suggestions';
import { SyncRepo } from './sync';

export type { NewDocument } from './repos/documents';
export type { OperationRow } from './repos/operations';

/**
 * Every read of the database, one repository per table, each with its row mapper and the shared
 * statement cache (connection.ts). Undoable writes go through ChangeRecorder (changes.ts); the
 * writes that are not undoable (documents, the operation log, suggestions, settings, cases) are here.
 */
export class Store {
  readonly documents: DocumentRepo;
  readonly annotations: AnnotationRepo;
  readonly links: LinkRepo;
  readonly flags: FlagRepo;
  readonly sources: SourceRepo;
  readonly operations: OperationRepo;
  readonly suggestions: SuggestionRepo;
  readonly assessments: AssessmentRepo;
  readonly settings: SettingsRepo;
  readonly cases: CaseRepo;
  readonly claimGroups: ClaimGroupRepo;
  readonly hypotheses: HypothesisRepo;
  readonly sync: SyncRepo;

  constructor(readonly db: DB) {
    this.documents = new DocumentRepo(db);
    this.annotations = new AnnotationRepo(db);
    this.links = new LinkRepo(db);
    this.flags = new FlagRepo(db);
    this.sources = new SourceRepo(db);
    this.operations = new OperationRepo(db);
    this.suggestions = new SuggestionRepo(db);
    this.assessments = new AssessmentRepo(db);
    this.settings = new SettingsRepo(db);
    this.cases = new CaseRepo(db);
    this.claimGroups = new ClaimGroupRepo(db);
    this.hypotheses = new HypothesisRepo(db);
    this.sync = new SyncRepo(db);
  }
}
