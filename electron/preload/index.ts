// Preload (CommonJS, sandboxed): exposes window.truceline.
export {};
