// Whether the AWS emulator (python3 + moto 5.x) can run here, and a describe() that says so.
import { spawnSync } from 'node:child_process';
import { describeWithTools } from '../support/tiers';

export type Availability = { ok: true } | { ok: false; reason: string };

let cached: Availability | undefined;

/** Checks once per process that python3 runs and imports moto 5.x with its server parts. */
export function emulatorAvailability(): Availability {
  if (cached) return cached;
  const probe = spawnSync(
    'python3',
    ['-c', 'import flask, werkzeug, moto; print(moto.__version__)'],
    { encoding: 'utf8', timeout: 30_000 },
  );
  if (probe.error) {
    cached = { ok: false, reason: `cannot run python3: ${probe.error.message}` };
  } else if (probe.status !== 0) {
    const tail = probe.stderr.trim().split('\n').pop();
    cached = { ok: false, reason: `python3 cannot import moto (pip install 'moto[server]>=5,<6'): ${tail}` };
  } else {
    const version = probe.stdout.trim();
    cached = version.startsWith('5.')
      ? { ok: true }
      : { ok: false, reason: `moto ${version} found, the emulator needs moto 5.x` };
  }
  return cached;
}

/**
 * describe() for suites that need the emulator. Without it the suite fails on CI
 * (CI=true) and is skipped with a warning elsewhere: never skipped silently.
 */
export function describeWithEmulator(name: string, fn: () => void): void {
  describeWithTools(name, () => {
    const availability = emulatorAvailability();
    return availability.ok ? availability : { ok: false, reason: `AWS emulator unavailable: ${availability.reason}` };
  }, fn);
}
