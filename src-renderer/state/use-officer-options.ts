import { useMemo } from 'react';
import { useAppStore } from './store-context';

/** Officers as select options (value = officer id). */
export function useOfficerOptions(): Array<{ value: string; label: string }> {
  const officers = useAppStore((state) => state.officers);
  return useMemo(() => officers.map((officer) => ({ value: officer.id, label: officer.displayName })), [officers]);
}
