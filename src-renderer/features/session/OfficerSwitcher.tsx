import { Badge, Button, Group, Menu, Stack, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../state/store-context';
import { HubBackPrompt } from './HubBackPrompt';
import { LockNowButton } from './LockNow';
import { SignInDialog } from './SignInDialog';

/** Demo: any of the demo officers, no credential. */
function DemoOfficerMenu() {
  const { t } = useTranslation();
  const myId = useAppStore((state) => state.session?.officer?.id);
  const others = useAppStore(useShallow((state) => state.officers.filter((officer) => officer.id !== myId)));
  const signIn = useAppStore((state) => state.signIn);
  return (
    <Menu position="right-end" withinPortal>
      <Menu.Target>
        <Button size="compact-xs" variant="white" aria-label={t('session.switchLabel')} data-testid="officer-switch">
          {t('session.switch')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown mah={360} style={{ overflowY: 'auto' }}>
        <Menu.Label>{t('session.signInAs')}</Menu.Label>
        {others.map((officer) => (
          <Menu.Item key={officer.id} onClick={() => void signIn(officer.id)} data-testid={`sign-in-as-${officer.id}`}>
            {officer.displayName} · {t(`session.role.${officer.role}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** A real hub: the officer proves who they are with the credential the hub issued. */
function CredentialSignIn() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="compact-xs" variant="white" aria-label={t('session.switchLabel')} onClick={() => setOpened(true)} data-testid="officer-switch">
        {t('session.switch')}
      </Button>
      <SignInDialog opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}

function SignOutButton() {
  const { t } = useTranslation();
  const signOut = useAppStore((state) => state.signOut);
  return (
    <Button size="compact-xs" variant="white" aria-label={t('session.signOutLabel')} onClick={() => void signOut()} data-testid="sign-out">
      {t('session.signOut')}
    </Button>
  );
}

/**
 * Who is signed in on this workstation, in which role, whether without the hub, and the ways to lock the screen,
 * sign in as someone else or sign out.
 */
export function OfficerSwitcher() {
  const { t } = useTranslation();
  const officer = useAppStore((state) => state.session?.officer);
  const demo = useAppStore((state) => state.session?.demo ?? false);
  const offline = useAppStore((state) => state.session?.offline ?? false);
  const hubBack = useAppStore((state) => state.session?.hubBack === true);
  if (!officer) return null;
  return (
    <Stack gap={4} className="signed-in" data-testid="signed-in" data-officer-id={officer.id}>
      <Text size="xs">{t('app.signedInAs', { name: officer.displayName })}</Text>
      <Text size="xs" data-testid="signed-in-role">
        {t(`session.role.${officer.role}`)}
        {officer.team ? ` · ${officer.team}` : ''}
      </Text>
      {offline && (
        <Tooltip label={t('session.offlineHelp')} multiline w={260} withinPortal>
          <Badge color="orange" variant="light" size="sm" data-testid="signed-in-offline">
            {t('session.offline')}
          </Badge>
        </Tooltip>
      )}
      {hubBack && <HubBackPrompt officerId={officer.id} />}
      <Group gap={4}>
        <LockNowButton />
        {demo ? <DemoOfficerMenu /> : <CredentialSignIn />}
        {/* The demo's officers have no credential to sign in again with. */}
        {!demo && <SignOutButton />}
      </Group>
    </Stack>
  );
}
