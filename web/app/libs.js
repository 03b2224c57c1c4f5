// The third-party libraries, fetched only when a reply needs them so the
// first load stays small. They live beside this module under %APP%/lib/.
const urls = {
  marked: new URL('./lib/marked.js', import.meta.url).href,
  purify: new URL('./lib/purify.js', import.meta.url).href,
  highlight: new URL('./lib/highlight.js', import.meta.url).href,
};

const loading = new Map();

// A UMD file that sets a global: a <script> element (script-src 'self').
function loadScript(url, globalName) {
  if (globalThis[globalName]) return Promise.resolve(globalThis[globalName]);
  if (!loading.has(url)) {
    loading.set(url, new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.async = true;
      script.onload = () => (globalThis[globalName] ? resolve(globalThis[globalName]) : reject(new Error(`${globalName} missing`)));
      script.onerror = () => { loading.delete(url); reject(new Error(`could not load ${url}`)); };
      document.head.append(script);
    }));
  }
  return loading.get(url);
}

export const loadMarked = () => loadScript(urls.marked, 'marked');
export const loadHighlight = () => loadScript(urls.highlight, 'hljs');
export async function loadPurify() {
  const mod = await import(urls.purify);
  return mod.default;
}
