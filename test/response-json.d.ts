// Tests read JSON response bodies dynamically and let expect() check their shape, so `json()`
// is loosened for test files only (this file is included only by test/tsconfig.json).
declare global {
  interface Response {
    // biome-ignore lint/suspicious/noExplicitAny: test assertions inspect arbitrary JSON
    json(): Promise<any>;
  }
}

export {};
