// Preloaded into Prisma CLI processes: the WebAssembly schema engine leaves long timers running after its
// work is done, which keeps `migrate deploy` alive for up to a minute. Long timers must not hold the process.
const original = global.setTimeout;
global.setTimeout = function setTimeout(callback, delay, ...args) {
  const timer = original(callback, delay, ...args);
  if (typeof delay === "number" && delay >= 5000 && timer && typeof timer.unref === "function") timer.unref();
  return timer;
};
