/** The command table of the `megatron` CLI. */
import type { Command } from '../cli.js';
import { migrateCommand } from './migrate-command.js';
import { decodeCommand } from './decode-cli.js';

export const COMMANDS: Record<string, Command> = {
  migrate: migrateCommand,
  decode: decodeCommand,
};
