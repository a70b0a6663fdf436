/**
 * This process's environment, changed for the code under test that reads it itself (the CLI run
 * in-process, the SDK's default credential chain) and put back afterwards. Tests never assign
 * `process.env` by hand: child processes and clients get an `env` or a config instead, and what
 * must go through `process.env` goes through here, so nothing leaks into the next suite.
 */

/** Sets (or, for `undefined`, deletes) the variables; returns what puts the previous values back. */
export function setProcessEnv(vars: Readonly<Record<string, string | undefined>>): () => void {
  const previous = Object.keys(vars).map((key) => [key, process.env[key]] as const);
  assign(vars);
  return () => assign(Object.fromEntries(previous));
}

function assign(vars: Readonly<Record<string, string | undefined>>): void {
  for (const [key, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}

/**
 * For a suite: `set(vars)` changes variables (in a hook or a test), and every change is undone
 * after the suite's last test, newest first.
 */
export function useProcessEnv(): { set(vars: Readonly<Record<string, string | undefined>>): void } {
  const restores: (() => void)[] = [];
  afterAll(() => {
    while (restores.length > 0) restores.pop()!();
  });
  return { set: (vars) => void restores.push(setProcessEnv(vars)) };
}

/**
 * This process's environment without its AWS_* variables: the base of a child's environment that
 * must reach only the endpoint and credentials it is given (the emulator's), never the runner's.
 */
export function withoutAwsVariables(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith("AWS_")));
}
