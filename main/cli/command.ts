import type { App } from '../app';

export class UsageError extends Error {}

export type Values = Record<string, string | boolean | undefined>;

export interface Command {
  /** One line for the usage text: arguments and what it prints. */
  usage: string;
  /** Options this command accepts besides --db (parseArgs format). */
  options?: Record<string, { type: 'string' | 'boolean' }>;
  /** Runs the command; the returned value is printed as JSON. `app()` opens the database on first use. */
  run(app: () => App, positionals: string[], values: Values): Promise<unknown>;
}
