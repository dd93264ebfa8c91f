import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

// The README's API reference must agree with custom-elements.json (which CI keeps current).
interface Declaration {
  tagName?: string;
  attributes?: { name: string }[];
  members?: { name: string; kind: string; privacy?: string; static?: boolean }[];
  events?: { name: string }[];
  slots?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
  cssStates?: { name: string }[];
}

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
  modules: { declarations?: Declaration[] }[];
};
const readme = readFileSync('README.md', 'utf8');
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);

describe('README API reference', () => {
  it('documents the four elements', () => {
    assert.deepEqual(elements.map((d) => d.tagName).sort(), [
      'passkey-enroll',
      'passkey-manager',
      'passkey-sign-in',
      'step-up-challenge',
    ]);
  });

  for (const element of elements) {
    it(`names every attribute, property, event, slot, part, custom property and state of <${element.tagName}>`, () => {
      const section = readme.slice(readme.indexOf(`## \`<${element.tagName}>\``));
      const names = [
        ...(element.attributes ?? []).map((a) => `\`${a.name}\``),
        ...(element.members ?? [])
          .filter((m) => m.privacy !== 'private' && !m.static && !m.name.startsWith('#'))
          .map((m) => `\`${m.name}`),
        ...(element.events ?? []).map((e) => `\`${e.name}\``),
        ...(element.slots ?? []).filter((s) => s.name).map((s) => `\`${s.name}\``),
        ...(element.cssParts ?? []).map((p) => `\`${p.name}\``),
        ...(element.cssProperties ?? []).map((p) => `\`${p.name}\``),
        ...(element.cssStates ?? []).map((s) => s.name),
      ];
      const missing = names.filter((name) => !section.includes(name) && !readme.includes(name));
      assert.deepEqual(missing, [], `README is missing: ${missing.join(', ')}`);
    });
  }
});
