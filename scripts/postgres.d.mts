/** Types of scripts/postgres.mjs (a plain Node script so that it runs without a TypeScript toolchain). */
export interface PostgresBinaries {
  initdb: string;
  pgCtl: string;
  postgres: string;
  version: string;
}

export interface PostgresCluster {
  adminUrl: string;
  port: number;
  version: string;
  urlOf(database: string): string;
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

type Log = (message: string) => void;

export function findPostgresBinaries(): PostgresBinaries | null;
export function ensurePostgresBinaries(options?: { log?: Log }): PostgresBinaries;
export function startPostgresCluster(options?: { log?: Log }): Promise<PostgresCluster>;
export function createDatabase(adminUrl: string, name: string): Promise<string>;
export function dropDatabase(adminUrl: string, name: string): Promise<void>;
