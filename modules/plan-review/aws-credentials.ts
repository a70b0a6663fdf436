/**
 * Whether the standard AWS credential chain (environment, shared files, SSO, web identity,
 * container or instance role) finds credentials: checked before planning, so that a pipeline
 * without them gets one line instead of the provider's error for every stack.
 * Resolves to undefined when found, else to why not. Loads the AWS SDK only when called.
 */
export async function missingAwsCredentials(): Promise<string | undefined> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { fromNodeProviderChain } = require("@aws-sdk/credential-providers") as typeof import("@aws-sdk/credential-providers");
  try {
    await fromNodeProviderChain()();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
