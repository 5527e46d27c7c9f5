// The dataset checker's worker. The page starts it only when a reader opens a dataset file
// of their own (?data=): it loads the checker (checker.js and checker_bg.wasm, a WebAssembly
// module of its own), which reads the JSON and checks every rule, and answers with the
// dataset in the page's compact form or with every problem found. The page's own program
// carries neither: the site's datasets were checked by the build.
importScripts("checker.js");
const ready = wasm_bindgen({ module_or_path: "checker_bg.wasm" });
// The page waits a limited time for this (the files may stall on the way), then for the
// answer as long as the check takes. A failure is said when the file arrives, not as an
// unhandled rejection before.
ready.then(() => postMessage({ loaded: true }), () => {});
const words = (error) => String((error && error.message) || error);
onmessage = async (event) => {
  try {
    await ready;
  } catch (error) {
    postMessage({ start: true, error: `its program (checker_bg.wasm) could not be loaded (${words(error)})` });
    return;
  }
  try {
    const { bytes, name, today } = event.data;
    const answer = wasm_bindgen.check(bytes, name, today);
    postMessage(answer, [answer.buffer]);
  } catch (error) {
    postMessage({ error: words(error) });
  }
};
