/** Re-reads `read` until `ok` holds: Web Chat renders asynchronously after each activity. */
export async function until<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && ok(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`not reached in ${timeoutMs} ms; last value: ${String(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
