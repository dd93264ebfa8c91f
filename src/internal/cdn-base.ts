// The CDN bundles load their other files (the SDK, locales) from next to themselves. The
// classic-script build has no `import.meta`: there the script's own address is read while it runs
// (later it is gone), which is why this is read once, at load.
export const cdnBase = (document.currentScript as HTMLScriptElement | null)?.src || import.meta.url;
