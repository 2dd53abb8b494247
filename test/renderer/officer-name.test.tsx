// @vitest-environment jsdom
import './support/dom-setup';
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OfficerName } from '../../src-renderer/ui/Officer';
import { renderWithStore } from './support/render';

describe('OfficerName', () => {
  it('names an officer by their name, the workstation’s own processes by what they are, and an unknown one by its id', () => {
    const rendered = renderWithStore(
      <ul>
        <li data-testid="officer">
          <OfficerName id="l.vermeer" />
        </li>
        <li data-testid="defaults">
          <OfficerName id="system:defaults" />
        </li>
        <li data-testid="sync">
          <OfficerName id="system:sync" />
        </li>
        <li data-testid="newer">
          <OfficerName id="system:something-newer" />
        </li>
        <li data-testid="nobody">
          <OfficerName id={null} />
        </li>
      </ul>,
    );
    act(() => rendered.store.setState({ officers: [{ id: 'l.vermeer', displayName: 'Inspecteur L. Vermeer', role: 'supervisor', team: 'Team Online Intake', active: true }] as never }));
    expect(screen.getByTestId('officer').textContent).toBe('Inspecteur L. Vermeer');
    expect(screen.getByTestId('defaults').textContent).toBe('Standaardinstellingen (systeem)');
    expect(screen.getByTestId('sync').textContent).toBe('Synchronisatie (systeem)');
    expect(screen.getByTestId('newer').textContent).toBe('system:something-newer');
    expect(screen.getByTestId('nobody').textContent).toBe('—');
  });
});
