import { join } from 'node:path';
import type { App } from 'electron';
import { appPathsIn, type AppPaths } from '../app/app-paths';

/**
 * In the user-data folder (the demo in its own folder within it); the renderer inside the app, migrations beside
 * it (extraResources) when packaged.
 */
export function desktopPaths(app: App, demo: boolean): AppPaths {
  const appRoot = app.getAppPath();
  const userData = app.getPath('userData');
  return appPathsIn(demo ? join(userData, 'demo') : userData, {
    rendererDir: join(appRoot, 'dist', 'renderer'),
    migrationsFolder: app.isPackaged ? join(process.resourcesPath, 'migrations') : join(appRoot, 'migrations'),
    hubMigrationsFolder: app.isPackaged ? join(process.resourcesPath, 'hub-migrations') : join(appRoot, 'src-hub', 'migrations'),
  });
}
