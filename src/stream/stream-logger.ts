/** The logging surface the stream stage needs: a pino `Logger` satisfies it; tests can pass a fake. */
export interface StreamLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): StreamLogger;
}

/** A logger that drops everything (benchmarks, quiet tests). */
export function createSilentLogger(): StreamLogger {
  const logger: StreamLogger = {
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
    child: () => logger,
  };
  return logger;
}
