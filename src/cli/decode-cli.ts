/** `megatron decode <file|folder|-> ...`: prints one JSON object per decoded event (NDJSON). */
import type { Command } from '../cli.js';
import { runDecodeCommand } from './decode-command.js';

export const decodeCommand: Command = {
  summary: 'decode transactions or blocks from files, folders or stdin (-) and print NDJSON events',
  usage: 'megatron decode <file|folder|-> ...',
  run: (args, { stdout, stdin }) => runDecodeCommand(args, stdout, stdin),
};
