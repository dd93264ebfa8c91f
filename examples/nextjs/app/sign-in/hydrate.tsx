'use client';
// Lit's hydration support before Lit itself (the next import brings it): the element adopts the
// server's shadow DOM instead of drawing it again.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import 'passkey-elements/passkey-sign-in.js';
import { useEffect } from 'react';

export function Hydrate() {
  useEffect(() => {
    // What the page does with the token: here, keep it for the test; a real page posts it to its backend.
    const keep = (event: Event) => ((window as { lastToken?: string }).lastToken = (event as CustomEvent).detail.token);
    document.addEventListener('passkey-sign-in-success', keep);
    return () => document.removeEventListener('passkey-sign-in-success', keep);
  }, []);
  return null;
}
