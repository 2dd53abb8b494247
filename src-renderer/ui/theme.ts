import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** A calm navy close to the Dutch government blue; shade 8 on white stays above 7:1 contrast. */
const navy: MantineColorsTuple = [
  '#eef3fa',
  '#dbe4f2',
  '#b3c6e4',
  '#88a6d5',
  '#648bc8',
  '#4d7ac0',
  '#3f6fbd',
  '#305ea7',
  '#244f92',
  '#154273',
];

/**
 * Action colours whose every shade from 6 up passes 4.5:1 against white and light tints: Mantine's own green and
 * red are too light for small button text (its `color="red.9"` is ignored by the subtle/light variants).
 */
const confirm: MantineColorsTuple = ['#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c', '#37b24d', '#237a36', '#1f6e31', '#1b602b', '#154d22'];
const danger: MantineColorsTuple = ['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#e03131', '#c02626', '#b02323', '#a11f1f', '#8c1a1a'];
const warn: MantineColorsTuple = ['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#f76707', '#a84300', '#9a3d00', '#8a3700', '#7a3000'];

export const theme = createTheme({
  primaryColor: 'navy',
  primaryShade: 8,
  colors: { navy, confirm, danger, warn },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "Cascadia Mono", "Segoe UI Mono", Consolas, "Liberation Mono", monospace',
  defaultRadius: 'sm',
  headings: { fontWeight: '600' },
  focusRing: 'auto',
  cursorType: 'pointer',
});

/** Mantine's "dimmed" grey fails AA for small text; use a darker grey everywhere it is used. */
export const cssVariablesResolver: CSSVariablesResolver = (current) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': current.colors.gray[7],
    '--mantine-color-placeholder': current.colors.gray[6],
  },
  dark: {},
});
