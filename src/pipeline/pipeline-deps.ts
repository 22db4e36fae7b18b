/** The slices of the metrics registry and logger the pipeline uses (createMetrics() and pino fit). */
export interface PipelineMetrics {
  eventsDecoded: { inc(labels: { program: string; kind: string }, value?: number): void };
  quarantined: { inc(labels: { stage: string; kind: string }, value?: number): void };
  /** Decoder outcomes other than an event: `not_mine`, and the kind of each decode-stage quarantine record. */
  decoderOutcomes: { inc(labels: { outcome: string }, value?: number): void };
  commitLatency: { observe(seconds: number): void };
  batchSize: { observe(labels: { sink: string }, rows: number): void };
  batchDuration: { observe(labels: { sink: string }, seconds: number): void };
  batchRows: { inc(labels: { table: string }, value?: number): void };
  queueDepth: { set(labels: { queue: string }, value: number): void };
  lastSlotCommitted: { set(value: number): void };
}

export interface PipelineLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
