// `npm run analyze` writes custom-elements.json; CI fails when the committed file is stale.

/** Reactive state the elements keep for themselves (public in TypeScript only so the shared view can set it). */
const INTERNAL = new Set(['blankSlot']);

/** By class name, then property: the `value` each declaration in a class's `static properties` defaults to. */
const declaredDefaults = new Map();
/** `entry` with `default` right after its type, where an initializer's default would stand. */
function withDefault(entry, value) {
  if (value === undefined) return entry;
  const { default: _, ...rest } = entry;
  return Object.fromEntries(
    Object.entries(rest).flatMap((pair) => (pair[0] === 'type' ? [pair, ['default', value]] : [pair])),
  );
}

export default {
  // The public surface only: the elements, their registration entries and their events.
  globs: [
    'src/components/**/*.component.ts',
    'src/passkey-enroll.ts',
    'src/step-up-challenge.ts',
    'src/passkey-sign-in.ts',
    'src/passkey-manager.ts',
    'src/events/*.ts',
  ],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // A property's default is declared beside its attribute (`static properties = { x: { value } }`,
      // see src/internal/defaulted-element.ts), not by a field initializer the analyzer would read.
      name: 'declared-defaults',
      analyzePhase({ ts, node }) {
        if (!ts.isClassDeclaration(node) || !node.name) return;
        for (const member of node.members) {
          const declarations =
            ts.isPropertyDeclaration(member) && member.name.getText() === 'properties' && member.initializer;
          if (!declarations || !ts.isObjectLiteralExpression(declarations)) continue;
          const defaults = new Map();
          for (const property of declarations.properties) {
            const options = ts.isPropertyAssignment(property) && property.initializer;
            if (!options || !ts.isObjectLiteralExpression(options)) continue;
            for (const option of options.properties)
              if (ts.isPropertyAssignment(option) && option.name.getText() === 'value')
                defaults.set(property.name.getText(), option.initializer.getText());
          }
          declaredDefaults.set(node.name.getText(), defaults);
        }
      },
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules)
          for (const declaration of mod.declarations ?? []) {
            const defaults = declaredDefaults.get(declaration.name);
            // The base that reads those defaults adds no public member: the elements are LitElements.
            if (declaration.superclass?.name === 'DefaultedElement')
              declaration.superclass = { name: 'LitElement', package: 'lit' };
            if (!defaults) continue;
            declaration.members = declaration.members?.map((member) => withDefault(member, defaults.get(member.name)));
            declaration.attributes = declaration.attributes?.map((a) => withDefault(a, defaults.get(a.fieldName)));
          }
      },
    },
    {
      // `this.dispatchEvent(new XEvent(detail))` yields an unnamed event; the JSDoc @event tags name
      // them. Private members (`#x`, `private x`) are not part of the surface.
      name: 'public-surface-only',
      packageLinkPhase({ customElementsManifest }) {
        // In path order: the analyzer lists modules in the order their parses finish, which
        // differs from one clone to the next.
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
            if (declaration.members) {
              declaration.members = declaration.members.filter(
                (member) => !member.name.startsWith('#') && member.privacy !== 'private' && !INTERNAL.has(member.name),
              );
            }
            // `state: true` implies no attribute in Lit, which the analyzer does not know.
            if (declaration.attributes) {
              declaration.attributes = declaration.attributes.filter((attribute) => !INTERNAL.has(attribute.name));
            }
          }
        }
      },
    },
  ],
};
