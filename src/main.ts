/**
 * Process entry: read the environment, run the command, translate failures into exit codes.
 * The only file that touches `process.env` and `process.exit`.
 */
import { runCli } from './cli.js';
import { ConfigError } from './config.js';
import { FatalError, describeError } from './shared/errors.js';

const EXIT_FATAL = 1;
const EXIT_CONFIG = 2;

async function main(): Promise<void> {
  try {
    const code = await runCli(process.argv.slice(2), {
      env: process.env,
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
    });
    // The command has finished (a service has flushed and checkpointed): exit now rather than wait for
    // native handles (the gRPC client's threads) that may keep the event loop alive.
    await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
    process.exit(code);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable and its default.\n`);
      process.exit(EXIT_CONFIG);
    }
    if (error instanceof FatalError) {
      process.stderr.write(`megatron: ${error.message}\n${error.hint ? `${error.hint}\n` : ''}`);
      process.exit(EXIT_FATAL);
    }
    process.stderr.write(`megatron: unexpected failure: ${describeError(error)}\n`);
    if (error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exit(EXIT_FATAL);
  }
}

await main();
