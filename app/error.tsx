"use client";

// Shown when a page fails unexpectedly. It says nothing about the cause (no SQL, no stack); the reference
// matches the digest Next.js logs on the server beside the real error.
export default function PageError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main id="main-content" tabIndex={-1} className="outline-none mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-3 text-slate-600">Nothing you entered was lost. Please try again in a moment.</p>
      {error.digest ? <p className="mt-3 text-sm text-slate-500">Reference {error.digest}</p> : null}
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white"
      >
        Try again
      </button>
    </main>
  );
}
