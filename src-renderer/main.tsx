import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import './styles.css';
import { startedApi } from './app/early-start';

// The rest of the renderer is a second script, fetched while the queue's first page is already being asked for.
void import('./app/show-app').then(({ showApp }) => showApp(startedApi));
