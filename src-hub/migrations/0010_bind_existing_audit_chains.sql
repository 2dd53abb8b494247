-- Chains pushed before owners were kept belong to the token that pushed their first entry (when a token did).
INSERT INTO "audit_chain_owners" ("workstation_id", "token_id", "bound_at")
SELECT "workstation_id", "token_id", "received_at" FROM "audit_entries" WHERE "seq" = 1 AND "token_id" IS NOT NULL
ON CONFLICT DO NOTHING;
