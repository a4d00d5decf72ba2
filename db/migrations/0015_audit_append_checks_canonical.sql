-- A second form of the append function that also learns JavaScript's canonical form of the
-- event (canonicalJson, the one the standalone verifier and exports use), in three pieces around
-- the two values only the database knows, prev_hash and seq, and fails the transaction when its
-- own hash differs from the hash over those bytes. emitAudit re-checks the returned hash in
-- JavaScript before committing; an append made at commit (auditOnCommit) travels with its
-- COMMIT in one round trip, so the check that can still stop it happens here, in the database.
-- Neither check stops a function replaced by whoever owns the schema: verification recomputes
-- every hash from the stored columns, and signed checkpoints catch a re-chained log.
-- The 12-argument form of migration 0014 stays, so that instances of the previous release keep
-- appending during a rolling deploy; a later migration drops it.
CREATE FUNCTION attest_append_audit_event(p_at timestamptz, p_actor_id uuid, p_actor_email text, p_actor_roles text[], p_token_id uuid,
    p_action text, p_entity_type text, p_entity_id text, p_data text, p_request_id text, p_ip text, p_user_agent text,
    p_canonical_before text, p_canonical_between text, p_canonical_after text,
    OUT o_seq bigint, OUT o_prev_hash text, OUT o_hash text)
  LANGUAGE plpgsql AS $fn$
BEGIN
  WITH head AS (SELECT seq + 1 AS seq, hash AS prev_hash FROM audit_head WHERE id = 1 FOR UPDATE),
    event AS (
      SELECT head.seq, head.prev_hash, p_at AS at, p_actor_id AS actor_id, p_actor_email AS actor_email, p_actor_roles AS actor_roles,
        p_token_id AS token_id, p_action AS action, p_entity_type AS entity_type, p_entity_id AS entity_id, p_data AS data,
        p_request_id AS request_id, p_ip AS ip, p_user_agent AS user_agent
      FROM head),
    inserted AS (
      INSERT INTO audit_events (seq, at, actor_id, actor_email, actor_roles, token_id, action, entity_type, entity_id, data,
        request_id, ip, user_agent, prev_hash, hash)
      SELECT seq, at, actor_id, actor_email, actor_roles, token_id, action, entity_type, entity_id, data,
        request_id, ip, user_agent, prev_hash,
        encode(sha256(convert_to(event.prev_hash || '{"action":' || to_json(event.action)::text
            || ',"actorEmail":' || to_json(event.actor_email)::text
            || ',"actorId":' || coalesce('"' || event.actor_id::text || '"', 'null')
            || ',"actorRoles":' || to_json(event.actor_roles)::text
            || ',"at":"' || to_char(event.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
            || '","data":' || event.data
            || ',"entityId":' || coalesce(to_json(event.entity_id)::text, 'null')
            || ',"entityType":' || to_json(event.entity_type)::text
            || ',"ip":' || coalesce(to_json(event.ip)::text, 'null')
            || ',"prevHash":' || to_json(event.prev_hash)::text
            || ',"requestId":' || coalesce(to_json(event.request_id)::text, 'null')
            || ',"seq":' || event.seq::text
            || ',"tokenId":' || coalesce('"' || event.token_id::text || '"', 'null')
            || ',"userAgent":' || coalesce(to_json(event.user_agent)::text, 'null')
            || '}', 'UTF8')), 'hex')
      FROM event
      RETURNING seq, prev_hash, hash),
    moved AS (UPDATE audit_head SET seq = inserted.seq, hash = inserted.hash FROM inserted WHERE audit_head.id = 1)
  SELECT seq, prev_hash, hash INTO o_seq, o_prev_hash, o_hash FROM inserted;
  IF o_seq IS NULL THEN
    RAISE EXCEPTION 'audit_head is missing: the database was not migrated';
  END IF;
  IF o_hash IS DISTINCT FROM encode(sha256(convert_to(o_prev_hash || p_canonical_before || to_json(o_prev_hash)::text
      || p_canonical_between || o_seq::text || p_canonical_after, 'UTF8')), 'hex') THEN
    RAISE EXCEPTION 'audit event %: the database''s canonical form differs from canonicalJson''s', o_seq;
  END IF;
END
$fn$;
