/**
 * The few DOM shapes the checks touch inside page.evaluate. The root tsconfig types Node code and has no DOM
 * library on purpose (DOM globals must not type-check in main-process code), so the browser-side callbacks
 * reach the page's globals through `globalThis` with these declarations. Types only: a callback passed to
 * page.evaluate is serialized and cannot use imported values.
 */
export interface DomElement {
  readonly tagName: string;
  id: string;
  readonly textContent: string | null;
  readonly shadowRoot: DomRoot | null;
  getAttributeNames(): string[];
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  matches(selectors: string): boolean;
  remove(): void;
  append(child: DomElement): void;
  /** <script> only. */
  readonly src?: string;
  readonly text?: string;
}

export interface DomRoot {
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

export interface DomDocument extends DomRoot {
  readonly body: DomElement;
  readonly fonts: { readonly ready: Promise<unknown> };
  createElement(tag: string): DomElement;
  getElementById(id: string): DomElement | null;
}

export interface PageGlobals {
  document: DomDocument;
  location: { readonly origin: string };
  [flag: string]: unknown;
}
