/**
 * Remote-access IDs → tool in lower case + `:` + the ID without spaces (`AnyDesk 123 456 789` → `anydesk:123456789`).
 * Fraudsters reuse their AnyDesk/TeamViewer IDs across victims, so the ID links reports and can be reported to
 * the vendor. IDs must look like the tool's IDs: AnyDesk/TeamViewer/QuickSupport use 8–11 digit numbers
 * (AnyDesk aliases like `name@ad` are not accepted), and so do UltraViewer and Supremo; RustDesk and other tools may
 * use letters too.
 */
import { cleanText } from '../clean-text';
import { normalized, type Normalized } from './result';

const TOOL_BY_NAME: Record<string, string> = {
  anydesk: 'anydesk',
  teamviewer: 'teamviewer',
  quicksupport: 'quicksupport',
  teamviewerquicksupport: 'quicksupport',
  tvquicksupport: 'quicksupport',
  rustdesk: 'rustdesk',
  ultraviewer: 'ultraviewer',
  supremo: 'supremo',
  other: 'other',
};
const NUMERIC_ID_TOOLS = new Set(['anydesk', 'teamviewer', 'quicksupport', 'ultraviewer', 'supremo']);

// A tool's name in prose. The regex anchors on the name's last word and looks back for the rest, so that V8 only
// stops at "desk", "viewer", "support" or "supremo" (a pattern starting with alternatives is tried at every word).
export const REMOTE_ACCESS_TOOL_RE =
  /(desk|viewer|support|supremo)(?<=\b(any[ -]?desk|team[ -]?viewer(?:[ -]?quick[ -]?support)?|quick[ -]?support|rust[ -]?desk|ultra[ -]?viewer|supremo))\b/gi;
/** A cheap test before the scan: no tool name, no remote-access ID. */
export const REMOTE_ACCESS_ANCHOR_RE = /desk|viewer|support|supremo/i;

const NUMERIC_ID_RE = /^[1-9]\d{7,10}$/;
const ALPHANUMERIC_ID_RE = /^[a-z0-9]{6,32}$/;
const ID_SEPARATORS_RE = /[\s.\-–]/g;

/** The canonical tool name for a tool as written (`Any Desk`, `TeamViewer`), or null for unknown tools. */
export function remoteAccessTool(tool: string): string | null {
  return TOOL_BY_NAME[tool.toLowerCase().replace(/[\s\-_]/g, '')] ?? null;
}

/** The record's `remoteAccess {tool, id}` → `anydesk:123456789`; null when the ID does not fit the tool. */
export function normalizeRemoteAccessPair(tool: string, id: string): Normalized | null {
  const canonicalTool = remoteAccessTool(tool);
  if (canonicalTool === null) return null;
  const compactId = cleanText(id).trim().replace(ID_SEPARATORS_RE, '').toLowerCase();
  if (!(NUMERIC_ID_TOOLS.has(canonicalTool) ? NUMERIC_ID_RE : ALPHANUMERIC_ID_RE).test(compactId)) return null;
  return normalized(`${canonicalTool}:${compactId}`, { network: canonicalTool });
}

// "AnyDesk 123 456 789", "anydesk:123456789", "TeamViewer ID: 1 234 567 890", "AnyDesk-code 482 193 557".
const WRITTEN_RE =
  /^\s*(any[\s-]?desk|team[\s-]?viewer(?:[\s-]?quick[\s-]?support)?|quick[\s-]?support|rust[\s-]?desk|ultra[\s-]?viewer|supremo|other)(?:[\s-]*(?:id|code|nummer|nr\.?|number))?\s*[:#]?\s*([a-z0-9][a-z0-9\s.\-–]*)$/i;

/** A remote-access ID written with its tool, e.g. `AnyDesk 123 456 789` → `anydesk:123456789`. */
export function normalizeRemoteAccess(raw: string): Normalized | null {
  if (raw.length > 80) return null; // a sentence, not a tool and an ID
  const match = WRITTEN_RE.exec(cleanText(raw).trim().replace(/\s+/g, ' '));
  return match ? normalizeRemoteAccessPair(match[1]!, match[2]!) : null;
}
