// Starts the patched moto server (moto_launcher.py) for integration tests and drives its
// control API. See README.md next to this file.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setProcessEnv } from '../support/process-env';

export { emulatorAvailability, describeWithEmulator, type Availability } from './availability';

export interface FaultConfig {
  /** Fraction (0..1) of connect-campaigns requests answered 429 ThrottlingException. */
  throttleFraction?: number;
  /** Fraction (0..1) of connect-campaigns requests answered 500 InternalServerException. */
  errorFraction?: number;
  /** Delay added to every connect-campaigns request. */
  latencyMs?: number;
  /** Seeds the fault draws, for repeatable runs; null draws from system randomness. */
  seed?: number | null;
}

export interface EmulatorConfig extends FaultConfig {
  /** Enforce AWS's per-account-region connect-campaigns quotas with token buckets. */
  rates?: boolean;
  /** Multiplies every quota's rate and burst (an account with raised quotas). Default 1. */
  rateScale?: number;
  /** GetInstanceOnboardingJobStatus calls a new onboarding job answers IN_PROGRESS. */
  onboardingPolls?: number;
  /**
   * API v2 also lists, describes, stops, deletes and tags v1 campaigns (as telephony campaigns);
   * AWS documents neither way. Default false: each API answers only for its own campaigns.
   */
  v1CampaignsInV2?: boolean;
  /**
   * Regions whose connect-campaigns and connect requests are denied, as a Region-deny service
   * control policy denies them (403 AccessDeniedException). Default none.
   */
  deniedRegions?: string[];
  /**
   * ListCampaigns (v1 and v2) answers every campaign of the account and Region, whatever its
   * instanceIdFilter says: an endpoint a client must not trust with its filter. Default false.
   */
  ignoreInstanceIdFilter?: boolean;
}

/** The requests of one operation after the first `after` are answered with this AWS error. */
export interface RequestFault {
  /** `<SigV4 service>:<operation>`: `s3:PutObject`, `connect-campaigns:DeleteCampaign`, `connect-campaigns:v2:DeleteCampaign`. */
  operation: string;
  /** Requests let through first. Default 0. */
  after?: number;
  /** How many fail; default every later one. */
  times?: number;
  /** HTTP status (default 500) and error code (default InternalError), in the service's own error format. */
  status?: number;
  errorType?: string;
  message?: string;
}

/** One request the emulator received (control requests and unsigned ones excepted). */
export interface LoggedRequest {
  /** The SigV4 service name: `connect-campaigns` (v1 and v2), `s3`, `sts`, `iam`... */
  service: string;
  /** As the stats name it: `ListCampaigns`, `v2:ListCampaigns`, `PutObject`, `GetCallerIdentity`. */
  operation: string;
  account: string;
  region: string;
}

export interface StartOptions {
  faults?: FaultConfig;
  rates?: boolean;
  onboardingPolls?: number;
  /** Extra environment for the emulator process, e.g. INITIAL_NO_AUTH_ACTION_COUNT. */
  env?: Record<string, string>;
  /** How long to wait for the emulator to listen (default 30 s). */
  startTimeoutMs?: number;
}

export type OnboardingFailureCode =
  | 'EVENT_BRIDGE_ACCESS_DENIED'
  | 'EVENT_BRIDGE_MANAGED_RULE_LIMIT_EXCEEDED'
  | 'IAM_ACCESS_DENIED'
  | 'KMS_ACCESS_DENIED'
  | 'KMS_KEY_NOT_FOUND'
  | 'INTERNAL_FAILURE';

/** Resources a config names by id, to be created with exactly those ids. */
export interface SeedResources {
  connectInstances?: { account: string; region: string; id: string }[];
  kmsKeys?: { account: string; region: string; id: string }[];
}

export interface EmulatorStats {
  /**
   * connect-campaigns requests received, per operation (rejected ones included): API v1
   * operations by name (`ListCampaigns`), API v2 ones prefixed (`v2:ListCampaigns`).
   */
  requests: Record<string, number>;
  /** Requests answered 429, by fault injection or by the quota buckets. */
  throttled: number;
  /** Requests answered 500 by fault injection. */
  internalErrors: number;
}

