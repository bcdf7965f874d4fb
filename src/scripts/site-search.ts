// The header's search field. It has no name, so without JavaScript the form sends no query (it opens
// /search/, which says search needs JavaScript). With JavaScript the query goes to /search/#q=…: the
// fragment never leaves the browser, so it reaches no access log, and the link is still shareable.
// The fragment is queryFragment() of src/lib/site/search-query.ts, written out here so that every
// page's script stays small and separate from the search page's (test/e2e/search.spec.ts checks both).
document.addEventListener('submit', (event) => {
  const form = event.target as HTMLFormElement;
  if (!form.matches('.site-search')) return;
  const q = (form.elements[0] as HTMLInputElement).value.trim();
  event.preventDefault();
  location.assign(form.action + (q && `#${new URLSearchParams({ q }).toString()}`));
});
