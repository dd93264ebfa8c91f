import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

describe('npm test: browser discovery', () => {
  it('finds the installed browsers', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ensure-browsers.ts'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /chromium/);
    assert.match(r.stdout, /firefox/);
  });

  it('stops with the exact install command when no browser and no apt-get can be found', () => {
    const bin = mkdtempSync(join(tmpdir(), 'no-browsers-'));
    try {
      symlinkSync('/bin/sh', join(bin, 'sh'));
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ensure-browsers.ts'], {
        encoding: 'utf8',
        env: { PATH: bin, HOME: process.env.HOME },
      });
      assert.equal(r.status, 1);
      assert.match(r.stderr, /Chromium and Firefox ESR not found/);
      assert.match(
        r.stderr,
        /apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium firefox-esr/,
      );
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
