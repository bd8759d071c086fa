// The custom elements: each is defined from the table in Rust (`elementSpec`)
// and mounts the same Leptos component into itself (light DOM), under the
// nearest <credits-provider>. Nothing thrown: errors arrive as `credits-error`.
import init, { elementSpec, ProviderMount, SurfaceMount } from "./leptos_credits_elements.js";

let defined;

/** Loads the wasm once and defines every `credits-*` element. */
export function defineCreditsElements(options = {}) {
  defined ??= init({ module_or_path: options.wasm ?? new URL("leptos_credits_elements_bg.wasm", import.meta.url) }).then(() => {
    const table = JSON.parse(elementSpec());
    layOut(table.map((e) => e.tag));
    for (const spec of table) {
      if (!customElements.get(spec.tag)) customElements.define(spec.tag, elementClass(spec));
    }
  });
  return defined;
}

// The elements lay out as the components they hold: no box of their own.
// One sheet per document, in the library's layer so any host rule wins.
function layOut(tags) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`@layer leptos-credits { ${tags.join(", ")} { display: contents; } }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

const PROVIDER = "credits-provider";

function elementClass(spec) {
  const provider = spec.tag === PROVIDER;
  const attributes = new Map(spec.attributes.map((a) => [a.name, a]));
  const Element = class extends HTMLElement {
    static observedAttributes = spec.attributes.map((a) => a.name);

    constructor() {
      super();
      // props: rich properties (last good ones once mounted); mount: the Rust
      // side; surfaces/waiting: a provider's mounted and not-yet-mounted children.
      this._lc = { props: {}, early: {}, mount: null, provider: null, leaving: false, surfaces: new Set(), waiting: new Set() };
      // A property set before the element was defined shadows the accessor:
      // take it up (an attribute's once connected, as a constructor may not
      // add attributes).
      for (const name of spec.properties) {
        if (Object.hasOwn(this, name)) {
          this._lc.props[name] = this[name];
          delete this[name];
        }
      }
      for (const { property } of spec.attributes) {
        if (Object.hasOwn(this, property)) {
          this._lc.early[property] = this[property];
          delete this[property];
        }
      }
    }

    connectedCallback() {
      const lc = this._lc;
      for (const [property, value] of Object.entries(lc.early)) this[property] = value;
      lc.early = {};
      // Moved within the page (disconnected and connected in one task): a
      // provider stays mounted; a surface stays if its provider is the same.
      lc.leaving = false;
      if (!provider) attach(this);
      else if (!lc.mount) startProvider(this);
    }

    disconnectedCallback() {
      // After the current task: a move comes back before then, and a host
      // that removes the element from inside one of its events does not
      // unmount the component that is sending it.
      this._lc.leaving = true;
      queueMicrotask(() => {
        if (this._lc.leaving) {
          this._lc.leaving = false;
          provider ? stopProvider(this) : detach(this);
        }
      });
    }

    attributeChangedCallback(name, before, now) {
      const mount = this._lc.mount;
      if (!mount || before === now) return;
      if (attributes.get(name)?.live) mount.attributeChanged(name, now ?? undefined);
      else if (!provider) remount(this);
    }
  };
  for (const a of spec.attributes) reflect(Element.prototype, a);
  for (const name of spec.properties) richProperty(Element.prototype, name, provider);
  return Element;
}

// `base-url` as `el.baseUrl`, `hide-cost` as a boolean `el.hideCost`.
function reflect(proto, { name, property, kind }) {
  Object.defineProperty(proto, property, {
    configurable: true,
    get() {
      const text = this.getAttribute(name);
      if (kind === "flag") return text !== null;
      if (kind === "number") return text === null || text.trim() === "" ? null : Number(text);
      return text;
    },
    set(value) {
      if (value === null || value === undefined || value === false) this.removeAttribute(name);
      else this.setAttribute(name, kind === "flag" ? "" : String(value));
    },
  });
}

function richProperty(proto, name, provider) {
  Object.defineProperty(proto, name, {
    configurable: true,
    get() {
      return this._lc.props[name];
    },
    set(value) {
      const lc = this._lc;
      if (!lc.mount) {
        lc.props[name] = value;
        return;
      }
      if (!lc.mount.setProperty(name, value)) return;
      lc.props[name] = value;
      // The components read their words once: new words mount them again.
      if (provider && name === "text") restartProvider(this);
    },
  });
}

function startProvider(el) {
  const lc = el._lc;
  lc.mount = new ProviderMount(el, lc.props.token, lc.props.text);
  for (const surface of el.querySelectorAll("*")) {
    if (surface._lc && surface.tagName.toLowerCase() !== PROVIDER && surface.isConnected) attach(surface);
  }
  for (const surface of lc.waiting) if (surface.isConnected) attach(surface);
  lc.waiting.clear();
}

function stopProvider(el) {
  const lc = el._lc;
  for (const surface of lc.surfaces) {
    detach(surface);
    if (surface.isConnected) lc.waiting.add(surface);
  }
  lc.surfaces.clear();
  lc.mount?.unmount();
  lc.mount = null;
}

function restartProvider(el) {
  stopProvider(el);
  startProvider(el);
}

// Mounts a surface under its nearest provider, or again when that changed.
function attach(el) {
  const lc = el._lc;
  const owner = el.parentElement?.closest(PROVIDER) ?? null;
  if (lc.mount && owner === lc.provider && (!owner || owner._lc?.mount)) return;
  detach(el);
  const tag = el.tagName.toLowerCase();
  if (!owner) {
    lc.mount = SurfaceMount.orphan(tag, el, lc.props.action);
    return;
  }
  if (!owner._lc?.mount) {
    // Its provider is not defined or connected yet: it mounts this when it is.
    owner._lc?.waiting.add(el);
    return;
  }
  lc.mount = owner._lc.mount.mountSurface(tag, el, lc.props.action);
  lc.provider = owner;
  owner._lc.surfaces.add(el);
}

function detach(el) {
  const lc = el._lc;
  lc.provider?._lc?.surfaces.delete(el);
  lc.provider = null;
  lc.mount?.unmount();
  lc.mount = null;
}

function remount(el) {
  detach(el);
  attach(el);
}
