/** The message of a thrown value, for logs and notifications. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
