import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/paths';

// The packages cannot be built here (electron-builder downloads the Electron runtime per target); what can be
// checked is the configuration, with electron-builder's own loader and schema.
async function packagingConfig() {
  const config = await getConfig(PROJECT_ROOT, 'electron-builder.yml', null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

const targetsOf = (platform: { target?: unknown } | null | undefined) => (platform?.target as string[] | undefined) ?? [];

describe('desktop packaging (electron-builder.yml)', () => {
  it('passes electron-builder’s schema and builds AppImage and deb for Linux, NSIS for Windows', async () => {
    const config = await packagingConfig();
    expect(targetsOf(config.linux)).toEqual(['AppImage', 'deb']);
    expect(targetsOf(config.win)).toEqual(['nsis']);
  });

  it('keeps native modules out of the asar, does not rebuild them, and packs only the built app', async () => {
    const config = await packagingConfig();
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/better-sqlite3-multiple-ciphers/**', '**/*.node']));
    expect(config.npmRebuild).toBe(false);
    // devDependencies never go into a package; sources and tests are not listed either.
    expect(config.files).toEqual([{ filter: ['dist/**/*', '!dist/**/*.map', 'package.json'] }]);
  });

  it('ships both migration folders as resources, where the packaged app looks for them', async () => {
    const config = await packagingConfig();
    const resources = config.extraResources as Array<{ from: string; to: string }>;
    expect(resources).toEqual([
      { from: 'migrations', to: 'migrations' },
      { from: 'src-hub/migrations', to: 'hub-migrations' },
    ]);
    for (const { from } of resources) expect(existsSync(join(PROJECT_ROOT, from, 'meta', '_journal.json'))).toBe(true);
    const desktopPaths = readFileSync(join(PROJECT_ROOT, 'src-main/electron/desktop-paths.ts'), 'utf8');
    for (const { to } of resources) expect(desktopPaths).toContain(`join(process.resourcesPath, '${to}')`);
  });

  it('`npm run dist` builds main, preload and renderer before packaging', () => {
    const scripts = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.dist).toBe('npm run build:main && npm run build:renderer && electron-builder --config electron-builder.yml');
  });
});
