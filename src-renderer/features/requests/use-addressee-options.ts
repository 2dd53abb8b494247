import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AddresseeRoute } from '../../../shared/api/request-views';
import { useAppStore } from '../../state/store-context';

/** The addressees a request may go to, named from the directory (loaded when needed), the suggestion first. */
export function useAddresseeOptions(route: AddresseeRoute): Array<{ value: string; label: string }> {
  const { t } = useTranslation();
  const entries = useAppStore((state) => state.directoryEntries);
  const loadDirectory = useAppStore((state) => state.loadDirectory);
  useEffect(() => {
    if (entries === null) void loadDirectory();
  }, [entries, loadDirectory]);
  return useMemo(() => {
    const nameOf = (id: string) => entries?.find((entry) => entry.id === id)?.name ?? id;
    return route.optionIds.map((id) => ({
      value: id,
      label: id === route.suggestedId ? t('requests.draft.suggested', { name: nameOf(id) }) : nameOf(id),
    }));
  }, [entries, route, t]);
}
