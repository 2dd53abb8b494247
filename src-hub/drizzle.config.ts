import { defineConfig } from 'drizzle-kit';

/** `npx drizzle-kit generate --config src-hub/drizzle.config.ts` (add `--custom --name <name>` for a hand-written SQL step). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src-hub/db/schema.ts',
  out: './src-hub/migrations',
});
