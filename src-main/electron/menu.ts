import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  /** Reload and developer tools only in a development build. */
  devTools: boolean;
  showAbout: () => void;
}

/** The Dutch application menu. Nothing in it opens a URL: links in reports are evidence, not destinations. */
export function applicationMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const developer: MenuItemConstructorOptions[] = options.devTools
    ? [{ type: 'separator' }, { role: 'reload', label: 'Opnieuw laden' }, { role: 'toggleDevTools', label: 'Ontwikkelhulpmiddelen' }]
    : [];
  return [
    { label: 'Bestand', submenu: [{ role: 'quit', label: 'Afsluiten' }] },
    {
      label: 'Bewerken',
      submenu: [
        { role: 'undo', label: 'Ongedaan maken' },
        { role: 'redo', label: 'Opnieuw' },
        { type: 'separator' },
        { role: 'cut', label: 'Knippen' },
        { role: 'copy', label: 'Kopiëren' },
        { role: 'paste', label: 'Plakken' },
        { role: 'selectAll', label: 'Alles selecteren' },
      ],
    },
    {
      label: 'Beeld',
      submenu: [
        { role: 'resetZoom', label: 'Ware grootte' },
        { role: 'zoomIn', label: 'Inzoomen' },
        { role: 'zoomOut', label: 'Uitzoomen' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Volledig scherm' },
        ...developer,
      ],
    },
    { label: 'Venster', submenu: [{ role: 'minimize', label: 'Minimaliseren' }, { role: 'close', label: 'Sluiten' }] },
    { label: 'Help', submenu: [{ label: 'Over Puzzelstuk', click: options.showAbout }] },
  ];
}
