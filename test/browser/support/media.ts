import { executeServerCommand } from '@web/test-runner-commands';

/** Emulates CSS media features on this page (Chromium only): `emulateMedia({ 'forced-colors': 'active' })`. */
export function emulateMedia(features: Record<string, string> = {}): Promise<unknown> {
  return executeServerCommand('media:emulate', {
    features: Object.entries(features).map(([name, value]) => ({ name, value })),
  });
}
