import { describe, expect, it } from 'vitest';
import { classifyHealth, DEFAULT_MAX_LAG_SLOTS, type HealthReport } from '../../../src/api/index.js';

const HEALTHY: Omit<HealthReport, 'status'> = {
  stream: { connected: true, lagSlots: 1, lagSeconds: 0.4, lastSlot: '100' },
  database: { reachable: true, mode: 'plain' },
  redis: { reachable: true, stale: false, enabled: true },
  queueDepth: 0,
  uptimeSeconds: 1,
};

describe('classifyHealth', () => {
  it('is ok when every part is up', () => {
    expect(classifyHealth(HEALTHY)).toBe('ok');
  });

  it('is down when the database is unreachable, whatever else holds', () => {
    expect(classifyHealth({ ...HEALTHY, database: { reachable: false, mode: 'plain' } })).toBe('down');
  });

  it('is degraded when the stream is disconnected or lags beyond the limit', () => {
    expect(classifyHealth({ ...HEALTHY, stream: { ...HEALTHY.stream, connected: false } })).toBe('degraded');
    const lag = (lagSlots: number) => ({ ...HEALTHY, stream: { ...HEALTHY.stream, lagSlots } });
    expect(classifyHealth(lag(DEFAULT_MAX_LAG_SLOTS))).toBe('ok');
    expect(classifyHealth(lag(DEFAULT_MAX_LAG_SLOTS + 1))).toBe('degraded');
    expect(classifyHealth(lag(10), 5)).toBe('degraded');
  });

  it('is degraded when an enabled Redis is unreachable or stale, ok when Redis is disabled', () => {
    expect(classifyHealth({ ...HEALTHY, redis: { reachable: false, stale: false, enabled: true } })).toBe('degraded');
    expect(classifyHealth({ ...HEALTHY, redis: { reachable: true, stale: true, enabled: true } })).toBe('degraded');
    expect(classifyHealth({ ...HEALTHY, redis: { reachable: false, stale: false, enabled: false } })).toBe('ok');
  });
});
