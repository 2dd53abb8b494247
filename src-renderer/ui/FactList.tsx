import type { ReactNode } from 'react';

export interface Fact {
  label: string;
  value: ReactNode;
}

/** Label/value pairs as a description list; empty values are left out. */
export function FactList({ facts, columns = 2 }: { facts: Fact[]; columns?: number }) {
  const shown = facts.filter((fact) => fact.value !== null && fact.value !== undefined && fact.value !== '');
  return (
    <dl className="fact-list" style={{ gridTemplateColumns: `repeat(${columns}, max-content minmax(0, 1fr))` }}>
      {shown.map((fact) => (
        <div key={fact.label} className="fact">
          <dt>{fact.label}</dt>
          <dd>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
