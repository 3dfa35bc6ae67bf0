#!/usr/bin/env node
// CLI shim: registers tsx so the TypeScript entry runs directly from the source tree, no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