export interface Emulator {
  /** http://127.0.0.1:PORT */
  endpoint: string;
  port: number;
  /** Environment a child process (SDK, Terraform, CLI) needs to talk to the emulator. */
  env: Record<string, string>;
  configure(config: EmulatorConfig): Promise<Required<EmulatorConfig>>;
  failOnboarding(connectInstanceId: string, failureCode: OnboardingFailureCode, times?: number): Promise<void>;
  /** Creates Connect instances and KMS keys with the given ids (moto's own calls pick random ids). */
  seed(resources: SeedResources): Promise<void>;
  stats(): Promise<EmulatorStats>;
  /** Clears the stats and the request log. */
  resetStats(): Promise<void>;
  /** Every AWS request since the last reset, in order. */
  requestLog(): Promise<LoggedRequest[]>;
  /** Answers later requests of one operation with an error (replaces that operation's fault). */
  failRequests(fault: RequestFault): Promise<void>;
  /** DescribeCampaign (v1 and v2) of `campaignId` answers with these members changed; null removes one. */
  overrideDescribe(campaignId: string, patch: Record<string, unknown>): Promise<void>;
  /** Forgets all AWS state (as moto's /moto-api/reset), stats and injected failures; restores the start config. */
  reset(): Promise<void>;
  /** The last lines the emulator wrote to stderr, for diagnosing a failing test. */
  stderrTail(): string;
  stop(): Promise<void>;
}

export const REGION = 'us-east-1';
const LAUNCHER = path.join(__dirname, 'moto_launcher.py');
const STDERR_KEEP = 8_000; // characters

// Children still running, killed when this process exits so none outlives a test run.
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function killOnExit(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => running.forEach((c) => c.kill('SIGKILL')));
  }
}

function launcherArgs(opts: StartOptions): string[] {
  const args = [LAUNCHER, '--port', '0'];
  const { throttleFraction, errorFraction, latencyMs, seed } = opts.faults ?? {};
  if (throttleFraction !== undefined) args.push('--throttle-fraction', String(throttleFraction));
  if (errorFraction !== undefined) args.push('--error-fraction', String(errorFraction));
  if (latencyMs !== undefined) args.push('--latency-ms', String(latencyMs));
  if (seed !== undefined && seed !== null) args.push('--seed', String(seed));
  if (opts.rates) args.push('--rates');
  if (opts.onboardingPolls !== undefined) args.push('--onboarding-polls', String(opts.onboardingPolls));
  return args;
}

export async function startEmulator(opts: StartOptions = {}): Promise<Emulator> {
  const child = spawn('python3', launcherArgs(opts), {
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  killOnExit(child);
  let stderr = '';
  // Keep draining stderr for the emulator's whole life: a full pipe would stall the server.
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_KEEP);
  });
  const port = await waitForReady(child, opts.startTimeoutMs ?? 30_000, () => stderr);
  return emulatorAt(port, () => stderr, () => stopChild(child));
}

/** The handle of an emulator listening on `port`: its environment and its control API. */
function emulatorAt(port: number, stderrTail: () => string, stop: () => Promise<void>): Emulator {
  const endpoint = `http://127.0.0.1:${port}`;
  const control = <T>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> =>
    controlCall<T>(endpoint, method, route, body);
  return {
    endpoint,
    port,
    env: {
      AWS_ENDPOINT_URL: endpoint,
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_REGION: REGION,
      AWS_DEFAULT_REGION: REGION,
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    configure: (config) => control('POST', 'config', config),
    failOnboarding: async (connectInstanceId, failureCode, times = 1) => {
      await control('POST', 'onboarding-failure', { connectInstanceId, failureCode, times });
    },
    seed: async (resources) => {
      await control('POST', 'seed', resources);
    },
    stats: () => control('GET', 'stats'),
    resetStats: async () => {
      await control('POST', 'stats/reset');
    },
    requestLog: async () => (await control<{ requests: LoggedRequest[] }>('GET', 'request-log')).requests,
    failRequests: async (fault) => {
      await control('POST', 'request-fault', fault);
    },
    overrideDescribe: async (campaignId, patch) => {
      await control('POST', 'describe-override', { campaignId, patch });
    },
    reset: async () => {
      await control('POST', 'reset');
    },
    stderrTail,
    stop,
  };
}

async function controlCall<T>(endpoint: string, method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${endpoint}/_emulator/${route}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`emulator ${method} /_emulator/${route}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

function waitForReady(child: ChildProcess, timeoutMs: number, stderr: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    const fail = (why: string): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`AWS emulator did not start: ${why}\n--- stderr (tail) ---\n${stderr()}`));
    };
    const timer = setTimeout(() => fail(`no READY line within ${timeoutMs} ms`), timeoutMs);
    const onExit = (code: number | null, signal: string | null): void =>
      fail(`exited early (code ${code}, signal ${signal})`);
    child.once('exit', onExit);
    child.once('error', (error) => fail(error.message));
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /^READY (\d+)$/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve(Number(match[1]));
      }
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

// --- One emulator per jest worker ------------------------------------------------------------
// jest gives every test file a new module registry but runs a worker's files one after another
// in the same process. The first file of a worker that needs the emulator starts it; the port is
// remembered in a file named after the worker's pid, where the worker's next files find it. The
// emulator dies with the worker (moto_launcher.py exits when its parent is gone).

const SHARED_DIR = path.join(os.tmpdir(), 'connect-campaigns-emulators');

interface SharedRecord {
  readonly port: number;
  readonly pid: number;
}

let shared: Promise<Emulator> | undefined;

/**
 * This jest worker's emulator, started on first use. Its state is whatever the previous suite
 * left: reset it (useEmulator does) before relying on it. `stop()` does nothing: the emulator
 * outlives the suite.
 */
export function sharedEmulator(): Promise<Emulator> {
  return (shared ??= findOrStartShared());
}

async function findOrStartShared(): Promise<Emulator> {
  const record = path.join(SHARED_DIR, `worker-${process.pid}.json`);
  const log = path.join(SHARED_DIR, `worker-${process.pid}.log`);
  const tail = () => logTail(log);
  const keep = async () => {}; // later suites of this worker use it
  const known = readRecord(record);
  if (known && (await answersAs(known))) return emulatorAt(known.port, tail, keep);

  mkdirSync(SHARED_DIR, { recursive: true });
  const stderr = openSync(log, 'w');
  const child = spawn('python3', launcherArgs({}), { env: process.env, stdio: ['ignore', 'pipe', stderr] });
  closeSync(stderr);
  killOnExit(child);
  // Neither the process nor its stdout may keep jest from exiting (with --runInBand the worker is
  // jest itself).
  child.unref();
  (child.stdout as unknown as { unref(): void }).unref();
  const port = await waitForReady(child, 30_000, tail);
  writeFileSync(record, JSON.stringify({ port, pid: child.pid! } satisfies SharedRecord));
  process.once('exit', () => {
    rmSync(record, { force: true });
    rmSync(log, { force: true });
  });
  return emulatorAt(port, tail, keep);
}

function readRecord(file: string): SharedRecord | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SharedRecord;
  } catch {
    return undefined;
  }
}

/** Whether the port is still the emulator of the record (a dead worker's pid can be reused). */
async function answersAs(record: SharedRecord): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${record.port}/_emulator/info`, { signal: AbortSignal.timeout(2_000) });
    return response.ok && ((await response.json()) as { pid?: number }).pid === record.pid;
  } catch {
    return false;
  }
}

function logTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(-STDERR_KEEP);
  } catch {
    return '';
  }
}

export interface UseEmulatorOptions extends StartOptions {
  /**
   * When the shared emulator forgets all state (AWS resources, faults, rates, stats, onboarding
   * failures, IAM enforcement) and takes this suite's start config again: `'test'` before every
   * test (independent tests), `'suite'` once before the suite's first test (tests that build on
   * what earlier tests left).
   * @default 'suite'
   */
  readonly reset?: 'test' | 'suite';
  /**
   * Point this process's default AWS chain (credentials, Region, endpoint in `process.env`) at
   * the emulator for the suite, and put the previous values back after it: for code under test
   * that builds its own clients from the default chain, as the CLI does.
   * @default false
   */
  readonly defaultChain?: boolean;
}

/** The start options a reset shared emulator takes again through its config API. */
function startConfig(options: StartOptions): EmulatorConfig {
  const config: EmulatorConfig = { ...options.faults };
  if (options.rates !== undefined) config.rates = options.rates;
  if (options.onboardingPolls !== undefined) config.onboardingPolls = options.onboardingPolls;
  return config;
}

/**
 * The emulator of a suite: this worker's shared one, reset before the suite (or before each
 * test, `reset: 'test'`) and configured with `faults`, `rates` and `onboardingPolls`. Options
 * with `env` get an emulator of their own, started before the suite and stopped after it: moto
 * reads such variables (MOTO_ACCOUNT_ID, ...) once, at start. Returns a getter: the emulator
 * exists only once beforeAll has run.
 */
export function useEmulator(options: UseEmulatorOptions = {}): () => Emulator {
  let emulator: Emulator | undefined;
  const own = options.env !== undefined;
  const config = startConfig(options);
  const reset = async () => {
    await emulator!.reset();
    if (Object.keys(config).length > 0) await emulator!.configure(config);
  };
  let restoreEnv = () => {};
  beforeAll(async () => {
    emulator = own ? await startEmulator(options) : await sharedEmulator();
    if (!own) await reset();
    if (options.defaultChain) restoreEnv = setProcessEnv(emulator.env);
  });
  if (options.reset === 'test' && !own) beforeEach(reset);
  afterAll(async () => {
    restoreEnv();
    if (own) await emulator?.stop();
  });
  return () => {
    if (!emulator) throw new Error('the emulator is not running: use it inside a test or a hook');
    return emulator;
  };
}
