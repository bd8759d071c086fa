import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { defineCreditsElements } from "leptos-credits-elements";
import { App } from "./App.jsx";

// React 19 sets a custom element's prop as a property when the element has
// one (`action`, `token`), else as an attribute: define the elements first,
// so that the token is never written into the DOM.
await defineCreditsElements();

createRoot(document.getElementById("root")).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
