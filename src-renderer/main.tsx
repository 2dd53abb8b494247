import { startedApi } from './app/early-start';

// The rest of the renderer, its styles included, is a second script, fetched while the queue's first page is already
// being asked for: this one runs without waiting for the style sheet.
void import('./app/show-app').then(({ showApp }) => showApp(startedApi));
