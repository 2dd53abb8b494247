import { Group, Text } from '@mantine/core';
import type { IndicatorType } from '../../shared/indicators/types';
import { CopyValueButton } from './CopyValueButton';
import { defang } from './defang';

/** An indicator value as evidence: defanged, monospace, plain text, with a copy button. Never a link. */
export function EvidenceValue({ type, value, copy = true }: { type: IndicatorType; value: string; copy?: boolean }) {
  const shown = defang(type, value);
  return (
    <Group gap={4} wrap="nowrap" className="evidence-value">
      <Text span ff="monospace" fz="sm" style={{ overflowWrap: 'anywhere' }}>
        {shown}
      </Text>
      {copy && <CopyValueButton value={shown} label={shown} />}
    </Group>
  );
}
