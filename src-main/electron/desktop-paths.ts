import { join } from 'node:path';
import type { App } from 'electron';
import { appPathsIn, type AppPaths } from '../app/app-paths';

/** In the user-data folder; the renderer inside the app, migrations beside it (extraResources) when packaged. */
export function desktopPaths(app: App): AppPaths {
  const appRoot = app.getAppPath();
  return appPathsIn(app.getPath('userData'), {
    rendererDir: join(appRoot, 'dist', 'renderer'),
    migrationsFolder: app.isPackaged ? join(process.resourcesPath, 'migrations') : join(appRoot, 'migrations'),
    hubMigrationsFolder: app.isPackaged ? join(process.resourcesPath, 'hub-migrations') : join(appRoot, 'src-hub', 'migrations'),
  });
}
