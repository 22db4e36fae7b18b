import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactUrl } from '../../src/shared/logger.js';

function capture(): { lines: () => Record<string, unknown>[]; stream: Writable } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, lines: () => chunks.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('logger', () => {
  it('gives each component a child and redacts secrets at any depth', () => {
    const out = capture();
    const root = createLogger('info', out.stream);
    root.child({ component: 'stream' }).info(
      { xToken: 'abc', config: { DATABASE_URL: 'postgres://u:pw@h/db', GRPC_X_TOKEN: 't' }, nested: { deep: { password: 'p' } } },
      'connected',
    );
    const [line] = out.lines();
    expect(line).toMatchObject({
      component: 'stream',
      service: 'megatron',
      msg: 'connected',
      xToken: '[redacted]',
      config: { DATABASE_URL: '[redacted]', GRPC_X_TOKEN: '[redacted]' },
      nested: { deep: { password: '[redacted]' } },
    });
    expect(JSON.stringify(line)).not.toMatch(/pw@|"abc"|"t"|"p"/);
  });

  it('respects the level', () => {
    const out = capture();
    const logger = createLogger('warn', out.stream);
    logger.info('hidden');
    logger.warn('shown');
    expect(out.lines().map((l) => l.msg)).toEqual(['shown']);
  });

  it('strips credentials and query strings from URLs', () => {
    expect(redactUrl('postgres://user:pw@db:5432/m?sslmode=require')).toBe('postgres://***:***@db:5432/m?***');
    expect(redactUrl('https://rpc.example.com/?api-key=k')).toBe('https://rpc.example.com/?***');
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
    expect(redactUrl('not a url')).toBe('[unparseable url]');
  });
});
