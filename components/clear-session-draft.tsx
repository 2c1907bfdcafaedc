"use client";

import { useEffect } from "react";
import { clearSessionDraft } from "./session-draft";

/** Rendered on a saved session's page: the draft of the form it came from is no longer needed. */
export function ClearSessionDraft() {
  useEffect(() => clearSessionDraft(), []);
  return null;
}
