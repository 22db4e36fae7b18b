import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../../src/shared/metrics.js';

describe('decoder outcome metric', () => {
  it('exports every outcome from the start and counts what the pipeline increments', async () => {
    const metrics = createMetrics({ collectProcessMetrics: false });
    metrics.decoderOutcomes.inc({ outcome: 'not_mine' });
    metrics.decoderOutcomes.inc({ outcome: 'malformed' }, 2);
    const lines = (await metrics.registry.metrics()).split('\n').filter((line) => line.startsWith('megatron_decoder_outcomes_total'));
    expect(lines).toEqual([
      'megatron_decoder_outcomes_total{outcome="not_mine"} 1',
      'megatron_decoder_outcomes_total{outcome="unknown_discriminator"} 0',
      'megatron_decoder_outcomes_total{outcome="malformed"} 2',
      'megatron_decoder_outcomes_total{outcome="decoder_failure"} 0',
    ]);
  });
});
