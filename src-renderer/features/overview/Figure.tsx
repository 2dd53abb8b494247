import type { ReactNode } from 'react';

/** A chart with its name for screen readers; the table beside it is its text view. */
export function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <figure className="overview-figure" aria-label={label}>
      {children}
    </figure>
  );
}
