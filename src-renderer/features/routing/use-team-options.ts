import { useMemo } from 'react';
import { useAppStore } from '../../state/store-context';

/** Teams known on this workstation: those of the officers and those the rules route to. Others may be typed. */
export function useTeamOptions(): string[] {
  const officers = useAppStore((state) => state.officers);
  const rules = useAppStore((state) => state.routingRules);
  return useMemo(() => {
    const teams = new Set<string>();
    for (const officer of officers) if (officer.team) teams.add(officer.team);
    for (const rule of rules ?? []) if (rule.team) teams.add(rule.team);
    return [...teams].sort((a, b) => a.localeCompare(b, 'nl'));
  }, [officers, rules]);
}
