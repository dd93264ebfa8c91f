// What any Lit element wrapping the Authsignal SDK pays before its own code: the size floor.
import { LitElement, html, css } from 'lit';
import { Authsignal } from '@authsignal/browser';
globalThis.__floor = [LitElement, html, css, Authsignal];
