import assert from 'node:assert/strict';

type Kind = 'string' | 'number' | 'boolean' | 'object' | 'array';
/** Each key's JSON kind; a trailing `?` makes it optional. */
export type Shape = Record<string, `${Kind}` | `${Kind}?`>;

const kindOf = (value: unknown): Kind | 'null' | 'undefined' =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : (typeof value as Kind | 'undefined');

/**
 * Asserts that `value` has the keys of an `@authsignal/node` response type and no others: a key
 * the SDK's type does not declare is as wrong as a missing one (an integrator's code would never
 * see it in production).
 */
export function assertShape(value: unknown, shape: Shape, what: string): void {
  assert.equal(kindOf(value), 'object', `${what}: not an object`);
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    assert.ok(Object.hasOwn(shape, key), `${what}: "${key}" is not in the SDK's type`);
  }
  for (const [key, spec] of Object.entries(shape)) {
    const optional = spec.endsWith('?');
    const kind = spec.replace('?', '');
    if (optional && record[key] === undefined) continue;
    assert.equal(kindOf(record[key]), kind, `${what}: "${key}" should be ${kind}`);
  }
}
