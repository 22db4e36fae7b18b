/** The command table of the `megatron` CLI: one file per command, named after it. */
import type { Command } from './command.js';
import { migrateCommand } from './migrate-command.js';
import { decodeCommand } from './decode-command.js';
import { ingestCommand } from './ingest-command.js';
import { demoCommand } from './demo-command.js';
import { replayCommand } from './replay-command.js';
import { backfillCommand } from './backfill-command.js';
import { recordCommand } from './record-command.js';
import { holdersCommand } from './holders-command.js';
import { modelCommand } from './model-command.js';
import { backtestCommand } from './backtest-command.js';
import { scoreCommand } from './score-command.js';

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
