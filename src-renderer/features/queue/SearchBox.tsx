import { Group, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store-context';
import { SearchIcon } from '../../ui/icons';
import { SearchPurpose } from '../../ui/SearchPurpose';

const SEARCH_DELAY_MS = 300;

/**
 * Full-text search over summary and narrative; the query goes out once typing pauses. Searching reads personal
 * data, so it runs under a purpose the officer gives once per session (asked at their first search) and can change.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const storedText = useAppStore((state) => state.queueFilters.text ?? '');
  const setQueueFilters = useAppStore((state) => state.setQueueFilters);
  const asked = useAppStore((state) => state.queueSearchPurposeAsked);
  const confirmSearchPurpose = useAppStore((state) => state.confirmSearchPurpose);
  const cancelSearchPurpose = useAppStore((state) => state.cancelSearchPurpose);
  const [text, setText] = useState(storedText);
  const search = useDebouncedCallback((value: string) => setQueueFilters({ text: value.trim() }), SEARCH_DELAY_MS);

  // A saved view or "clear filters" replaces the text from outside.
  useEffect(() => setText(storedText), [storedText]);

  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput
        type="search"
        role="searchbox"
        size="sm"
        w={320}
        label={t('queue.search.label')}
        placeholder={t('queue.search.placeholder')}
        leftSection={<SearchIcon />}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          search(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') search.flush();
        }}
        data-testid="queue-search"
      />
      <SearchPurpose asked={asked} onConfirm={confirmSearchPurpose} onCancel={cancelSearchPurpose} />
    </Group>
  );
}
