import { elementUpdated, expect, fixture } from '@open-wc/testing';
import '../../src/passkey-enroll.js';
import '../../src/step-up-challenge.js';
import '../../src/passkey-sign-in.js';
import '../../src/passkey-manager.js';

interface Attribute {
  name: string;
  fieldName: string;
  default?: string;
  type?: { text: string };
}

/** Each element's attributes with a documented default, as custom-elements.json states them. */
async function documented(): Promise<Map<string, Attribute[]>> {
  const manifest = await (await fetch('/custom-elements.json')).json();
  const byTag = new Map<string, Attribute[]>();
  for (const mod of manifest.modules)
    for (const declaration of mod.declarations ?? [])
      if (declaration.tagName)
        byTag.set(
          declaration.tagName,
          (declaration.attributes as Attribute[]).filter((attribute) => attribute.default !== undefined),
        );
  return byTag;
}

/** A default as the manifest writes it (`''`, `'platform'`, `false`, `['PASSKEY']`), as a value. */
const valueOf = (text: string): unknown => JSON.parse(text.replaceAll("'", '"'));

// The defaults are declared beside each attribute (src/internal/defaulted-element.ts), and the
// manifest reads them from there: these check that what it documents is what each element does.
describe('property defaults', () => {
  let attributes: Map<string, Attribute[]>;
  before(async () => {
    attributes = await documented();
  });

  it('documents a default for every attribute but those with none', () => {
    expect([...attributes.keys()].sort()).to.deep.equal([
      'passkey-enroll',
      'passkey-manager',
      'passkey-sign-in',
      'step-up-challenge',
    ]);
    for (const [tag, list] of attributes) expect(list.length, tag).to.be.greaterThan(4);
  });

  for (const tag of ['passkey-enroll', 'step-up-challenge', 'passkey-sign-in', 'passkey-manager']) {
    it(`<${tag}> reads its documented defaults, before and after it renders, and writes no attribute`, async () => {
      const created = document.createElement(tag) as unknown as Record<string, unknown>;
      for (const attribute of attributes.get(tag)!)
        expect(created[attribute.fieldName], attribute.name).to.deep.equal(valueOf(attribute.default!));
      const el = await fixture(document.createElement(tag));
      for (const attribute of attributes.get(tag)!)
        expect((el as unknown as Record<string, unknown>)[attribute.fieldName], attribute.name).to.deep.equal(
          valueOf(attribute.default!),
        );
      expect(el.getAttributeNames()).to.deep.equal([], 'no default reflected');
    });

    it(`<${tag}> restores each default when its attribute is removed, or its property set to undefined`, async () => {
      const el = await fixture(document.createElement(tag));
      const props = el as unknown as Record<string, unknown>;
      for (const attribute of attributes.get(tag)!) {
        const boolean = attribute.type?.text === 'boolean';
        const fallback = valueOf(attribute.default!);
        el.setAttribute(attribute.name, boolean ? '' : 'SMS');
        expect(props[attribute.fieldName], attribute.name).to.deep.equal(
          boolean ? true : Array.isArray(fallback) ? ['SMS'] : 'SMS',
        );
        el.removeAttribute(attribute.name);
        expect(props[attribute.fieldName], `${attribute.name} removed`).to.deep.equal(fallback);
        if (Array.isArray(fallback)) continue;
        props[attribute.fieldName] = boolean ? true : 'x';
        props[attribute.fieldName] = undefined;
        expect(props[attribute.fieldName], `${attribute.fieldName} = undefined`).to.deep.equal(fallback);
      }
      await elementUpdated(el);
      expect(el.getAttributeNames()).to.deep.equal([], 'nothing written back');
    });
  }
});
