// DOM helpers. Every piece of data becomes a text node (textContent), never markup: scraped titles,
// bodies, comments, outlet and actor names are shown exactly as written and cannot run script.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
}

// Only http(s) links are made clickable: a scraped "javascript:" URL stays text.
export function safeUrl(url) {
  if (typeof url !== "string") return null;
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

export function link(url, text) {
  const href = safeUrl(url);
  if (!href) return el("span", {}, text);
  return el("a", { href, target: "_blank", rel: "noopener noreferrer nofollow" }, text);
}
