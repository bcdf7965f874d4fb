// The decoder's logic, loaded after the page has loaded (when the browser is idle), together with
// the matcher data, so the first view carries only the form.
export { compile } from '../lib/decoder/error-match.ts';
export { decode } from '../lib/decoder/decode.ts';
