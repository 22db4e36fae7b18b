/**
 * The commands a user runs. `megatron <command> [options]`; without a command, `ingest`.
 * Each command gets the validated configuration, a logger and the process's streams, and returns
 * an exit code; the heavy lifting lives in the stage folders.
 */
import { loadConfig } from './config.js';
import { createLogger } from './shared/logger.js';
import { checkDatabase } from './postgres/startup-checks.js';
import { COMMANDS } from './cli/commands.js';
import type { CliIo } from './cli/command.js';

/** Runs one command line; returns the exit code. Throws ConfigError / FatalError for main to report. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(renderHelp());
    return 0;
  }
  const name = first === undefined || first.startsWith('-') ? 'ingest' : first;
  const args = first === undefined || first.startsWith('-') ? argv : rest;
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`megatron: unknown command "${name}"\n\n${renderHelp()}`);
    return 2;
  }
  const config = loadConfig(io.env);
  // Logs go to stderr so that commands printing data (decode) keep stdout clean.
  const logger = createLogger(config.LOG_LEVEL, io.stderr as never).child({ command: name });
  // `migrate` needs a database that answers and exists, not one that is migrated; the commands that use
  // the schema check that too (startApp, withPool).
  if (name === 'migrate' && config.DATABASE_URL) await checkDatabase(config.DATABASE_URL, { migrated: false });
  return command.run(args, { ...io, config, logger });
}

function renderHelp(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `Usage: megatron <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nSettings come from environment variables: see .env.example.\n`;
}
