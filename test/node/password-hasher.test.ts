import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PasswordHasher } from '../../demo/server/password-hasher.js';

describe('demo: password hashing', () => {
  const hasher = new PasswordHasher();

  it('hashes with scrypt at full cost and a random salt, and verifies', async () => {
    const a = await hasher.hash('correct horse battery');
    const b = await hasher.hash('correct horse battery');
    assert.match(a, /^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    assert.notEqual(a, b, 'a new salt each time');
    assert.equal(await hasher.verify('correct horse battery', a), true);
    assert.equal(await hasher.verify('correct horse batterY', a), false);
    assert.equal(await hasher.verify('', a), false);
  });

  it('refuses malformed or tampered hashes', async () => {
    const stored = await hasher.hash('secret password');
    const parts = stored.split('$');
    parts[5] = Buffer.from('x'.repeat(32)).toString('base64url');
    assert.equal(await hasher.verify('secret password', parts.join('$')), false);
    assert.equal(await hasher.verify('secret password', 'plain-text'), false);
    assert.equal(await hasher.verify('secret password', 'bcrypt$1$2$3$4$5'), false);
  });
});
