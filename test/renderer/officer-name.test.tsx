// @vitest-environment jsdom
import './support/dom-setup';
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OfficerName } from '../../src-renderer/ui/Officer';
import { renderWithStore } from './support/render';

/** An id as the data holds it → how it reads. */
const NAMES: ReadonlyArray<[string | null, string]> = [
  ['l.vermeer', 'Inspecteur L. Vermeer'],
  ['system:defaults', 'Standaardinstellingen (systeem)'],
  ['system:sync', 'Synchronisatie (systeem)'],
  ['system:something-newer', 'system:something-newer'],
  [null, '—'],
];

describe('OfficerName', () => {
  it('names an officer by their name, the workstation’s own processes by what they are, and an unknown one by its id', () => {
    const rendered = renderWithStore(
      <ul>
        {NAMES.map(([id], index) => (
          <li key={index} data-testid={`name-${index}`}>
            <OfficerName id={id} />
          </li>
        ))}
      </ul>,
    );
    act(() => rendered.store.setState({ officers: [{ id: 'l.vermeer', displayName: 'Inspecteur L. Vermeer', role: 'supervisor', team: 'Team Online Intake', active: true }] as never }));
    NAMES.forEach(([, reads], index) => expect(screen.getByTestId(`name-${index}`).textContent).toBe(reads));
  });
});
