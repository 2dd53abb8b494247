/**
 * Proof that a mutation is its officer's: an Ed25519 signature by a key the officer registered with the hub
 * under their own session (one key per officer and workstation). The workstation signs a change as it records it,
 * so work done offline or before a shift change reaches the hub under its own officer's proof, whoever is signed
 * in when it is pushed. The signature covers the mutation's canonical content: everything but the proof itself.
 */
export interface MutationProof {
  /** The signing key's JWK thumbprint (RFC 7638, SHA-256, base64url). */
  keyId: string;
  /** Ed25519 signature of `signedContent(mutation)`, base64url. */
  signature: string;
}

export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{86}$/;

/** JSON with object keys sorted and undefined fields left out: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A mutation as its officer made and signed it: of this version or an older one (./upcast.ts), kept and pushed so
 * because its signature covers exactly this content.
 */
export interface SignedMutation {
  id: string;
  kind: string;
  officer: string;
  at: string;
  basis?: string;
  payload: unknown;
  proof?: MutationProof;
}

/** What an officer's key signs: a domain tag and the mutation's canonical JSON without its proof. */
export function signedContent(mutation: SignedMutation): string {
  const { proof: _proof, ...content } = mutation;
  return `puzzelstuk-mutation/1\n${canonicalJson(content)}`;
}
