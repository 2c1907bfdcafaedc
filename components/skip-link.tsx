/**
 * The first thing a keyboard reaches on every page: hidden until focused, it moves focus past the header to
 * the page's own content (the element with id `main-content`, which every layout or page without one sets).
 */
export function SkipLink() {
  return (
    <a
      href="#main-content"
      className="sr-only z-50 rounded-lg bg-white px-4 py-2 font-semibold text-brand-700 shadow-lg ring-2 ring-brand-600 focus:not-sr-only focus:fixed focus:left-3 focus:top-3"
    >
      Skip to main content
    </a>
  );
}
