// The strict Content-Security-Policy every page works under: scripts/postbuild.mjs adds the
// family page's style hash to it (dist/csp.txt); tests/e2e/serve.mjs sends it.
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data:";
