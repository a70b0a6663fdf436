// What a failed AWS SDK call looks like to a test: the error the SDK raised, awaited.

/** The fields of an SDK error the tests check (service-specific members are read with a cast). */
export interface SdkError {
  name: string;
  message: string;
  $metadata: { httpStatusCode?: number };
}

/** The error `promise` rejects with; fails the test when it resolves instead. */
export async function errorOf(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error('expected the call to fail');
}
