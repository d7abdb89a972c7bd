#!/usr/bin/env node
// Installed entry point (`truceline …`): same fast path as `npm run truceline`.
import { pathToFileURL } from 'node:url';
import { bundledPath } from '../run-ts.mjs';

const file = await bundledPath('shared/node/cli/main.ts');
await import(pathToFileURL(file).href);
