/**
 * The embedded PostgreSQL's own process (see `startEmbeddedPostgresDetached`): started detached, so in
 * a process group of its own, where a terminal's Ctrl-C does not reach it or the server it spawns. It
 * reports the server's URL over IPC, stops it when told to, and also when the demo that started it goes
 * away (the IPC channel closes), so no server is left behind.
 */
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { describeError } from '../shared/errors.js';

type HostMessage = { ready: string } | { failed: string } | { log: string };

function send(message: HostMessage): void {
  process.send?.(message);
}

// Signals are for the demo's process group; this one stops only on request or when the demo is gone.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);

try {
  const database = await startEmbeddedPostgres((msg) => send({ log: msg }));
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await database.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('message', (message) => {
    if (message === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
  send({ ready: database.url });
} catch (error) {
  send({ failed: describeError(error) });
  process.exit(1);
}
