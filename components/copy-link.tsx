"use client";

import { useState } from "react";

export function CopyLink({ link }: { link: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="mt-3 flex flex-wrap items-center gap-2">
      <label htmlFor="invitation-link" className="sr-only">
        Invitation link
      </label>
      <input
        id="invitation-link"
        readOnly
        value={link}
        className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
        onFocus={(event) => event.target.select()}
      />
      <button
        type="button"
        onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true))}
        className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-semibold hover:bg-slate-50"
      >
        {copied ? "Copied" : "Copy link"}
      </button>
    </div>
  );
}
