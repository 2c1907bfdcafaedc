// P5's query counter, preloaded (NODE_OPTIONS=--require) into the one `next start` that P5 measures, never
// into the servers that are timed. It listens to Prisma's own query events, which lib/db.ts turns on: when
// the app's bundle loads Prisma's runtime (an external module, so it goes through Node's require), the
// PrismaClient class it returns is wrapped so that every client it makes also reports its queries here.
// The realtime hub's relay and LISTEN connection use `pg` directly and are not counted: only what Prisma
// runs, which is everything a page or action asks the database.
//
// The bench reads and resets the log over HTTP on the Unix socket named by BENCH_QUERY_SOCKET:
//   GET /  → {"queries": ["select …", …]}      POST /reset → clears it
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload, loaded before any bundler */
const Module = require("node:module");
const http = require("node:http");
const fs = require("node:fs");

const socketPath = process.env.BENCH_QUERY_SOCKET;
const runtimePath = require.resolve("@prisma/client/runtime/client", { paths: [process.cwd()] });
let queries = [];
let wrapped = null;
let serving = false;

function serve() {
  if (serving || !socketPath) return;
  serving = true;
  fs.rmSync(socketPath, { force: true });
  const server = http.createServer((request, response) => {
    if (request.method === "POST") queries = [];
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ queries }));
  });
  server.listen(socketPath);
  server.unref();
}

function countingClass(Base) {
  return class CountedPrismaClient extends Base {
    constructor(...args) {
      super(...args);
      serve();
      this.$on("query", (event) => queries.push(event.query));
    }
  };
}

const load = Module._load;
Module._load = function (request, parent, isMain) {
  const exports = load.apply(this, arguments);
  if (!request.includes("runtime/client")) return exports;
  let filename;
  try {
    filename = Module._resolveFilename(request, parent, isMain);
  } catch {
    return exports;
  }
  if (filename !== runtimePath) return exports;
  // The runtime's exports are getters that cannot be reassigned: hand out a copy whose getPrismaClient
  // returns the counting subclass, and the same copy on every later load.
  if (!wrapped) {
    wrapped = {};
    for (const key of Object.keys(exports)) {
      if (key === "getPrismaClient") continue;
      Object.defineProperty(wrapped, key, { enumerable: true, get: () => exports[key] });
    }
    Object.defineProperty(wrapped, "__esModule", { value: true });
    Object.defineProperty(wrapped, "getPrismaClient", {
      enumerable: true,
      value: (config) => countingClass(exports.getPrismaClient(config)),
    });
  }
  return wrapped;
};
