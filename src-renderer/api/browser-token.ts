import { TOKEN_QUERY_PARAM } from '../../shared/api/wire';

const STORAGE_KEY = 'puzzelstuk.token';

/**
 * The local server opens the page with `?token=…`. Keep the token for this tab only (sessionStorage survives a
 * reload, not the browser) and take it out of the address bar so it does not linger in history or screenshots.
 */
export function takeBrowserToken(location: Location, history: History, storage: Storage): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get(TOKEN_QUERY_PARAM);
  if (fromUrl) {
    storage.setItem(STORAGE_KEY, fromUrl);
    url.searchParams.delete(TOKEN_QUERY_PARAM);
    history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  return storage.getItem(STORAGE_KEY);
}
