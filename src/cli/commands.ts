/** The command table of the `megatron` CLI. */
import type { Command } from '../cli.js';
import { migrateCommand } from './migrate-command.js';
import { decodeCommand } from './decode-cli.js';
import { ingestCommand } from './ingest-command.js';
import { demoCommand } from './demo-command.js';
import { backfillCommand, recordCommand, replayCommand } from './stream-commands.js';
import { holdersCommand } from './holders-command.js';
import { backtestCommand, modelCommand, scoreCommand } from './intelligence-commands.js';

export const COMMANDS: Record<string, Command> = {
  ingest: ingestCommand,
  migrate: migrateCommand,
  decode: decodeCommand,
  demo: demoCommand,
  replay: replayCommand,
  backfill: backfillCommand,
  record: recordCommand,
  holders: holdersCommand,
  model: modelCommand,
  backtest: backtestCommand,
  score: scoreCommand,
};
