// `npm run analyze` writes custom-elements.json; CI fails when the committed file is stale.
export default {
  // The public surface only: the elements, their registration entries and their events.
  globs: ['src/components/**/*.component.ts', 'src/passkey-enroll.ts', 'src/step-up-challenge.ts', 'src/events/*.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // `this.dispatchEvent(new XEvent(detail))` yields an unnamed event; the JSDoc @event tags name them.
      name: 'drop-unnamed-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
          }
        }
      },
    },
  ],
};
