/**
 * Wraps a dynamic import so that it can be tried again. A browser keeps a failed module fetch for
 * the rest of the page (Chromium does), so the same import would fail again at once: a retry asks
 * for the address the failure named, made new by a query, and so downloads again. `retry` counts
 * the failed attempts before this one.
 */
export function retryableImport<T>(load: () => Promise<T>): (retry: number) => Promise<T> {
  let failedUrl: string | undefined;
  return (retry) =>
    retry && failedUrl
      ? import(/* @vite-ignore */ /* webpackIgnore: true */ `${failedUrl}?retry=${retry}`)
      : load().catch((error: unknown) => {
          failedUrl ??= /\bhttps?:\/\/\S+?\.m?[jt]s\b/.exec(String((error as Error | null)?.message))?.[0];
          throw error;
        });
}
