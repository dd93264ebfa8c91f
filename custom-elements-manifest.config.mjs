// `npm run analyze` writes custom-elements.json; CI fails when the committed file is stale.

/** Reactive state the elements keep for themselves (public in TypeScript only so the shared view can set it). */
const INTERNAL = new Set(['blankSlot']);
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
