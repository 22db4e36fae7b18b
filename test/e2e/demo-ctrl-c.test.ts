/**
 * `npm run demo` stopped with Ctrl-C: the terminal sends SIGINT to the whole foreground process group.
 * The embedded PostgreSQL used to be in that group and shut down at once, while the demo was still
 * flushing: its last batch was lost and a connection error ended the process with a stack trace. The
 * demo must stop gracefully (exit 0, last batch committed, nothing quarantined, no connection lost) and
 * leave no PostgreSQL behind.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startMegatron, waitUntil } from '../helpers/megatron-process.js';

/** PIDs of running embedded demo PostgreSQL servers. */
function demoPostgresPids(): Set<string> {
  const pids = new Set<string>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('megatron-demo-pg-')) pids.add(pid);
    } catch {
      // gone
    }
  }
  return pids;
}

describe.skipIf(process.platform !== 'linux')('npm run demo and Ctrl-C', () => {
  it('stops gracefully when the whole process group gets SIGINT, and stops its embedded PostgreSQL', async () => {
    const before = demoPostgresPids();
    const demo = startMegatron(['demo'], { LOG_LEVEL: 'info', DEMO_TRADES_PER_SECOND: '500' }, { processGroup: true });
    try {
      await waitUntil(async () => demo.output().includes('demo running'), 90_000, () => demo.output().slice(-2_000));
      const started = [...demoPostgresPids()].filter((pid) => !before.has(pid));
      expect(started.length).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      process.kill(-demo.child.pid!, 'SIGINT');
      const code = await Promise.race([demo.exited, new Promise((resolve) => setTimeout(() => resolve('still running after 30 s'), 30_000))]);
      const output = demo.output();
      expect(code, output.slice(-3_000)).toBe(0);
      const stopped = output.split('\n').find((line) => line.includes('"msg":"megatron stopped"'));
      expect(stopped, output.slice(-3_000)).toBeDefined();
      const status = JSON.parse(stopped!).status as { batchesCommitted: number; tradesCommitted: number; quarantined: number };
      expect(status.tradesCommitted).toBeGreaterThan(0);
      expect(status.quarantined).toBe(0);
      expect(output).not.toMatch(/connection lost|Unhandled|ECONNRESET/);
      await waitUntil(async () => started.every((pid) => !demoPostgresPids().has(pid)), 15_000, () => `embedded PostgreSQL still running: ${started.join(', ')}`);
    } finally {
      if (demo.child.exitCode === null) process.kill(-demo.child.pid!, 'SIGKILL');
    }
  }, 180_000);
});
