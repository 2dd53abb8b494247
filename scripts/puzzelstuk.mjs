#!/usr/bin/env node
// The `puzzelstuk` bin: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../src-main/cli/entry.ts');
