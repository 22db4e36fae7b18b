#!/usr/bin/env node
// Runs the compiled CLI (npm run build); during development use `npm run megatron -- <command>`.
import('../dist/src/main.js');
