import type { ManagerErrorCode } from '../../internal/error-codes.js';

/** The host server's error names (`{ error }`) the element tells apart. */
const HOST_ERRORS: Record<string, ManagerErrorCode> = {
  last_authenticator: 'last-authenticator',
  change_in_progress: 'change-in-progress',
};

/**
 * A JSON `POST` to the host's own server (same origin: its session cookie goes along), as the
 * element's change steps make them. Any 2xx answers its body; a refusal its code, never its text.
 */
export async function postChange<T>(url: string, body: object): Promise<{ data: T } | { code: ManagerErrorCode }> {
  if (!url) return { code: 'configuration' };
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { code: 'network' };
  }
  const data = (await response.json().catch(() => ({}))) as T & { error?: unknown };
  if (response.ok) return { data };
  const named =
    typeof data?.error === 'string' && Object.hasOwn(HOST_ERRORS, data.error) ? HOST_ERRORS[data.error] : undefined;
  return {
    code: named ?? (response.status === 429 ? 'rate-limited' : response.status >= 500 ? 'server' : 'change-refused'),
  };
}
