// Builds DOM nodes. Text always goes in as text nodes (never as HTML), so nothing from a call record can run.

/** el("p", { class: "x", "aria-label": "y" }, "text", childNode, [more, children]) */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "style" && typeof value === "object") {
      Object.assign(node.style, value);
    } else if (name.startsWith("on") && typeof value === "function") {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(container, ...children) {
  container.replaceChildren();
  append(container, children);
}
