// The page's calls to the JSON API (same origin).

export async function getJSON(path, params) {
  const query = params ? `?${new URLSearchParams(params)}` : "";
  const response = await fetch(`${path}${query}`, { headers: { accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

// The non-empty filter values of a form, as query parameters.
export function formFilters(form) {
  const out = {};
  for (const [key, value] of new FormData(form).entries()) {
    if (typeof value === "string" && value.trim()) out[key] = value.trim();
  }
  return out;
}
