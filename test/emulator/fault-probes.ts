// Probes of the emulator's fault modes, shared by the suites of API v1 and v2.
import type { Emulator, FaultConfig } from './emulator';

/**
 * Configures `faults` (restarting the seeded draw sequence) and makes `calls` calls one after
 * another; returns one character per call: '.' succeeded, 'T' ThrottlingException, 'E' other error.
 */
export async function outcomesUnder(emulator: Emulator, faults: FaultConfig, calls: number, call: () => Promise<unknown>): Promise<string> {
  await emulator.configure(faults);
  let outcomes = '';
  for (let i = 0; i < calls; i++) {
    outcomes += await call().then(() => '.', (e: { name?: string }) => (e.name === 'ThrottlingException' ? 'T' : 'E'));
  }
  return outcomes;
}

/** Milliseconds `call` took to settle. */
export async function elapsedMs(call: () => Promise<unknown>): Promise<number> {
  const started = Date.now();
  await call();
  return Date.now() - started;
}
