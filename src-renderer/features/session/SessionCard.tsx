import { Paper, Stack, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';

/** The one card the sign-in and lock screens stand on: nothing of the app around it, a title, and one form. */
export function SessionCard({ name, title, onSubmit, children }: { name: 'sign-in-screen' | 'lock-screen'; title: string; onSubmit: (event: FormEvent) => void; children: ReactNode }) {
  return (
    <main id="main" className={name} data-testid={name}>
      <Paper withBorder p="xl" maw={420} mx="auto" mt="10vh">
        <form onSubmit={onSubmit}>
          <Stack gap="sm">
            <Title order={1} size="h3">
              {title}
            </Title>
            {children}
          </Stack>
        </form>
      </Paper>
    </main>
  );
}
