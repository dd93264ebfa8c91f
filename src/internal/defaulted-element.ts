import { LitElement, type PropertyDeclaration } from 'lit';

/** A reactive property's declaration, with the value it reads while the element holds none. */
export interface DefaultedDeclaration extends PropertyDeclaration {
  value?: string | boolean;
}

/**
 * Each element's base: a property declared with a `value` reads that value until one is set, and
 * again after it is set to null or undefined (removing its attribute does that). The default lives
 * in the declaration, not in each element: a field initializer runs Lit's whole setter for every
 * property of every element as it is created (on a page of a thousand, several milliseconds), and
 * Lit's `useDefault` then keeps a copy of each default per element. Never set, a property is never
 * recorded as changed nor reflected to its attribute.
 */
export class DefaultedElement extends LitElement {
  declare static properties: Record<string, DefaultedDeclaration>;

  static override getPropertyDescriptor(name: PropertyKey, key: string | symbol, options: DefaultedDeclaration) {
    return {
      ...super.getPropertyDescriptor(name, key, options),
      get(this: Record<string | symbol, unknown>) {
        return this[key] ?? options.value;
      },
    };
  }
}
