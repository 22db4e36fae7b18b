/** The local Geyser server lives in src/simulate/ (the demo serves the synthetic market with it). */
export * from '../../src/simulate/geyser-server.js';
